/**
 * Rewrites a ZIP package (a DOCX) so that its bytes depend only on its content: entries
 * in their original order, one fixed DOS timestamp, stored uncompressed (zlib's output
 * may change between Node versions; stored bytes never do). A hook may edit entries.
 */
import yauzl from 'yauzl';
import yazl from 'yazl';

export type EntryRewrite = (name: string, data: Buffer) => Buffer;

function readEntries(bytes: Uint8Array): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('not a ZIP package'));
      const entries: { name: string; data: Buffer }[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/**
 * `mtime` is read in local time by the DOS format, so it is built from local fields:
 * the same calendar time is written whatever the machine's time zone.
 */
export async function normalizeZip(bytes: Uint8Array, mtime: { year: number; month: number; day: number }, rewrite: EntryRewrite): Promise<Uint8Array> {
  const entries = await readEntries(bytes);
  const date = new Date(mtime.year, mtime.month - 1, mtime.day, 12, 0, 0);
  const out = new yazl.ZipFile();
  for (const { name, data } of entries) {
    out.addBuffer(rewrite(name, data), name, { mtime: date, mode: 0o100644, compress: false, forceDosTimestamp: true });
  }
  out.end();
  const chunks: Buffer[] = [];
  for await (const chunk of out.outputStream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
