/**
 * Child process for bench/import.ts: extracts one PDF's text with our importer
 * (importPdf, in this process) after a warm-up, so its peak memory is its own.
 * Usage (bundled by bench/import.ts): node extract-pdf.mjs WARMUP.pdf FILE.pdf REPEATS
 * Prints one JSON line: pages, chars, per-run milliseconds, baseline and peak RSS (KiB).
 */
import { readFileSync } from 'node:fs';
import { importPdf } from '../../src/main/archive/importers/pdf.js';

const [warmup, file, repeatArg] = process.argv.slice(2);
if (!warmup || !file) throw new Error('usage: extract-pdf.ts WARMUP.pdf FILE.pdf [REPEATS]');
const baselineRssKiB = Math.round(process.memoryUsage().rss / 1024);
// pdf.js loads its worker code, wasm and font data on first use: not part of any one document's cost.
await importPdf(new Uint8Array(readFileSync(warmup)));
const bytes = new Uint8Array(readFileSync(file));
const ms: number[] = [];
let pages = 0;
let chars = 0;
for (let i = 0; i < Math.max(1, Number(repeatArg ?? 1)); i++) {
  const start = performance.now();
  const doc = await importPdf(bytes);
  ms.push(performance.now() - start);
  pages = doc.pages.length;
  chars = doc.pages.reduce((n, p) => n + p.text.length, 0);
}
process.stdout.write(
  JSON.stringify({ pages, chars, ms, baselineRssKiB, maxRssKiB: process.resourceUsage().maxRSS }) + '\n',
);
