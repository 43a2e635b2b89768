/**
 * One core, two backends: the same scenario through the same domain code on an archive file
 * (SQLite) and on a team archive (PostgreSQL, a throwaway cluster this file starts): import
 * the sample case, list, show, quote, tag, then `exhibit check` finds nothing wrong and the
 * custody chain is one unbroken chain.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  addTags,
  chainHead,
  checkArchive,
  createQuote,
  getDocument,
  getPages,
  importPaths,
  listDocuments,
  listHistory,
  listTags,
  openArchive,
  search,
  verifyHistory,
  type Archive,
} from '../../src/main/archive/index.js';
import { ROOT, tempDir } from '../helpers/archive.js';
import { freshDatabase, postgresUnavailable } from '../helpers/postgres.js';

const SAMPLE_FILES = join(ROOT, 'resources', 'sample-case', 'files');

if (postgresUnavailable) console.log(`PostgreSQL tests skipped: ${postgresUnavailable}`);

const BACKENDS = [
  { name: 'sqlite', skip: null, target: () => join(tempDir(), 'case.exhibit') },
  { name: 'postgres', skip: postgresUnavailable, target: () => freshDatabase() },
] as const;

async function withArchive<T>(target: string, use: (archive: Archive) => Promise<T>): Promise<T> {
  const archive = await openArchive(target);
  try {
    return await use(archive);
  } finally {
    await archive.close();
  }
}

describe.each(BACKENDS)('the core on $name', ({ skip, target }) => {
  it.skipIf(skip !== null)('imports the sample case, lists, shows, quotes, tags and checks clean', async () => {
    const files = readdirSync(SAMPLE_FILES);
    await withArchive(target(), async (archive) => {
      const results = await importPaths(archive, [SAMPLE_FILES]);
      expect(results.filter((r) => r.status !== 'imported').map((r) => `${r.path}: ${r.error ?? r.status}`)).toEqual(
        [],
      );
      const documents = await listDocuments(archive.db);
      // Every file, and what came attached to the email.
      expect(documents.length).toBe(results.length);
      expect(documents.map((d) => d.fileName)).toEqual(expect.arrayContaining(files));

      const memo = documents.find((d) => d.fileName.endsWith('police-memo.pdf'));
      if (!memo) throw new Error('the sample case has no police memo');
      const shown = await getDocument(archive.db, memo.id);
      expect(shown.sha256).toBe(memo.sha256);
      const pages = await getPages(archive.db, memo.id);
      expect(pages.length).toBe(shown.pageCount);
      // A passage from the middle of the last page: the quote must find it there.
      const last = pages[pages.length - 1];
      if (!last) throw new Error('the memo has no pages');
      const words = last.text.split(/\s+/).filter((w) => /^[A-Za-z]{4,}$/.test(w));
      const passage = last.text.slice(last.text.indexOf(words[2] ?? ''), last.text.indexOf(words[6] ?? '')).trim();
      expect(passage.length).toBeGreaterThan(10);

      const quote = await createQuote(archive, { documentId: memo.id, text: passage, tags: ['Evidence/Key'] });
      expect([quote.page, quote.text]).toEqual([last.number, passage]);
      expect(await addTags(archive, ['port alder'], { documentIds: [memo.id] })).toBe(1);
      // Names compare without case on both backends: a second spelling is the same tag.
      expect(await addTags(archive, ['PORT ALDER'], { documentIds: [memo.id] })).toBe(0);
      const tags = await listTags(archive.db);
      const counts = new Map(tags.map((t) => [t.name, [t.documents, t.quotes]]));
      expect([counts.get('Evidence/Key'), counts.get('port alder'), counts.has('PORT ALDER')]).toEqual([
        [0, 1],
        [1, 0],
        false,
      ]);

      const report = await checkArchive(archive);
      expect(report.problems).toEqual([]);
      expect([report.ok, report.documents, report.originals]).toEqual([true, documents.length, documents.length]);
      const history = await listHistory(archive.db);
      expect(report.historyEntries).toBe(history.length);
      expect(await verifyHistory(archive.db)).toEqual([]);
      expect((await chainHead(archive.db)).length).toBe(history.length);
      // One entry per import, the quote, the tag.
      expect(history.map((e) => e.action).filter((a) => a !== 'import').length).toBeGreaterThanOrEqual(2);
    });
  });

  it.skipIf(skip !== null)('keeps one chain when two openers append at once', async () => {
    const where = target();
    await withArchive(where, (archive) => importPaths(archive, [join(SAMPLE_FILES, files()[0] ?? '')]));
    const [a, b] = [await openArchive(where), await openArchive(where)];
    try {
      const [doc] = await listDocuments(a.db);
      if (!doc) throw new Error('nothing imported');
      // Twenty tag changes from two openers, ten at a time each: on PostgreSQL they run on
      // separate connections side by side, and every one appends to the chain.
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => addTags(i % 2 ? a : b, [`tag ${i}`], { documentIds: [doc.id] })),
      );
      const history = await listHistory(a.db);
      expect(history.filter((e) => e.action !== 'import').length).toBe(20);
      expect(await verifyHistory(a.db)).toEqual([]);
      expect((await checkArchive(a)).problems).toEqual([]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe.each(BACKENDS)('tamper evidence on $name', ({ name, skip, target }) => {
  it.skipIf(skip !== null)('refuses history edits and finds a page changed behind the app', async () => {
    await withArchive(target(), async (archive) => {
      await importPaths(archive, [join(SAMPLE_FILES, files()[0] ?? '')]);
      await expect(sql`UPDATE history SET action = 'planted'`.execute(archive.db)).rejects.toThrow(
        /the history is append-only/,
      );
      await expect(sql`DELETE FROM history`.execute(archive.db)).rejects.toThrow(/the history is append-only/);
      await sql`UPDATE pages SET text = text || ' planted' WHERE number = 1`.execute(archive.db);
      const report = await checkArchive(archive);
      expect(report.problems.map((p) => [p.kind, p.message.replace(/ \(differs.*/, '')])).toEqual([
        ['state', "document 1: text of page 1 changed behind the app's back"],
      ]);
      // Search is the next round's on PostgreSQL: refused in words there, answered on SQLite.
      if (name === 'postgres')
        await expect(search(archive.db, 'alder')).rejects.toThrow(
          'Full-text search is not yet available on a PostgreSQL team archive',
        );
      else expect((await search(archive.db, 'alder')).total).toBeGreaterThan(0);
    });
  });
});

