/**
 * Child process for bench/import.ts: the full import (read, fingerprint, extract, store
 * in one transaction per file) of some files into a fresh archive, after a warm-up file.
 * Usage (bundled by bench/import.ts): node import-files.mjs ARCHIVE WARMUP FILE...
 * Prints one JSON line: documents, pages, milliseconds, peak RSS (KiB).
 */
import { importPaths, openArchive } from '../../src/main/archive/index.js';

const [archivePath, warmup, ...files] = process.argv.slice(2);
if (!archivePath || !warmup || files.length === 0) throw new Error('usage: import-files.ts ARCHIVE WARMUP FILE...');
const archive = await openArchive(archivePath);
try {
  await importPaths(archive, [warmup]);
  const start = performance.now();
  const results = await importPaths(archive, files);
  const ms = performance.now() - start;
  const failed = results.filter((r) => r.status !== 'imported');
  if (failed.length) throw new Error(`not imported: ${failed.map((r) => r.error ?? r.path).join('; ')}`);
  const ids = results.map((r) => r.documentId ?? 0);
  const rows = await archive.db.selectFrom('documents').select(['page_count']).where('id', 'in', ids).execute();
  const pages = rows.reduce((n, r) => n + r.page_count, 0);
  process.stdout.write(
    JSON.stringify({ documents: rows.length, pages, ms, maxRssKiB: process.resourceUsage().maxRSS }) + '\n',
  );
} finally {
  await archive.close();
}
