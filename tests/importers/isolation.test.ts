/**
 * Untrusted files are read in a worker thread under time and memory limits (the CLI and
 * the app ship the worker; tests/global-setup.ts builds the CLI's, which these tests use).
 * A file past a limit is one failed line in the batch, in words, and nothing else moves.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkArchive, getPages, importPaths } from '../../src/main/archive/index.js';
import { extractInProcess } from '../../src/main/archive/importers/extract.js';
import {
  configureExtraction,
  DEFAULT_MAX_MEMORY_MB,
  DEFAULT_TIMEOUT_MS,
  extractionStatus,
  stopExtraction,
} from '../../src/main/archive/importers/isolated-extract.js';
import { corpus, ROOT, tempArchive, tempDir } from '../helpers/archive.js';

const WORKER = join(ROOT, 'out', 'cli', 'extract-worker.js');
const SLOW_PDF = corpus('pdf-bad', 'qpdf__issue-1688a.pdf'); // 531 bytes that keep pdf.js busy for seconds

function textFile(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

async function documentCount(archive: Awaited<ReturnType<typeof tempArchive>>): Promise<number> {
  const row = await archive.db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('reading untrusted files in a worker thread', () => {
  afterEach(async () => {
    configureExtraction({ workerScript: null, timeoutMs: DEFAULT_TIMEOUT_MS, maxMemoryMb: DEFAULT_MAX_MEMORY_MB });
    await stopExtraction();
  });

  it('gives the same text as reading in this thread, for PDF, Word and email with attachments', async () => {
    configureExtraction({ workerScript: WORKER });
    expect(extractionStatus()).toEqual({ mode: 'worker' });
    const archive = await tempArchive();
    const pdf = corpus('pdf-good', 'pdfplumber__federal-register-2020-17221.pdf');
    const results = await importPaths(archive, [
      pdf,
      corpus('docx', 'mammoth__footnotes.docx'),
      corpus('eml', 'spamassassin__spamassassin_mime9.eml'),
    ]);
    expect(results.filter((r) => r.status !== 'imported')).toEqual([]);
    expect(results.length).toBeGreaterThan(3); // the email's attachments came through the worker too
    const id = results[0]?.documentId ?? 0;
    const stored = (await getPages(archive.db, id)).map((p) => p.text);
    const direct = (await extractInProcess(readFileSync(pdf), 'pdfplumber__federal-register-2020-17221.pdf')).pages.map(
      (p) => p.text,
    );
    expect(stored).toEqual(direct);
    expect(extractionStatus()).toEqual({ mode: 'worker' });
  });

  it('stops a file that takes too long, says so in words, and goes on with the batch', async () => {
    configureExtraction({ workerScript: WORKER, timeoutMs: 2000 });
    const archive = await tempArchive();
    const after = textFile('after.txt', 'The chief said the cameras were off.');
    const results = await importPaths(archive, [SLOW_PDF, after]);
    expect(results[0]).toMatchObject({ status: 'failed', documentId: null });
    expect(results[0]?.error).toBe(
      `${SLOW_PDF}: took longer than 2 s to read, so reading was stopped (a very large or malformed file)`,
    );
    expect(results[1]).toMatchObject({ status: 'imported' });
    expect(await documentCount(archive)).toBe(1);
    expect((await checkArchive(archive)).ok).toBe(true);
    // The next file gets a fresh worker.
    expect(extractionStatus()).toEqual({ mode: 'worker' });
  });

  it('stops a file that needs more memory than allowed, and goes on with the batch', async () => {
    configureExtraction({ workerScript: WORKER, maxMemoryMb: 64 });
    const archive = await tempArchive();
    // A million tiny elements: 24 MB of markup whose parse needs more than 64 MiB of heap.
    const huge = textFile('huge.html', `<html><body>${'<p><b>x</b> <i>y</i></p>'.repeat(1_000_000)}</body></html>`);
    const small = textFile('small.txt', 'Officers were told to keep the footage for ninety days.');
    const results = await importPaths(archive, [huge, small]);
    expect(results[0]).toMatchObject({ status: 'failed', documentId: null });
    expect(results[0]?.error).toBe(`${huge}: needs more than 64 MiB of memory to read, so reading was stopped`);
    expect(results[1]).toMatchObject({ status: 'imported' });
    expect(await documentCount(archive)).toBe(1);
    expect((await checkArchive(archive)).ok).toBe(true);
  });

  it('reads in this thread when the worker cannot start, and says why', async () => {
    const broken = join(tempDir(), 'extract-worker.js');
    writeFileSync(broken, "throw new Error('a broken build');\n");
    configureExtraction({ workerScript: broken });
    const archive = await tempArchive();
    const results = await importPaths(archive, [textFile('note.txt', 'The vendor never evaluated the software.')]);
    expect(results[0]).toMatchObject({ status: 'imported' });
    expect(extractionStatus()).toEqual({
      mode: 'in-process',
      reason: expect.stringMatching(/^the extraction worker could not start: .*a broken build/),
    });
    configureExtraction({ workerScript: join(tempDir(), 'absent.js') });
    expect(extractionStatus()).toEqual({
      mode: 'in-process',
      reason: expect.stringMatching(/^the extraction worker .*absent\.js is missing$/),
    });
  });
});
