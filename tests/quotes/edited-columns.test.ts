/**
 * JSON columns an archive holds may have been edited behind the app's back (or written by
 * another build): quotes and the custody history must still list, never crash on a cast.
 */
import { describe, expect, it } from 'vitest';
import { createQuote, getQuote, listHistory, listQuotes } from '../../src/main/archive/index.js';
import { tempArchive } from '../helpers/archive.js';
import { addTextDocument } from '../helpers/documents.js';

const PAGES = ['The first page says hello.', 'The second page says goodbye.'];

describe('quotes of a document whose page labels were edited outside the app', () => {
  it('cite the physical page where a label is not a string, and keep the labels that are', async () => {
    const a = await tempArchive();
    const doc = await addTextDocument(a, PAGES);
    const first = await createQuote(a, { documentId: doc, text: 'says hello' });
    const second = await createQuote(a, { documentId: doc, text: 'says goodbye' });
    await a.db.updateTable('documents').set({ page_labels: '["i", 7]' }).where('id', '=', doc).execute();
    expect((await getQuote(a.db, first.id)).pageLabel).toBe('i');
    expect((await getQuote(a.db, second.id)).pageLabel).toBe('2');
    expect((await listQuotes(a.db, { documentId: doc })).map((q) => q.pageLabel)).toEqual(['i', '2']);
  });

  it('cite physical pages when the column holds an object, not a list', async () => {
    const a = await tempArchive();
    const doc = await addTextDocument(a, PAGES);
    const q = await createQuote(a, { documentId: doc, text: 'says goodbye' });
    await a.db.updateTable('documents').set({ page_labels: '{"1": "vii"}' }).where('id', '=', doc).execute();
    expect((await getQuote(a.db, q.id)).pageLabel).toBe('2');
  });
});

describe('a custody entry whose details are JSON but not an object', () => {
  it('lists with empty details rather than a list posing as them', async () => {
    const a = await tempArchive();
    const doc = await addTextDocument(a, PAGES);
    const before = await listHistory(a.db);
    const last = before.at(-1);
    await a.db
      .insertInto('history')
      .values({
        id: (last?.id ?? 0) + 1,
        at: new Date().toISOString(),
        action: 'planted',
        document_id: doc,
        subject: null,
        details: '["planted"]',
        prev_hash: last?.hash ?? '0'.repeat(64),
        hash: 'f'.repeat(64),
        state: null,
      })
      .execute();
    const after = await listHistory(a.db, doc);
    expect(after.at(-1)?.action).toBe('planted');
    expect(after.at(-1)?.details).toEqual({});
    expect(after).toHaveLength(before.filter((e) => e.documentId === doc).length + 1);
  });
});
