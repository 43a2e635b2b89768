/**
 * A look through a ZIP package (DOCX) before any parser unpacks it: every entry's name,
 * declared and actual unpacked size, and every XML part's content for a DTD. Refuses zip
 * bombs (too large in all, or an absurd packing ratio), headers that lie about sizes
 * (inflated bytes are counted while streaming, never held), unsafe entry names, and
 * XML that declares entities (billion laughs, external entities pointing at local files).
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ArchiveError, messageOf } from '../errors.js';

/** Bounds that keep unpacking a hostile package within memory and time. */
export interface ZipLimits {
  /** Unpacked bytes of the whole package. */
  maxTotal: number;
  /**
   * Unpacked bytes of one part that a parser reads whole. mammoth holds a DOM of it:
   * about 8 s and 550 MB at 8 MiB of document.xml, 24 s and 2.4 GB at 32 MiB.
   */
  maxPart: number;
  maxEntries: number;
  /** Unpacked/packed above this is a bomb, for parts larger than `ratioFloor`. */
  maxRatio: number;
  ratioFloor: number;
}

/** Generous for real Word files (rarely over 20 MiB unpacked), tight for bombs. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotal: 256 * 1024 * 1024,
  maxPart: 32 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 500,
  ratioFloor: 4 * 1024 * 1024,
};

/** What the look through a package found, so the package need not be opened twice for it. */
export interface ZipScan {
  names: string[];
  /** Unpacked content of the entries asked for (small ones only). */
  kept: Map<string, Buffer>;
  /** Bytes actually inflated while looking. */
  inflated: number;
}

const MIB = 1024 * 1024;
const MAX_KEPT = MIB;

/** Parts no OOXML reader parses as XML: pictures and embedded files. */
function isBinaryPart(name: string): boolean {
  return /(^|\/)(media|embeddings)\//i.test(name);
}

/** `<!DOCTYPE` / `<!ENTITY` in 8-bit encodings and in UTF-16 either way round, as Latin-1 text. */
const DTD_MARKERS = ['<!DOCTYPE', '<!ENTITY'].flatMap((m) => [
  m,
  m.split('').join('\0') + '\0',
  '\0' + m.split('').join('\0'),
]);
const MARKER_TAIL = Math.max(...DTD_MARKERS.map((m) => m.length));

