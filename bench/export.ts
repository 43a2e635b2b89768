/**
 * bench/export: 1,000 quotes from 200 documents to every format; seconds and peak
 * memory per format. Target: each under 5 s. The documents are real imports (text
 * originals of ~25 KB in a temp archive); the bundle's time is split into rendering
 * and zipping vs fetching originals from the archive, to show which dominates.
 *
 *   npx tsx bench/export.ts        (writes bench/results/export.json)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DOCUMENT_TYPES } from '../src/shared/document.js';
import { getDocument, getOriginal, getPages, importBytes, openArchive, updateMetadata } from '../src/main/archive/index.js';
import { exportModel } from '../src/main/archive/export/export-file.js';
import { EXPORT_FORMATS, type ExportFormat, type ExportItem, type ExportModel } from '../src/main/archive/export/model.js';
import { globalRange, joinPages, selectorOf, textAt } from '../src/main/archive/quotes/selectors.js';
import { verifyBundle } from '../src/main/archive/export/verify.js';

const DOCUMENTS = 200;
const QUOTES_PER_DOCUMENT = 5;
const TARGET_SECONDS = 5;

const WORDS = 'the police department said officer report statement evidence letter memo court judge witness investigation policy pursuit vehicle driver community council review board complaint findings recommended procedures training use force incident arrest record request response release public information officials county state federal agency “quoted” — café naïve résumé'.split(' ');

function text(seed: number, words: number): string {
  let x = seed * 2654435761;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length] ?? 'word');
    if (i % 14 === 13) out.push('\n');
  }
  return out.join(' ').replace(/ \n /g, '\n');
}

interface Measure {
  format: ExportFormat | 'verify';
  seconds: number;
  peakRssMiB: number;
  bytes: number;
  note?: string;
}

async function measure<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number; peakRssMiB: number }> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const start = performance.now();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, seconds: (performance.now() - start) / 1000, peakRssMiB: Math.round(peak / 1024 / 1024) };
  } finally {
    clearInterval(timer);
  }
}

/** Builds the archive and model, exports every format, returns the figures. */
export async function run(): Promise<{ documents: number; quotes: number; results: Measure[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'exhibit-bench-export-'));
  const archive = await openArchive(join(dir, 'bench.exhibit'));
  try {
    const items: ExportItem[] = [];
    for (let d = 0; d < DOCUMENTS; d++) {
      const body = text(d + 1, 3500);
      const [result] = await importBytes(archive, Buffer.from(body), `/bench/document-${d}.txt`);
      const id = result?.documentId;
      if (!id) throw new Error(`bench: document ${d} was not imported`);
      await updateMetadata(archive, id, {
        title: `Synthetic document ${d}`,
        type: DOCUMENT_TYPES[d % DOCUMENT_TYPES.length],
        authors: d % 5 === 0 ? [] : [`Author ${String.fromCharCode(65 + (d % 26))} Person${d}`],
        date: d % 7 === 0 ? null : `20${String(10 + (d % 15)).padStart(2, '0')}-0${1 + (d % 9)}-1${d % 10}`,
      });
      const document = await getDocument(archive.db, id);
      const pages = (await getPages(archive.db, id)).map((p) => p.text);
      for (let q = 0; q < QUOTES_PER_DOCUMENT; q++) {
        const page = pages[0] ?? '';
        const from = Math.floor((page.length / QUOTES_PER_DOCUMENT) * q);
        const exact = page.slice(from, from + 200).trim();
        const joined = joinPages(pages);
        const at = joined.text.indexOf(exact, from);
        const selector = selectorOf(joined, at, at + exact.length);
        const found = textAt(joined, selector);
        if (at < 0 || !found) throw new Error('bench: passage not found');
        const sel = { ...selector, exact: found.text, prefix: found.prefix, suffix: found.suffix };
        items.push({
          document,
          quote: { id: items.length + 1, documentId: id, ...sel, note: q % 2 ? `Note ${items.length}` : null, tags: ['bench', `doc/${d % 10}`], position: globalRange(joined, sel) },
        });
      }
    }
    const model: ExportModel = { title: 'Export benchmark', introduction: 'One thousand quotes from two hundred documents.', style: 'chicago', items };
    const results: Measure[] = [];
    let originalSeconds = 0;
    const original = async (doc: { id: number }) => {
      const start = performance.now();
      const { data } = await getOriginal(archive.db, doc.id);
      originalSeconds += (performance.now() - start) / 1000;
      return data;
    };
    for (const format of EXPORT_FORMATS) {
      const out = join(dir, `export.${format === 'bundle' ? 'zip' : format}`);
      originalSeconds = 0;
      const m = await measure(() => exportModel(model, format, out, { original, archiveId: 'bench' }));
      results.push({
        format,
        seconds: round(m.seconds),
        peakRssMiB: m.peakRssMiB,
        bytes: m.value.bytes,
        ...(format === 'bundle' ? { note: `of which ${round(originalSeconds)} s fetching ${DOCUMENTS} originals from the archive (included)` } : {}),
      });
    }
    const v = await measure(() => verifyBundle(join(dir, 'export.zip')));
    if (!v.value.ok) throw new Error(`bench: the bundle does not verify: ${v.value.problems[0]?.message}`);
    results.push({ format: 'verify', seconds: round(v.seconds), peakRssMiB: v.peakRssMiB, bytes: 0, note: 're-hash and re-extract 200 originals, check 1,000 quotes' });
    return { documents: DOCUMENTS, quotes: items.length, results };
  } finally {
    await archive.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const report = await run();
  const outFile = join(dirname(fileURLToPath(import.meta.url)), 'results', 'export.json');
  mkdirSync(dirname(outFile), { recursive: true });
  const json = {
    benchmark: 'export',
    date: new Date().toISOString(),
    node: process.version,
    machine: `${(await import('node:os')).cpus().length} cores`,
    targetSeconds: TARGET_SECONDS,
    ...report,
    allUnderTarget: report.results.every((r) => r.format === 'verify' || r.seconds < TARGET_SECONDS),
  };
  writeFileSync(outFile, JSON.stringify(json, null, 2) + '\n');
  for (const r of report.results) {
    process.stdout.write(`${r.format.padEnd(7)} ${r.seconds.toFixed(3).padStart(7)} s  peak RSS ${String(r.peakRssMiB).padStart(5)} MiB  ${String(r.bytes).padStart(10)} bytes${r.note ? `  (${r.note})` : ''}\n`);
  }
  process.stdout.write(`written ${outFile}\n`);
}
