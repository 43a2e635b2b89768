/**
 * Reading a bundle's zip without trusting it: entries are read into memory one at a
 * time (never extracted to disk), with limits on their number, on each entry's and
 * the total inflated size, and on the compression ratio (zip bombs); names that could
 * escape a folder (absolute, "..", backslashes, drive letters) are refused.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { messageOf } from '../errors.js';
import { MAX_FILE_BYTES } from '../import/limits.js';
import { ownFileKind } from '../own-files.js';

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Uncompressed over compressed size above which an entry (over 1 MiB) is refused. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 100_000,
  maxEntryBytes: MAX_FILE_BYTES + 64 * 1024 * 1024,
  maxTotalBytes: 16 * 1024 * 1024 * 1024,
  maxRatio: 200,
};

export class ZipReadError extends Error {
  override name = 'ZipReadError';
}

/** Why an entry name is unsafe, or null when it is a plain relative path. */
export function unsafeName(name: string): string | null {
  if (name === '') return 'an empty name';
  if (name.includes('\\')) return 'a backslash in its name';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'an absolute path';
  if (name.split('/').some((part) => part === '..')) return 'a ".." in its path';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return 'a control character in its name';
  return null;
}

export interface OpenedZip {
  /** File entries by name (folders left out). */
  entries: Map<string, Entry>;
  comment: string;
  /** The entry's bytes, bounded by the limits. */
  read(name: string, maxBytes?: number): Promise<Buffer>;
  close(): void;
}

function openFile(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => {
        if (error || !zip) reject(new ZipReadError(`not a readable zip file (${messageOf(error)})`));
        else resolve(zip);
      },
    );
  });
}

/** Opens a zip and lists its entries, refusing unsafe names and oversized contents. */
export async function openZip(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<OpenedZip> {
  // Opening an open archive's own files would drop this process's SQLite locks (own-files.ts).
  const own = await ownFileKind(path);
  if (own) throw new ZipReadError(`this is ${own}`);
  const zip = await openFile(path);
  const entries = new Map<string, Entry>();
  try {
    if (zip.entryCount > limits.maxEntries)
      throw new ZipReadError(`${zip.entryCount} entries (at most ${limits.maxEntries} are read)`);
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (error: unknown) => reject(new ZipReadError(`damaged zip (${messageOf(error)})`)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        try {
          const name = entry.fileName;
          const unsafe = unsafeName(name);
          if (unsafe) throw new ZipReadError(`entry "${name}" has ${unsafe}`);
          if (!name.endsWith('/')) {
            if (entries.has(name)) throw new ZipReadError(`entry "${name}" appears twice`);
            if (entry.uncompressedSize > limits.maxEntryBytes)
              throw new ZipReadError(
                `entry "${name}" inflates to ${entry.uncompressedSize} bytes (limit ${limits.maxEntryBytes})`,
              );
            if (
              entry.uncompressedSize > 1024 * 1024 &&
              entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)
            ) {
              throw new ZipReadError(
                `entry "${name}" is compressed ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} to 1, like a zip bomb`,
              );
            }
            total += entry.uncompressedSize;
            if (total > limits.maxTotalBytes)
              throw new ZipReadError(`the entries inflate to more than ${limits.maxTotalBytes} bytes`);
            entries.set(name, entry);
          }
          zip.readEntry();
        } catch (error) {
          reject(error instanceof ZipReadError ? error : new ZipReadError(messageOf(error)));
        }
      });
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }
  const comment = typeof zip.comment === 'string' ? zip.comment : '';
  return {
    entries,
    comment,
    read(name, maxBytes = limits.maxEntryBytes) {
      const entry = entries.get(name);
      if (!entry) return Promise.reject(new ZipReadError(`no entry "${name}"`));
      if (entry.uncompressedSize > maxBytes)
        return Promise.reject(new ZipReadError(`entry "${name}" is larger than ${maxBytes} bytes`));
      return new Promise((resolve, reject) => {
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) {
            reject(new ZipReadError(`entry "${name}" cannot be read (${messageOf(error)})`));
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) {
              stream.destroy(new ZipReadError(`entry "${name}" inflates past ${maxBytes} bytes`));
              return;
            }
            chunks.push(chunk);
          });
          stream.on('error', (e: unknown) =>
            reject(e instanceof ZipReadError ? e : new ZipReadError(`entry "${name}" is damaged (${messageOf(e)})`)),
          );
          stream.on('end', () => resolve(Buffer.concat(chunks, size)));
        });
      });
    },
    close: () => zip.close(),
  };
}
