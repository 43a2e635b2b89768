/**
 * Crash safety of import: a real `exhibit import` child process is killed with SIGKILL
 * at random moments after it has stored a document, and a child is killed on purpose
 * inside an import transaction after each of its writes; the archive must then be
 * sound (SQLite's integrity check, exhibit check) and hold only whole documents.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkArchive, openArchive } from '../../src/main/archive/index.js';
import { corpus, ROOT, tempDir } from '../helpers/archive.js';

/** Varied real PDFs with text layers, and their page counts. */
const SOURCES: [string, number][] = [
  ['pdfplumber__federal-register-2020-17221.pdf', 15],
  ['pdfminer__dmca.pdf', 18],
  ['debian__project-history.en.pdf', 27],
  ['formatcorpus__303226.pdf', 19],
  ['formatcorpus__477139.pdf', 29],
  ['formatcorpus__507618.pdf', 23],
  ['pdfplumber__issue-1054-example.pdf', 1],
  ['pdfplumber__scotus-transcript-p1.pdf', 1],
  ['pdfplumber__senate-expenditures.pdf', 1],
  ['tabula__12s0324.pdf', 1],
];
const COPIES = 40;

/** Copies 0…39 (or some of them): corpus PDFs with `%nonce N` after their %%EOF so that every SHA-256 differs. */
function makeInputs(copies: readonly number[] = Array.from({ length: COPIES }, (_, i) => i)): {
  dir: string;
  pagesByName: Map<string, number>;
} {
  const dir = join(tempDir(), 'inputs');
  mkdirSync(dir);
  const pagesByName = new Map<string, number>();
  for (const i of copies) {
    const [source, pages] = SOURCES[i % SOURCES.length] ?? ['', 0];
    const name = `${String(i).padStart(2, '0')}-${source}`;
    writeFileSync(
      join(dir, name),
      Buffer.concat([readFileSync(corpus('pdf-good', source)), Buffer.from(`\n%nonce ${i}\n`)]),
    );
    pagesByName.set(name, pages);
  }
  return { dir, pagesByName };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function documentCount(path: string): Promise<number> {
  const archive = await openArchive(path, { create: false });
  try {
    const row = await archive.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await archive.close();
  }
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

/** Starts the import, waits until it has stored a document (more than `already`), waits `delayMs` more, and kills it. */
async function importAndKill(
  archivePath: string,
  inputs: string,
  already: number,
  delayMs: number,
): Promise<{ storedBeforeKill: number; signal: string | null }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/exhibit.js'), '--archive', archivePath, 'import', inputs, '--json'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = exited(child);
  const deadline = Date.now() + 15_000;
  let stored = already;
  while (stored <= already) {
    if (child.exitCode !== null)
      throw new Error(`the import ended before storing anything (exit ${child.exitCode}): ${stderr}`);
    if (Date.now() > deadline) throw new Error('no document was stored within 15 s');
    await sleep(20);
    stored = await documentCount(archivePath);
  }
  await sleep(delayMs);
  child.kill('SIGKILL');
  const { signal } = await exit;
  return { storedBeforeKill: stored, signal };
}

/** What must hold after any crash: a sound file, a whole custody chain, only whole documents. */
async function expectSound(archivePath: string, pagesByName: Map<string, number>, context: string): Promise<number> {
  const archive = await openArchive(archivePath, { create: false });
  try {
    const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(archive.db);
    expect(
      integrity.rows.map((r) => r.integrity_check),
      context,
    ).toEqual(['ok']);
    const report = await checkArchive(archive);
    expect(report.problems, context).toEqual([]);
    expect(report.ok, context).toBe(true);

    const docs = await archive.db
      .selectFrom('documents')
      .leftJoin('originals', 'originals.sha256', 'documents.sha256')
      .select([
        'documents.id',
        'documents.file_name',
        'documents.page_count',
        'documents.size',
        'originals.size as original_size',
      ])
      .execute();
    for (const doc of docs) {
      const where = `${context}, document ${doc.id} (${doc.file_name})`;
      expect(doc.original_size, where).toBe(doc.size);
      expect(doc.page_count, where).toBe(pagesByName.get(doc.file_name));
      const pages = await archive.db
        .selectFrom('pages')
        .select('number')
        .where('document_id', '=', doc.id)
        .orderBy('number')
        .execute();
      expect(
        pages.map((p) => p.number),
        where,
      ).toEqual(Array.from({ length: doc.page_count }, (_, i) => i + 1));
      const imports = await archive.db
        .selectFrom('history')
        .select('id')
        .where('action', '=', 'import')
        .where('document_id', '=', doc.id)
        .execute();
      expect(imports, where).toHaveLength(1);
    }
    const strayPages = await archive.db
      .selectFrom('pages')
      .leftJoin('documents', 'documents.id', 'pages.document_id')
      .select('pages.id')
      .where('documents.id', 'is', null)
      .execute();
    expect(strayPages, context).toEqual([]);
    const strayOriginals = await archive.db
      .selectFrom('originals')
      .leftJoin('documents', 'documents.sha256', 'originals.sha256')
      .select('originals.sha256')
      .where('documents.id', 'is', null)
      .execute();
    expect(strayOriginals, context).toEqual([]);
    return docs.length;
  } finally {
    await archive.close();
  }
}

/** Runs tests/fixtures/import-and-die.ts: it kills itself after the `nth` insert into `table`. */
async function importAndDieAfter(
  archivePath: string,
  table: string,
  nth: number,
  files: readonly string[],
): Promise<{ code: number | null; signal: string | null }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'tests/fixtures/import-and-die.ts'), archivePath, table, String(nth), ...files],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return exited(child);
}

