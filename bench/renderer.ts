/**
 * bench/renderer: the interface measured in Debian's Chromium over the development server
 * and the real core.
 *  - Library: time to first paint of the table with 100,000 documents (navigation start to
 *    the first row painted), a quick-filter keystroke to the new count on screen, and frame
 *    times while scrolling the table.
 *  - Search: keystroke to results shown, per keystroke of a word typed into the palette.
 *  - Reader: opening a 300-page PDF at page 150 until that page is drawn and its text is
 *    selectable, then turning to page 200.
 *
 *   npx tsx bench/renderer.ts        (writes bench/results/renderer.json; or npm run bench renderer)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { chromium, type Page } from 'playwright-core';
import { importBytes, openArchive, recordHistory, type Archive } from '../src/main/archive/index.js';
import { startDevServer } from '../src/main/dev-server/server.js';
import { ArchiveSession } from '../src/main/ipc/session.js';
import { DOCUMENT_TYPES } from '../src/shared/document.js';
import { formatTable, round } from './table.js';
import type { BenchModule, BenchReport } from './types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const DOCUMENTS = 100_000;
const PDF_PAGES = 300;
const RUNS = 3;

const WORDS =
  'police department memo report letter statement review council budget contract vendor camera search image warrant court officer policy trial account data privacy audit'.split(
    ' ',
  );

function words(seed: number, n: number): string {
  let x = (seed * 2654435761) >>> 0;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length] ?? 'word');
  }
  return out.join(' ');
}

/** 100,000 small documents, inserted in batches in one transaction with one custody entry. */
export async function fillLibrary(archive: Archive): Promise<void> {
  const now = new Date().toISOString();
  await archive.db.transaction().execute(async (trx) => {
    const batch = 400;
    for (let from = 0; from < DOCUMENTS; from += batch) {
      const originals = [];
      const documents = [];
      for (let i = from; i < Math.min(DOCUMENTS, from + batch); i++) {
        const data = Buffer.from(`synthetic document ${i}: ${words(i, 12)}\n`);
        const sha256 = createHash('sha256').update(data).digest('hex');
        originals.push({ sha256, size: data.length, data });
        const year = 2005 + (i % 20);
        documents.push({
          sha256,
          format: 'text',
          mime_type: 'text/plain',
          title: `${words(i * 7, 3)} ${i}`.replace(/^./, (c) => c.toUpperCase()),
          type: DOCUMENT_TYPES[i % DOCUMENT_TYPES.length] ?? 'other',
          authors: JSON.stringify([`Author ${i % 997}`]),
          recipients: '[]',
          organization: null,
          date: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
          source: null,
          url: null,
          description: null,
          file_name: `doc-${i}.txt`,
          size: data.length,
          page_count: 1,
          page_labels: null,
          page_label_offset: 0,
          parent_id: null,
          warnings: '[]',
          extra: '{}',
          imported_at: now,
          updated_at: now,
        });
      }
      await trx.insertInto('originals').values(originals).execute();
      await trx.insertInto('documents').values(documents).execute();
    }
    await recordHistory(trx, { action: 'import', details: { benchmark: 'renderer', documents: DOCUMENTS } });
  });
}

/** A 300-page PDF with a few paragraphs of text on every page. */
async function longPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= PDF_PAGES; p++) {
    const page = pdf.addPage([612, 792]);
    page.drawText(`Page ${p} of the synthetic inquiry record`, { x: 56, y: 740, size: 14, font });
    for (let line = 0; line < 40; line++) {
      page.drawText(words(p * 100 + line, 12), { x: 56, y: 710 - line * 16, size: 11, font });
    }
  }
  return pdf.save();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Probes that run in the page, as plain JavaScript (the functions given to page.evaluate
 * stay one-liners: tsx would wrap named inner functions in a helper the page lacks).
 * Every time is taken in the page, from a keystroke's capture to the frame that shows its effect.
 */