describe.skipIf(postgresUnavailable !== null)('opening a PostgreSQL database', () => {
  it('refuses one that holds other tables, in words, and leaves it untouched', async () => {
    // A database with a table of someone else's and no exhibit_schema.
    const foreign = freshDatabase();
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: foreign });
    await client.connect();
    try {
      await client.query('CREATE TABLE payroll (id integer)');
      await expect(openArchive(foreign)).rejects.toThrow(
        /not an Exhibit archive \(the database holds other tables and no exhibit_schema\); left untouched/,
      );
      const tables = await client.query<{ name: string }>(
        'SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()',
      );
      expect(tables.rows.map((r) => r.name)).toEqual(['payroll']);
    } finally {
      await client.end();
    }
  });

  it('never shows the password of a connection string it cannot open', async () => {
    const where = freshDatabase()
      .replace('exhibit_test@', 'exhibit_test:s3cret@')
      .replace(/\/exhibit_\w+\?/, '/nosuch?');
    const error = await openArchive(where).then(
      () => null,
      (e: unknown) => e,
    );
    expect(String(error)).toMatch(/exhibit_test:\*\*\*@.*database "nosuch" does not exist/);
    expect(String(error)).not.toContain('s3cret');
  });
});

function files(): string[] {
  return readdirSync(SAMPLE_FILES).sort();
}
