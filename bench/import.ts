/**
 * The import benchmark: pages per second of PDF text extraction through our importer
 * (pdf.js, importPdf) beside poppler's `pdftotext` on the same files in the same run,
 * their peak memory, and the full import (extract + store) into a fresh archive.
 *
 * Each measurement is the fastest of BENCH_REPEATS runs (default 3): the machine is shared,
 * and the fastest run is the one least disturbed. Our extraction runs in a child process
 * per file (after a warm-up) so that its peak RSS is that file's, as pdftotext's is. The
 * workers are bundled with esbuild first, as the app and the CLI are: run through tsx,
 * pdf.js alone would cost some 150 MiB of transpiler memory that no user ever pays.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { recollSideBySide, type SideBySide } from './import-recoll.js';
import { toolVersion } from './machine.js';
import { formatTable, round } from './table.js';
import type { BenchModule, BenchReport } from './types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = process.env['EXHIBIT_CORPUS'] ?? resolve(ROOT, '../shared/corpus');
const WARMUP = join(ROOT, 'resources/sample-case/files/2020-11-13-port-alder-police-memo.pdf');
const REPEATS = Math.max(1, Number(process.env['BENCH_REPEATS'] ?? 3));
/** `BENCH_IMPORT_PARTS=recoll` (or `pdf`) runs one half of this benchmark. */
const PARTS = (process.env['BENCH_IMPORT_PARTS'] ?? 'pdf,recoll').split(',');
/** Folder sizes of the Recoll side-by-side. */
const SIZES = (process.env['BENCH_IMPORT_SIZES'] ?? '5000,20000').split(',').map(Number);

/** PDFs with text layers, short to very long, one to three columns. */
export const BENCH_PDFS = [
  'pdf-good/pdfjs__tracemonkey.pdf',
  'pdf-good/pdfplumber__federal-register-2020-17221.pdf',
  'pdf-good/pdfminer__dmca.pdf',
  'pdf-good/debian__project-history.en.pdf',
  'pdf-good/formatcorpus__027613.pdf',
];

interface Measure {
  pages: number;
  chars: number;
  ms: number;
  peakMiB: number | null;
}

interface Row {
  file: string;
  exhibit: Measure & { baselineMiB: number };
  pdftotext: Measure;
}

const mib = (kib: number) => round(kib / 1024, 1);
const perSecond = (pages: number, ms: number) => round(pages / (ms / 1000), 1);

/** Where the bundled workers go: inside the project, so that they find node_modules. */
const WORKERS = join(ROOT, '.tmp', 'bench');

async function bundleWorkers(): Promise<void> {
  await build({
    entryPoints: [join(ROOT, 'bench/workers/extract-pdf.ts'), join(ROOT, 'bench/workers/import-files.ts')],
    outdir: WORKERS,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
  });
}