const PAGE_PROBES = `
  (() => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const until = async (test, limit = 60000) => {
      const started = performance.now();
      while (!test() && performance.now() - started < limit) await new Promise((r) => requestAnimationFrame(r));
      await frame();
      return performance.now();
    };
    const bench = (window.__bench = { firstRow: 0, t0: 0 });
    new MutationObserver(() => {
      if (bench.firstRow === 0 && document.querySelector('.lt-body [role="row"]')) {
        bench.firstRow = -1;
        frame().then(() => { bench.firstRow = performance.now(); });
      }
    }).observe(document, { childList: true, subtree: true });
    bench.armClick = () => {
      bench.t0 = 0;
      window.addEventListener('click', () => { bench.t0 = performance.now(); }, { once: true, capture: true });
    };
    bench.firstRowId = () => document.querySelector('.lt-body [role="row"]')?.getAttribute('data-document-id') ?? '';
    // A new order is shown when the top row is another document and the library is not loading.
    bench.sortShown = async (before) => (await until(() => bench.firstRowId() !== before && document.querySelector('.library-main')?.getAttribute('aria-busy') !== 'true')) - bench.t0;
    bench.arm = () => {
      bench.t0 = 0;
      window.addEventListener('keydown', () => { bench.t0 = performance.now(); }, { once: true, capture: true });
    };
    // The library marks the filter text its table shows (it lags the field by design).
    bench.filterShown = async (text) => (await until(() => document.querySelector('.library-main')?.getAttribute('data-shown-filter') === text)) - bench.t0;
    bench.searchAnswered = async (query) => {
      const answered = () => {
        const box = document.querySelector('.search-results');
        const input = document.querySelector('.search-input');
        const text = box?.textContent ?? '';
        return box?.getAttribute('aria-busy') !== 'true' && input?.value === query && (document.querySelectorAll('.hit').length > 0 || text.includes('Nothing found for “' + query + '”'));
      };
      const took = (await until(answered, 10000)) - bench.t0;
      const hits = document.querySelectorAll('.hit').length;
      return { took, outcome: hits ? hits + ' hits' : (document.querySelector('.search-results')?.textContent ?? '').slice(0, 90) };
    };
    bench.scrollFrames = () => new Promise((done) => {
      const body = document.querySelector('.lt-body');
      const frames = [];
      let last = performance.now();
      const step = () => {
        const now = performance.now();
        frames.push(now - last);
        last = now;
        body.scrollTop += body.clientHeight;
        if (frames.length < 120) requestAnimationFrame(step);
        else done(frames.slice(2));
      };
      requestAnimationFrame(step);
    });
    bench.pageDrawn = (n) => {
      const box = document.querySelector('.pdf-page[data-page-number="' + n + '"]');
      return Boolean(box && box.querySelector('canvas') && box.querySelector('.textLayer span'));
    };
    bench.openPdf = async (hash, n) => {
      const started = performance.now();
      location.hash = hash;
      return (await until(() => bench.pageDrawn(n))) - started;
    };
    bench.pageReady = async (n) => (await until(() => bench.pageDrawn(n))) - bench.t0;
  })();
`;

interface Probes {
  firstRow: number;
  arm(): void;
  armClick(): void;
  firstRowId(): string;
  sortShown(before: string): Promise<number>;
  filterShown(text: string): Promise<number>;
  searchAnswered(query: string): Promise<{ took: number; outcome: string }>;
  scrollFrames(): Promise<number[]>;
  openPdf(hash: string, n: number): Promise<number>;
  pageReady(n: number): Promise<number>;
}
declare const window: { __bench: Probes };

async function libraryFirstPaint(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.firstRow > 0, null, { timeout: 120_000 });
  return page.evaluate(() => window.__bench.firstRow);
}

/** Time from a keystroke in the quick filter to the table showing the rows for it. */
async function filterKeystroke(page: Page): Promise<number[]> {
  const input = page.getByLabel('Filter documents by title, author or file name');
  const times: number[] = [];
  let typed = '';
  for (const ch of 'budget') {
    typed += ch;
    await page.evaluate(() => window.__bench.arm());
    await input.press(ch);
    times.push(await page.evaluate((t) => window.__bench.filterShown(t), typed));
  }
  await input.fill('');
  return times;
}

/** Time from a click on a column header to the table showing its first rows in that order. */
async function sortClicks(page: Page): Promise<number[]> {
  const times: number[] = [];
  // From the unfiltered table left by the filter measure.
  await page.locator('.library-main[data-shown-filter=""]:not([aria-busy="true"])').waitFor();
  // Title ascending, title descending, then back to the newest first.
  for (const column of ['Title', 'Title', 'Date']) {
    const before = await page.evaluate(() => window.__bench.firstRowId());
    await page.evaluate(() => window.__bench.armClick());
    await page.getByRole('columnheader', { name: column }).getByRole('button').click();
    times.push(await page.evaluate((b) => window.__bench.sortShown(b), before));
  }
  return times;
}

/** Keystroke to results shown, for each letter of `word` typed into the search palette. */
async function searchAsYouType(page: Page, word: string): Promise<{ times: number[]; outcome: string }> {
  await page.keyboard.press('Control+k');
  const input = page.getByRole('combobox', { name: 'Search the archive' });
  await input.waitFor();
  const times: number[] = [];
  let outcome = '';
  let typed = '';
  for (const ch of word) {
    typed += ch;
    await page.evaluate(() => window.__bench.arm());
    await input.press(ch);
    const result = await page.evaluate((q) => window.__bench.searchAnswered(q), typed);
    times.push(result.took);
    outcome = result.outcome;
  }
  await page.keyboard.press('Escape');
  return { times, outcome };
}

async function turnTo(page: Page, pageNumber: number): Promise<number> {
  const input = page.getByLabel(/^Page number/);
  await input.fill(String(pageNumber));
  await page.evaluate(() => window.__bench.arm());
  await input.press('Enter');
  return page.evaluate((n) => window.__bench.pageReady(n), pageNumber);
}

