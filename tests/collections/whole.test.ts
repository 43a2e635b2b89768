/** Collections as the app saves them (by id, whole): an ordered list of quotes with a title and introduction, each change in custody. */
import { describe, expect, it } from 'vitest';
import { createQuote, deleteQuote, importPaths, listHistory } from '../../src/main/archive/index.js';
import {
  deleteCollectionById as deleteCollection,
  getCollectionById as getCollection,
  listCollectionOutlines as listCollections,
  saveWholeCollection as saveCollection,
} from '../../src/main/archive/collections/whole.js';
import { corpus, tempArchive } from '../helpers/archive.js';

async function withQuotes() {
  const archive = await tempArchive();
  const [result] = await importPaths(archive, [corpus('text', 'grimmer__07Aug2007Durbin7.txt')]);
  const documentId = result?.documentId ?? 0;
  const pages = await archive.db.selectFrom('pages').select('text').where('document_id', '=', documentId).execute();
  const words = (pages[0]?.text ?? '').split(/\s+/).filter((w) => w.length > 3);
  const quotes = [];
  for (const word of [words[3], words[10], words[20]]) quotes.push(await createQuote(archive, { documentId, text: word ?? '', occurrence: 1 }));
  return { archive, quotes };
}

describe('collections', () => {
  it('keep their quotes in the order saved, and reorder as a whole', async () => {
    const { archive, quotes } = await withQuotes();
    const [a, b, c] = quotes.map((q) => q.id) as [number, number, number];
    const made = await saveCollection(archive, { title: '  Findings ', introduction: 'Why these.', quoteIds: [c, a, b] });
    expect(made).toMatchObject({ title: 'Findings', introduction: 'Why these.', quoteIds: [c, a, b] });
    const moved = await saveCollection(archive, { id: made.id, title: 'Findings', introduction: 'Why these.', quoteIds: [a, b, c] });
    expect(moved.quoteIds).toEqual([a, b, c]);
    expect(await listCollections(archive.db)).toEqual([{ id: made.id, title: 'Findings', quoteCount: 3, updatedAt: moved.updatedAt }]);
    const actions = (await listHistory(archive.db)).map((h) => h.action);
    expect(actions.filter((x) => x.startsWith('collection-'))).toEqual(['collection-create', 'collection-edit']);
  });

  it('leave out deleted quotes, refuse unknown or repeated ones, and delete without touching quotes', async () => {
    const { archive, quotes } = await withQuotes();
    const [a, b] = quotes.map((q) => q.id) as [number, number];
    const made = await saveCollection(archive, { title: 'Two', introduction: '', quoteIds: [a, b] });
    await deleteQuote(archive, a);
    expect((await getCollection(archive.db, made.id)).quoteIds).toEqual([b]);
    await expect(saveCollection(archive, { title: 'Bad', introduction: '', quoteIds: [9999] })).rejects.toThrow('quote 9999: no such quote');
    await expect(saveCollection(archive, { title: 'Bad', introduction: '', quoteIds: [b, b] })).rejects.toThrow(`quote ${b}: listed twice`);
    await expect(saveCollection(archive, { title: '   ', introduction: '', quoteIds: [] })).rejects.toThrow('title: a collection needs a title');
    await deleteCollection(archive, made.id);
    expect(await listCollections(archive.db)).toEqual([]);
    expect(await archive.db.selectFrom('quotes').select('id').where('id', '=', b).executeTakeFirst()).toEqual({ id: b });
    await expect(getCollection(archive.db, made.id)).rejects.toThrow(`collection ${made.id}: no such collection`);
  });
});
