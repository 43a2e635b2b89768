import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  createQuote,
  deleteQuote,
  emptyTrash,
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
});
