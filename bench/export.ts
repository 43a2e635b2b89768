/**
 * bench/export: 1,000 quotes from 200 documents to every format; seconds and peak
 * memory per format. Target: each under 5 s, bundles included.
 *
 * The archive is built through the core: 200 text documents of ~25 KB imported, their
 * metadata set, five quotes saved in each (createQuote, by selection) with tags and
 * notes. Each format is then exported the way `exhibit export --all` does it
 * (exportFromArchive: gather the quotes and documents from the archive, render the
 * citations, write the file safely, hash it, record the custody entry). The bundle's
 * time includes fetching the 200 originals from the archive, timed apart as well to
 * show it does not dominate. Then, for information: verifying the bundle and importing
 * it into an empty archive. Peak memory is the process's RSS sampled every 5 ms during
 * each step; RSS rarely shrinks, so a step's peak includes what earlier steps left.
 *
 *   npm run bench -- export     or     npx tsx bench/export.ts
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DOCUMENT_TYPES } from '../src/shared/document.js';
import {
  createQuote,
  exportFromArchive,
  getOriginal,
  getPages,
  importBytes,
  importPaths,
  openArchive,
  updateMetadata,
} from '../src/main/archive/index.js';
import { EXPORT_FORMATS, type ExportFormat } from '../src/main/archive/export/model.js';
import { verifyBundle } from '../src/main/archive/export/verify.js';
import { describeMachine } from './machine.js';
import { formatTable } from './table.js';
import type { BenchModule, BenchReport } from './types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOCUMENTS = 200;
const QUOTES_PER_DOCUMENT = 5;
const TARGET_SECONDS = 5;

const WORDS =
  'the police department said officer report statement evidence letter memo court judge witness investigation policy pursuit vehicle driver community council review board complaint findings recommended procedures training use force incident arrest record request response release public information officials county state federal agency “quoted” — café naïve résumé'.split(
    ' ',
  );

/** Deterministic prose from a small vocabulary (real enough for citations and layout). */
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
  step: ExportFormat | 'verify' | 'import bundle';
  seconds: number;
  /** CPU time of this process (user + system): what the step costs when the machine is shared. */
  cpuSeconds: number;
  peakRssMiB: number;
  bytes: number;
  note?: string;
}