function shown(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 117)}...` : clean;
}

function refuse(message: string): ArchiveError {
  return new ArchiveError('corrupt', message);
}

function openZip(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false },
      (error, zip) => {
        if (error || !zip) reject(error ?? new Error('no zip'));
        else resolve(zip);
      },
    );
  });
}

/** yauzl may have closed the package itself after an error; a second close throws. */
function closeQuietly(zip: ZipFile): void {
  try {
    if (zip.isOpen) zip.close();
  } catch {
    // Already closed.
  }
}

function explainOpen(error: unknown, what: string): ArchiveError {
  const reason = messageOf(error);
  if (/end of central directory|central directory/i.test(reason)) {
    return refuse(`damaged ${what}: the ZIP package is truncated or corrupt (no readable central directory)`);
  }
  return refuse(`damaged ${what}: the ZIP package cannot be read (${reason})`);
}

function explainEntryError(error: unknown, what: string): ArchiveError {
  if (error instanceof ArchiveError) return error;
  const reason = messageOf(error);
  const unsafe = /^(invalid relative path|absolute path|invalid characters in fileName): (.*)$/.exec(reason);
  if (unsafe) return refuse(`refused: the ${what} holds an entry with an unsafe name (${shown(unsafe[2] ?? '')})`);
  return refuse(`damaged ${what}: the ZIP package is corrupt (${reason})`);
}

/** Streams one entry, counting bytes and looking for a DTD; keeps it when asked. */
function inspectEntry(
  zip: ZipFile,
  entry: Entry,
  keep: boolean,
  budget: { left: number },
  limits: ZipLimits,
  what: string,
): Promise<{ inflated: number; content: Buffer | null }> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(error ?? new Error('no stream'));
        return;
      }
      let inflated = 0;
      let tail = '';
      const chunks: Buffer[] = [];
      let done = false;
      const fail = (e: unknown) => {
        if (done) return;
        done = true;
        stream.destroy();
        reject(e);
      };
      stream.on('data', (chunk: Buffer) => {
        if (done) return;
        inflated += chunk.length;
        budget.left -= chunk.length;
        if (budget.left < 0) {
          fail(refuse(`refused: the ${what} unpacks to more than ${limits.maxTotal / MIB} MiB; it may be a zip bomb`));
          return;
        }
        if (inflated > limits.maxPart) {
          fail(
            refuse(
              `refused: ${shown(entry.fileName)} in the ${what} unpacks to more than ${limits.maxPart / MIB} MiB, too large to read safely`,
            ),
          );
          return;
        }
        const text = tail + chunk.toString('latin1');
        if (DTD_MARKERS.some((m) => text.includes(m))) {
          fail(
            refuse(
              `refused: ${shown(entry.fileName)} in the ${what} declares XML entities (a DTD), which Word never writes; it may be an entity bomb or point at local files`,
            ),
          );
          return;
        }
        tail = text.slice(-MARKER_TAIL);
        if (keep && inflated <= MAX_KEPT) chunks.push(chunk);
      });
      stream.on('error', (e: unknown) => {
        const reason = messageOf(e);
        if (/too many bytes in the stream/i.test(reason)) {
          fail(
            refuse(
              `refused: ${shown(entry.fileName)} in the ${what} unpacks to more than its header says; it may be a zip bomb`,
            ),
          );
        } else fail(refuse(`damaged ${what}: ${shown(entry.fileName)} cannot be unpacked (${reason})`));
      });
      stream.on('end', () => {
        if (done) return;
        done = true;
        resolve({ inflated, content: keep && inflated <= MAX_KEPT ? Buffer.concat(chunks) : null });
      });
    });
  });
}

/**
 * Checks a ZIP package against `limits` without holding its unpacked content; returns
 * its entry names and the content of the small entries `keep` asks for.
 * Throws an ArchiveError with a one-line reason.
 */
export async function scanZip(
  bytes: Uint8Array,
  what: string,
  keep: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ZipScan> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: ZipFile;
  try {
    zip = await openZip(buffer);
  } catch (error) {
    throw explainOpen(error, what);
  }
  if (zip.entryCount > limits.maxEntries) {
    closeQuietly(zip);
    throw refuse(`refused: the ${what} holds ${zip.entryCount} entries (at most ${limits.maxEntries})`);
  }
  const names: string[] = [];
  const kept = new Map<string, Buffer>();
  const budget = { left: limits.maxTotal };
  let declared = 0;
  let inflated = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        const next = async () => {
          names.push(entry.fileName);
          declared += entry.uncompressedSize;
          if (declared > limits.maxTotal) {
            throw refuse(
              `refused: the ${what} would unpack to ${Math.ceil(declared / MIB)} MiB (at most ${limits.maxTotal / MIB} MiB); it may be a zip bomb`,
            );
          }
          if (
            entry.uncompressedSize > limits.ratioFloor &&
            entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)
          ) {
            const ratio = Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize));
            throw refuse(
              `refused: ${shown(entry.fileName)} in the ${what} would unpack to ${ratio} times its packed size; it may be a zip bomb`,
            );
          }
          if (entry.isEncrypted()) throw new ArchiveError('encrypted', 'encrypted; a password is needed');
          const isDir = entry.fileName.endsWith('/');
          if (!isDir && !isBinaryPart(entry.fileName)) {
            const result = await inspectEntry(zip, entry, keep(entry.fileName), budget, limits, what);
            inflated += result.inflated;
            if (result.content) kept.set(entry.fileName, result.content);
          }
        };
        next().then(
          () => zip.readEntry(),
          (error: unknown) => reject(error),
        );
      });
      zip.readEntry();
    });
  } catch (error) {
    throw explainEntryError(error, what);
  } finally {
    closeQuietly(zip);
  }
  return { names, kept, inflated };
}