describe('an import killed mid-way', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'out/cli/exhibit.js'))) throw new Error('build the CLI first: npm run build:cli');
  });

  it('leaves a sound archive with only whole documents, whenever it is killed, and the import can resume', async () => {
    const { dir, pagesByName } = makeInputs();
    const archivePath = join(tempDir(), 'crash.exhibit');
    // The archive exists (and is migrated) before the child starts, so polling it never races its creation.
    await (await openArchive(archivePath)).close();

    // Kill moments after the first stored document: at once, then at random moments (logged for a rerun).
    const delays = [0, Math.floor(Math.random() * 300), 300 + Math.floor(Math.random() * 900)];
    let before = 0;
    for (const delay of delays) {
      const context = `killed ${delay} ms after a document was stored`;
      const { storedBeforeKill, signal } = await importAndKill(archivePath, dir, before, delay);
      expect(signal, context).toBe('SIGKILL');
      const count = await expectSound(archivePath, pagesByName, context);
      expect(count, context).toBeGreaterThanOrEqual(storedBeforeKill);
      expect(count, `${context}: the import finished before the kill, so this run proved nothing`).toBeLessThan(COPIES);
      before = count;
    }

    // Importing again after the crashes completes the batch: what was stored is a duplicate, the rest is imported.
    const resumed = spawn(
      process.execPath,
      [join(ROOT, 'bin/exhibit.js'), '--archive', archivePath, 'import', dir, '--json'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    resumed.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    expect((await exited(resumed)).code).toBe(0);
    const results = (JSON.parse(stdout) as { results: { status: string }[] }).results;
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(before);
    expect(results.filter((r) => r.status === 'imported')).toHaveLength(COPIES - before);
    expect(await expectSound(archivePath, pagesByName, 'after resuming')).toBe(COPIES);
  });

  // The third document's transaction dies after each of its writes in turn: the original, the
  // document row, its pages, its custody entry (the last write before COMMIT). Two whole documents remain.
  it.each(['originals', 'documents', 'pages', 'history'])(
    'keeps nothing of a document whose transaction dies after its %s insert',
    async (table) => {
      // Copies 7, 8 and 9 are one-page PDFs: quick to import.
      const { dir, pagesByName } = makeInputs([7, 8, 9]);
      const files = [...pagesByName.keys()].map((name) => join(dir, name));
      const archivePath = join(tempDir(), 'die.exhibit');
      const { code, signal } = await importAndDieAfter(archivePath, table, 3, files);
      expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });
      expect(await expectSound(archivePath, pagesByName, `killed after the third ${table} insert`)).toBe(2);
    },
  );
});