async function measure<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; seconds: number; cpuSeconds: number; peakRssMiB: number }> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const start = performance.now();
  const cpu = process.cpuUsage();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    const used = process.cpuUsage(cpu);
    return {
      value,
      seconds: (performance.now() - start) / 1000,
      cpuSeconds: round((used.user + used.system) / 1e6),
      peakRssMiB: Math.round(peak / 1024 / 1024),
    };
  } finally {
    clearInterval(timer);
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

async function run(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'exhibit-bench-export-'));
  const archive = await openArchive(join(dir, 'bench.exhibit'));
  try {
    const setupStart = performance.now();
    const ids: number[] = [];
    for (let d = 0; d < DOCUMENTS; d++) {
      const [result] = await importBytes(archive, Buffer.from(text(d + 1, 3500)), `/bench/document-${d}.txt`);
      const id = result?.documentId;
      if (!id) throw new Error(`bench: document ${d} was not imported`);
      ids.push(id);
      await updateMetadata(archive, id, {
        title: `Synthetic document ${d}`,
        type: DOCUMENT_TYPES[d % DOCUMENT_TYPES.length],
        authors: d % 5 === 0 ? [] : [`Author ${String.fromCharCode(65 + (d % 26))} Person${d}`],
        date: d % 7 === 0 ? null : `20${String(10 + (d % 15)).padStart(2, '0')}-0${1 + (d % 9)}-1${d % 10}`,
      });
      const page = (await getPages(archive.db, id))[0]?.text ?? '';
      for (let q = 0; q < QUOTES_PER_DOCUMENT; q++) {
        // About 200 characters from word boundaries, spread over the page.
        const from = page.indexOf(' ', Math.floor((page.length / QUOTES_PER_DOCUMENT) * q)) + 1;
        const to = page.lastIndexOf(' ', from + 200);
        await createQuote(archive, {
          documentId: id,
          selector: { page: 1, pageEnd: 1, start: from, end: to },
          ...(q % 2 ? { note: `Note on quote ${q} of document ${d}: “why it matters” — café` } : {}),
          tags: ['bench', `doc/${d % 10}`],
        });
      }
    }
    const setupSeconds = (performance.now() - setupStart) / 1000;

    const results: Measure[] = [];
    let zip = '';
    for (const format of EXPORT_FORMATS) {
      const out = join(dir, `export.${format === 'bundle' ? 'zip' : format}`);
      const m = await measure(() => exportFromArchive(archive, { kind: 'all' }, out, { format, style: 'chicago' }));
      if (m.value.quotes !== DOCUMENTS * QUOTES_PER_DOCUMENT)
        throw new Error(`bench: ${format} exported ${m.value.quotes} quotes`);
      const entry: Measure = {
        step: format,
        seconds: round(m.seconds),
        cpuSeconds: m.cpuSeconds,
        peakRssMiB: m.peakRssMiB,
        bytes: m.value.bytes,
      };
      if (format === 'bundle') {
        zip = out;
        const fetch = await measure(async () => {
          for (const id of ids) await getOriginal(archive.db, id);
        });
        entry.note = `includes fetching the ${DOCUMENTS} originals from the archive (${round(fetch.seconds)} s on their own)`;
      }
      results.push(entry);
    }
    const v = await measure(() => verifyBundle(zip));
    if (!v.value.ok) throw new Error(`bench: the bundle does not verify: ${v.value.problems[0]?.message}`);
    results.push({
      step: 'verify',
      seconds: round(v.seconds),
      cpuSeconds: v.cpuSeconds,
      peakRssMiB: v.peakRssMiB,
      bytes: 0,
      note: `re-hash and re-extract ${DOCUMENTS} originals, check ${DOCUMENTS * QUOTES_PER_DOCUMENT} quotes`,
    });

    const other = await openArchive(join(dir, 'colleague.exhibit'));
    try {
      const i = await measure(() => importPaths(other, [zip]));
      const summary = i.value[0]?.bundle;
      const placed = summary?.quotes.filter((q) => q.status === 'imported').length ?? 0;
      if (placed !== DOCUMENTS * QUOTES_PER_DOCUMENT)
        throw new Error(`bench: the bundle import placed ${placed} quotes`);
      results.push({
        step: 'import bundle',
        seconds: round(i.seconds),
        cpuSeconds: i.cpuSeconds,
        peakRssMiB: i.peakRssMiB,
        bytes: 0,
        note: `into an empty archive: verify, re-extract ${DOCUMENTS} originals, place ${placed} quotes, one transaction`,
      });
    } finally {
      await other.close();
    }

    const exports = results.filter((r) => (EXPORT_FORMATS as readonly string[]).includes(r.step));
    const slowest = exports.reduce((a, b) => (b.seconds > a.seconds ? b : a));
    const table = formatTable(
      ['step', 'seconds', 'CPU s', 'peak RSS MiB', 'bytes', 'note'],
      results.map((r) => [r.step, r.seconds, r.cpuSeconds, r.peakRssMiB, r.bytes || null, r.note ?? '']),
    );
    return {
      table,
      summary: [
        `${DOCUMENTS * QUOTES_PER_DOCUMENT} quotes from ${DOCUMENTS} documents (archive built in ${round(setupSeconds)} s, not timed); load average at the end ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')} on ${cpus().length} cores.`,
        `Every format under ${TARGET_SECONDS} s: ${exports.every((r) => r.seconds < TARGET_SECONDS) ? 'yes' : 'NO'} (slowest: ${slowest.step}, ${slowest.seconds} s).`,
      ],
      data: {
        documents: DOCUMENTS,
        quotes: DOCUMENTS * QUOTES_PER_DOCUMENT,
        targetSeconds: TARGET_SECONDS,
        allUnderTarget: exports.every((r) => r.seconds < TARGET_SECONDS),
        results,
      },
    };
  } finally {
    await archive.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const bench: BenchModule = {
  name: 'export',
  description:
    '1,000 quotes from 200 documents exported from the archive to every format, then the bundle verified and imported; seconds and peak memory',
  run,
};

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const started = new Date();
  const report = await run();
  process.stdout.write(`${report.table}\n\n${report.summary.join('\n')}\n`);
  const file = join(ROOT, 'bench', 'results', 'export.json');
  mkdirSync(dirname(file), { recursive: true });
  const json = {
    name: bench.name,
    description: bench.description,
    ranAt: started.toISOString(),
    machine: describeMachine(),
    summary: report.summary,
    ...report.data,
  };
  writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
  process.stdout.write(`wrote ${file}\n`);
}
