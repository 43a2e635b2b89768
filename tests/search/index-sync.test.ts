import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  checkArchive,
  createQuote,
  deleteQuote,
  emptyTrash,
  listHistory,
  openArchive,
  replacePageTexts,
  restoreDocument,
  restoreQuote,
  search,
  trashDocument,
  updateMetadata,
  updateQuote,
  type Archive,
} from '../../src/main/archive/index.js';
import { FTS_TABLES } from '../../src/main/archive/db/migrations/0002-quotes-tags-search.js';
import { tempArchive } from '../helpers/archive.js';
import { exhibitInProcess } from '../helpers/cli.js';
import { addTextDocument } from '../helpers/documents.js';

/** FTS5's own check, comparing every index with the rows its view shows. */
async function checkIndexes(a: Archive): Promise<void> {
  for (const table of FTS_TABLES) {
    await sql.raw(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).execute(a.db);
  }
}

describe('the search indexes stay in step with the archive', () => {
  it('through imports, edits, quotes, the trash, purging and direct deletion', async () => {
    const a = await tempArchive();
    const one = await addTextDocument(a, ['Alpha page one.', 'Alpha page two.'], { title: 'First', authors: ['Ann'] });
    const two = await addTextDocument(a, 'Beta text.', { title: 'Second' });
    await checkIndexes(a);
    const q = await createQuote(a, { documentId: one, text: 'page two', note: 'n' });
    await updateQuote(a, q.id, { note: 'changed note' });
    await updateMetadata(a, one, { title: 'First, renamed', authors: ['Ann', 'Bob'] });
    await replacePageTexts(a, one, ['Alpha page one.', 'Alpha page two, revised.', 'Alpha page three.']);
    await checkIndexes(a);
    await deleteQuote(a, q.id);
    await checkIndexes(a);
    await restoreQuote(a, q.id);
    await trashDocument(a, one);
    await checkIndexes(a);
    await updateMetadata(a, one, { title: 'Edited in the trash' });
    await restoreDocument(a, one);
    await checkIndexes(a);
    expect((await search(a.db, 'trash')).hits.map((h) => h.kind)).toEqual(['metadata']);
    await trashDocument(a, one);
    await emptyTrash(a);
    await checkIndexes(a);
    expect((await search(a.db, 'alpha OR revised OR note')).total).toBe(0);
    // Deleting a live document directly (no API does, but the schema must cope).
    await sql`DELETE FROM documents WHERE id = ${two}`.execute(a.db);
    await checkIndexes(a);
    expect((await search(a.db, 'beta OR second')).total).toBe(0);
  });

  it('and the check would notice an index out of step', async () => {
    const a = await tempArchive();
    await addTextDocument(a, 'Gamma.');
    await sql`INSERT INTO fts_pages (fts_pages, rowid, text) VALUES ('delete', 1, 'Gamma.')`.execute(a.db);
    await expect(checkIndexes(a)).rejects.toThrow(/malformed|corrupt/i);
  });

  it('are checked by exhibit check, which names a stale one and rebuilds it on request, on record', async () => {
    const a = await tempArchive();
    await addTextDocument(a, ['The chief said the cameras were off.'], { title: 'Statement' });
    expect((await checkArchive(a)).ok).toBe(true);
    expect((await search(a.db, 'cameras')).hits).toHaveLength(1);
    // The page's entry taken out of the index behind the archive's back, as a bug or a hand edit could.
    const page = await a.db.selectFrom('pages').select(['id', 'text']).executeTakeFirstOrThrow();
    await sql`INSERT INTO fts_pages (fts_pages, rowid, text) VALUES ('delete', ${page.id}, ${page.text})`.execute(a.db);
    expect((await search(a.db, 'cameras')).hits).toHaveLength(0);
    const report = await checkArchive(a);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      {
        kind: 'search-index',
        message: expect.stringMatching(
          /^search index fts_pages no longer matches the text it indexes.*exhibit check --rebuild-search/,
        ),
      },
    ]);
    const path = a.path;
    await a.close();
    const plain = await exhibitInProcess(path, 'check');
    expect(plain.code).toBe(1);
    expect(plain.stdout).toMatch(/problem \(search-index\): search index fts_pages/);
    const repaired = await exhibitInProcess(path, 'check', '--rebuild-search');
    expect(repaired.stdout).toMatch(/All checks passed\./);
    expect(repaired.code).toBe(0);
    const again = await openArchive(path);
    expect((await search(again.db, 'cameras')).hits).toHaveLength(1);
    expect((await listHistory(again.db)).at(-1)).toMatchObject({ action: 'search-rebuild' });
    await again.close();
  });
});