async function run(): Promise<BenchReport> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is not installed (apt-get install chromium)`);
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const work = mkdtempSync(join(ROOT, '.tmp', 'bench-renderer-'));
  try {
    process.stdout.write('building the app…\n');
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'),
        'build',
        '--outDir',
        join(work, 'out'),
        '--logLevel',
        'warn',
      ],
      { cwd: ROOT },
    );

    process.stdout.write(`filling an archive with ${DOCUMENTS.toLocaleString()} documents…\n`);
    const archive = await openArchive(join(work, 'bench.exhibit'));
    const fillStarted = performance.now();
    await fillLibrary(archive);
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    process.stdout.write(`importing a ${PDF_PAGES}-page PDF…\n`);
    const [pdfResult] = await importBytes(archive, await longPdf(), 'inquiry-record.pdf');
    const pdfId = pdfResult?.documentId;
    if (!pdfId) throw new Error(`the ${PDF_PAGES}-page PDF did not import: ${pdfResult?.error ?? 'no result'}`);

    const server = await startDevServer({
      session: new ArchiveSession(archive),
      rendererDir: join(work, 'out', 'renderer'),
    });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const firstPaint: number[] = [];
      let filter: number[] = [];
      let sort: number[] = [];
      let frames: number[] = [];
      let search = { times: [] as number[], outcome: '' };
      const pdfOpen: number[] = [];
      const pdfTurn: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
        const page = await context.newPage();
        await page.addInitScript({ content: PAGE_PROBES });
        firstPaint.push(await libraryFirstPaint(page, server.url));
        if (r === RUNS - 1) {
          filter = await filterKeystroke(page);
          sort = await sortClicks(page);
          frames = await page.evaluate(() => window.__bench.scrollFrames());
          search = await searchAsYouType(page, 'privacy');
        }
        pdfOpen.push(await page.evaluate((hash) => window.__bench.openPdf(hash, 150), `#/doc/${pdfId}?page=150`));
        pdfTurn.push(await turnTo(page, 200));
        await context.close();
      }
      const rows: (string | number | null)[][] = [
        [
          `library first paint, ${DOCUMENTS.toLocaleString()} documents (ms, median of ${RUNS})`,
          round(median(firstPaint), 0),
        ],
        ['quick filter: keystroke to filtered rows shown (ms, median)', round(median(filter), 1)],
        ['sort: click on a column to its rows shown (ms, median of 3 clicks)', round(median(sort), 1)],
        ['scrolling a screenful a frame: frame time p50 (ms)', round(percentile(frames, 50), 1)],
        ['scrolling a screenful a frame: frame time p95 (ms)', round(percentile(frames, 95), 1)],
        [
          'search as you type: keystroke to results (ms, median)',
          search.times.length ? round(median(search.times), 1) : null,
        ],
        [
          'search as you type: keystroke to results (ms, p95)',
          search.times.length ? round(percentile(search.times, 95), 1) : null,
        ],
        [`${PDF_PAGES}-page PDF opened at page 150, drawn and selectable (ms, median)`, round(median(pdfOpen), 0)],
        ['then turning to page 200, drawn and selectable (ms, median)', round(median(pdfTurn), 0)],
      ];
      const table = formatTable(['measure', 'value'], rows);
      const summary = [
        `library: first row painted ${round(median(firstPaint), 0)} ms after navigation with ${DOCUMENTS.toLocaleString()} documents; filtering answers a keystroke in ${round(median(filter), 1)} ms; sorting a click in ${round(median(sort), 1)} ms; scrolling p95 frame ${round(percentile(frames, 95), 1)} ms`,
        `search as you type: ${search.times.length ? `${round(median(search.times), 1)} ms median, ${round(percentile(search.times, 95), 1)} ms p95 from keystroke to results` : 'not measured'} (last answer: ${search.outcome})`,
        `reader: a ${PDF_PAGES}-page PDF opens at page 150 drawn and selectable in ${round(median(pdfOpen), 0)} ms; turning to page 200 takes ${round(median(pdfTurn), 0)} ms`,
        `(archive filled in ${round(fillSeconds, 1)} s)`,
      ];
      return {
        table,
        summary,
        data: {
          documents: DOCUMENTS,
          pdfPages: PDF_PAGES,
          runs: RUNS,
          firstPaintMs: firstPaint,
          filterMs: filter,
          sortMs: sort,
          scrollFrameMs: frames,
          search,
          pdfOpenMs: pdfOpen,
          pdfTurnMs: pdfTurn,
        },
      };
    } finally {
      await browser.close();
      await server.close();
      await archive.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export const bench: BenchModule = {
  name: 'renderer',
  description: `the interface in Chromium: library first paint with ${DOCUMENTS.toLocaleString()} documents, search as you type, a page of a ${PDF_PAGES}-page PDF`,
  run,
};

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const report = await run();
  process.stdout.write(`${report.table}\n\n${report.summary.join('\n')}\n`);
  const outFile = join(dirname(fileURLToPath(import.meta.url)), 'results', 'renderer.json');
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(
    outFile,
    JSON.stringify(
      {
        name: bench.name,
        description: bench.description,
        ranAt: new Date().toISOString(),
        summary: report.summary,
        ...report.data,
      },
      null,
      2,
    ) + '\n',
  );
  process.stdout.write(`wrote ${outFile}\n`);
}