/** Runs a bundled bench worker; returns the JSON line it prints. */
function worker<T>(script: string, args: readonly string[]): T {
  const run = spawnSync(process.execPath, [join(WORKERS, script.replace(/\.ts$/, '.mjs')), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0)
    throw new Error(`${script} ${args.join(' ')} failed: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as T;
}

function measureExhibit(file: string): Row['exhibit'] {
  const out = worker<{ pages: number; chars: number; ms: number[]; baselineRssKiB: number; maxRssKiB: number }>(
    'extract-pdf.ts',
    [WARMUP, file, String(REPEATS)],
  );
  return {
    pages: out.pages,
    chars: out.chars,
    ms: Math.min(...out.ms),
    peakMiB: mib(out.maxRssKiB),
    baselineMiB: mib(out.baselineRssKiB),
  };
}

/** pdftotext to a pipe (pages end in form feeds); GNU time reports its peak RSS where installed. */
function measurePdftotext(file: string, scratch: string): Measure {
  const timeFile = join(scratch, 'time.txt');
  const gnuTime = existsSync('/usr/bin/time');
  const args = ['-q', '-enc', 'UTF-8', file, '-'];
  const runs: Measure[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    const run = gnuTime
      ? spawnSync('/usr/bin/time', ['-f', '%M', '-o', timeFile, 'pdftotext', ...args], {
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
        })
      : spawnSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const ms = performance.now() - start;
    if (run.error || run.status !== 0)
      throw new Error(
        `pdftotext failed on ${file} (${run.error?.message ?? `exit ${run.status}`}); is poppler-utils installed?`,
      );
    const peakKiB = gnuTime ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)) : NaN;
    runs.push({
      pages: run.stdout.split('\f').length - 1,
      chars: run.stdout.replace(/\f/g, '').length,
      ms,
      peakMiB: Number.isFinite(peakKiB) ? mib(peakKiB) : null,
    });
  }
  const fastest = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const peaks = runs.map((r) => r.peakMiB).filter((n): n is number => n !== null);
  return { ...fastest, peakMiB: peaks.length ? Math.max(...peaks) : null };
}

function measureFullImport(
  files: readonly string[],
  scratch: string,
): { documents: number; pages: number; ms: number; peakMiB: number } {
  const runs = Array.from({ length: REPEATS }, (_, i) => {
    const archive = join(scratch, `import-${i}.exhibit`);
    const out = worker<{ documents: number; pages: number; ms: number; maxRssKiB: number }>('import-files.ts', [
      archive,
      WARMUP,
      ...files,
    ]);
    rmSync(archive, { force: true });
    return out;
  });
  const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  return {
    documents: best.documents,
    pages: best.pages,
    ms: best.ms,
    peakMiB: Math.max(...runs.map((r) => mib(r.maxRssKiB))),
  };
}

async function runPdf(): Promise<BenchReport> {
  const files = BENCH_PDFS.map((f) => join(CORPUS, f));
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) throw new Error(`corpus files missing (set EXHIBIT_CORPUS): ${missing.join(', ')}`);
  const scratch = mkdtempSync(join(tmpdir(), 'exhibit-bench-'));
  await bundleWorkers();
  try {
    const rows: Row[] = files.map((file) => {
      process.stderr.write(`  extracting ${file.split('/').at(-1)} …\n`);
      return {
        file: file.split('/').at(-1) ?? file,
        exhibit: measureExhibit(file),
        pdftotext: measurePdftotext(file, scratch),
      };
    });
    process.stderr.write('  full import …\n');
    const full = measureFullImport(files, scratch);

    const sum = (pick: (r: Row) => number) => rows.reduce((n, r) => n + pick(r), 0);
    const pages = sum((r) => r.exhibit.pages);
    const exhibitRate = perSecond(
      pages,
      sum((r) => r.exhibit.ms),
    );
    const popplerRate = perSecond(
      sum((r) => r.pdftotext.pages),
      sum((r) => r.pdftotext.ms),
    );
    const ratio = round(exhibitRate / popplerRate, 2);
    const peaks = (pick: (r: Row) => number | null) => rows.map(pick).filter((n): n is number => n !== null);
    const exhibitPeaks = peaks((r) => r.exhibit.peakMiB);
    const popplerPeaks = peaks((r) => r.pdftotext.peakMiB);

    const table = formatTable(
      [
        'file',
        'pages',
        'exhibit ms',
        'exhibit p/s',
        'pdftotext ms',
        'pdftotext p/s',
        'ratio',
        'exhibit MiB',
        'pdftotext MiB',
        'exhibit chars',
        'pdftotext chars',
      ],
      [
        ...rows.map((r) => [
          r.file,
          r.exhibit.pages,
          round(r.exhibit.ms, 0),
          perSecond(r.exhibit.pages, r.exhibit.ms),
          round(r.pdftotext.ms, 0),
          perSecond(r.pdftotext.pages, r.pdftotext.ms),
          round(perSecond(r.exhibit.pages, r.exhibit.ms) / perSecond(r.pdftotext.pages, r.pdftotext.ms), 2),
          r.exhibit.peakMiB,
          r.pdftotext.peakMiB,
          r.exhibit.chars,
          r.pdftotext.chars,
        ]),
        [
          'all',
          pages,
          round(
            sum((r) => r.exhibit.ms),
            0,
          ),
          exhibitRate,
          round(
            sum((r) => r.pdftotext.ms),
            0,
          ),
          popplerRate,
          ratio,
          Math.max(...exhibitPeaks),
          popplerPeaks.length ? Math.max(...popplerPeaks) : null,
          sum((r) => r.exhibit.chars),
          sum((r) => r.pdftotext.chars),
        ],
      ],
    );
    const summary = [
      `PDF text extraction over ${pages} pages in ${rows.length} files (fastest of ${REPEATS} runs): Exhibit (pdf.js) ${exhibitRate} pages/s, pdftotext ${popplerRate} pages/s; ratio ${ratio} (pdftotext is ${round(popplerRate / exhibitRate, 1)}× faster).`,
      `Peak RSS per file: Exhibit ${Math.min(...exhibitPeaks)}–${Math.max(...exhibitPeaks)} MiB (Node with the importer loaded, before any PDF: ${rows[0]?.exhibit.baselineMiB} MiB); pdftotext ${popplerPeaks.length ? `${Math.min(...popplerPeaks)}–${Math.max(...popplerPeaks)} MiB` : 'not measured (no /usr/bin/time)'}.`,
      `Full import (read, SHA-256, extract, store in one transaction each) into a fresh archive: ${perSecond(full.pages, full.ms)} pages/s (${full.documents} documents, ${full.pages} pages, ${round(full.ms / 1000, 2)} s), peak RSS ${full.peakMiB} MiB.`,
    ];
    return {
      table,
      summary,
      data: {
        repeats: REPEATS,
        pdftotext: toolVersion('pdftotext'),
        extraction: {
          pages,
          exhibitPagesPerSecond: exhibitRate,
          pdftotextPagesPerSecond: popplerRate,
          ratio,
          files: rows,
        },
        fullImport: { ...full, pagesPerSecond: perSecond(full.pages, full.ms) },
      },
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function recollReport(rows: readonly SideBySide[]): BenchReport {
  const table = formatTable(
    ['releases', 'recoll s', 'exhibit s', 'recoll docs/s', 'exhibit docs/s', 'ratio', 'recoll MiB', 'exhibit MiB'],
    rows.map((r) => [
      r.documents,
      r.recollMedian.seconds,
      r.exhibitMedian.seconds,
      r.recollDocsPerSecond,
      r.exhibitDocsPerSecond,
      r.ratio,
      r.recollMedian.peakMiB,
      r.exhibitMedian.peakMiB,
    ]),
  );
  const summary = rows.map(
    (r) =>
      `${r.documents} press releases, whole processes, median of ${r.recoll.length} alternating runs: recollindex ${r.recollMedian.seconds} s (${r.recoll.map((x) => x.seconds).join(', ')}), exhibit import ${r.exhibitMedian.seconds} s (${r.exhibit.map((x) => x.seconds).join(', ')}); Exhibit ÷ Recoll ${r.ratio} in docs/s; peak RSS ${r.recollMedian.peakMiB} vs ${r.exhibitMedian.peakMiB} MiB; ${r.exhibitImported} documents in the archive.`,
  );
  return { table, summary, data: { recoll: toolVersion('recollindex'), sideBySide: rows } };
}

async function run(): Promise<BenchReport> {
  const parts: BenchReport[] = [];
  if (PARTS.includes('pdf')) parts.push(await runPdf());
  if (PARTS.includes('recoll')) {
    const scratch = mkdtempSync(join(tmpdir(), 'exhibit-bench-recoll-'));
    try {
      const rows = recollSideBySide({ root: ROOT, corpus: CORPUS, scratch, sizes: SIZES, repeats: REPEATS });
      parts.push(recollReport(rows));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  return {
    table: parts.map((p) => p.table).join('\n\n'),
    summary: parts.flatMap((p) => p.summary),
    data: Object.assign({}, ...parts.map((p) => p.data)) as Record<string, unknown>,
  };
}

export const bench: BenchModule = {
  name: 'import',
  description: 'PDF text extraction (pdf.js importer vs pdftotext) and full import, pages per second and peak memory',
  run,
};
