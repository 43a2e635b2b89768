import { describe, expect, it } from 'vitest';
import {
  addToCollection,
  checkArchive,
  createCollection,
  createQuote,
  deleteCollection,
  deleteQuote,
  editCollection,
  emptyTrash,
  getCollection,
  importBytes,
  listCollections,
  listHistory,
  moveInCollection,
  removeFromCollection,
  restoreQuote,
  saveCollection,
  trashDocument,
  type Archive,
} from '../../src/main/archive/index.js';
import { tempArchive } from '../helpers/archive.js';

const TEXT = [
  'The chief said the cameras were off during the protest.',
  'The council said the cameras were on and recording.',
  'Officers were told to keep the footage for ninety days.',
  'The vendor never evaluated the software for accuracy.',
].join('\n');

async function setUp(): Promise<{ archive: Archive; doc: number; quotes: number[] }> {
  const archive = await tempArchive();
  const [result] = await importBytes(archive, Buffer.from(TEXT), '/case/statement.txt', { infer: false });
  const doc = result?.documentId ?? 0;
  const quotes: number[] = [];
  for (const text of ['cameras were off', 'cameras were on', 'ninety days', 'never evaluated']) {
    quotes.push((await createQuote(archive, { documentId: doc, text })).id);
  }
  return { archive, doc, quotes };
}

const order = async (archive: Archive, name: string) =>
  (await getCollection(archive.db, name)).items.map((i) => i.quote.id);

describe('collections', () => {
  it('keep a named, ordered list of quotes with a title and an introduction, every change on record', async () => {
    const { archive, quotes } = await setUp();
    const [a, b, c, d] = quotes as [number, number, number, number];
    const made = await createCollection(archive, {
      name: 'Findings',
      title: 'What the city knew',
      introduction: 'Why these quotes matter.',
    });
    expect(made).toMatchObject({
      name: 'Findings',
      title: 'What the city knew',
      introduction: 'Why these quotes matter.',
      quotes: 0,
      items: [],
    });
    await addToCollection(archive, 'findings', [c, a]);
    await addToCollection(archive, 'Findings', [d]);
    await addToCollection(archive, 'Findings', [b], 1);
    expect(await order(archive, 'Findings')).toEqual([b, c, a, d]);
    await moveInCollection(archive, 'Findings', d, 1);
    expect(await order(archive, 'Findings')).toEqual([d, b, c, a]);
    await moveInCollection(archive, 'Findings', d, 4);
    expect(await order(archive, 'Findings')).toEqual([b, c, a, d]);
    await removeFromCollection(archive, 'Findings', c);
    const shown = await getCollection(archive.db, 'Findings');
    expect(shown.items.map((i) => [i.position, i.quote.id])).toEqual([
      [1, b],
      [2, a],
      [3, d],
    ]);
    expect(shown.items[0]).toMatchObject({
      documentTitle: 'statement',
      documentTrashed: false,
      quote: { text: 'cameras were on' },
    });
    await editCollection(archive, 'Findings', {
      name: 'Key findings',
      title: 'What the city knew, and when',
      introduction: '',
    });
    expect(await listCollections(archive.db)).toEqual([
      expect.objectContaining({
        name: 'Key findings',
        title: 'What the city knew, and when',
        introduction: null,
        quotes: 3,
      }),
    ]);

    const entries = (await listHistory(archive.db)).filter((e) => e.action.startsWith('collection-'));
    expect(entries.map((e) => e.action)).toEqual([
      'collection-create',
      'collection-add',
      'collection-add',
      'collection-add',
      'collection-move',
      'collection-move',
      'collection-remove',
      'collection-edit',
    ]);
    expect(entries[4]?.details).toMatchObject({ quoteId: d, from: 4, to: 1 });
    expect(entries[6]?.details).toMatchObject({ quoteId: c, position: 2 });
    expect(new Set(entries.map((e) => e.subject))).toEqual(new Set([`collection:${made.id}`]));
    // A move to where it already is changes nothing and records nothing.
    const count = (await listHistory(archive.db)).length;
    await moveInCollection(archive, 'Key findings', b, 1);
    expect((await listHistory(archive.db)).length).toBe(count);
    expect((await checkArchive(archive)).ok).toBe(true);

    const removed = await deleteCollection(archive, 'Key findings');
    expect(removed).toEqual({ name: 'Key findings', quotes: 3 });
    expect(await listCollections(archive.db)).toEqual([]);
    const last = (await listHistory(archive.db)).at(-1);
    expect(last).toMatchObject({ action: 'collection-delete', details: { quoteIds: [b, a, d] } });
  });

  it('save a draft from the app in one transaction: all of it, or nothing when any part is refused', async () => {
    const { archive, quotes } = await setUp();
    const [a, b, c, d] = quotes as [number, number, number, number];
    const made = await saveCollection(archive, { title: 'Findings', introduction: '', quoteIds: [c, a] });
    expect(made).toMatchObject({ name: 'Findings', title: 'Findings', introduction: null });
    expect(made.items.map((i) => i.quote.id)).toEqual([c, a]);

    // Retitle, reorder, drop one and add two, in one save.
    const saved = await saveCollection(archive, {
      id: made.id,
      title: 'What the city knew',
      introduction: 'Why.',
      quoteIds: [d, a, b],
    });
    expect(saved).toMatchObject({ id: made.id, name: 'Findings', title: 'What the city knew', introduction: 'Why.' });
    expect(saved.items.map((i) => [i.position, i.quote.id])).toEqual([
      [1, d],
      [2, a],
      [3, b],
    ]);
    const entries = (await listHistory(archive.db)).filter((e) => e.action.startsWith('collection-'));
    expect(entries.map((e) => e.action)).toEqual([
      'collection-create',
      'collection-order',
      'collection-edit',
      'collection-order',
    ]);
    expect(entries[3]?.details).toEqual({ name: 'Findings', from: [c, a], to: [d, a, b] });

    // A save that changes nothing records nothing.
    const count = (await listHistory(archive.db)).length;
    await saveCollection(archive, {
      id: made.id,
      title: 'What the city knew',
      introduction: 'Why.',
      quoteIds: [d, a, b],
    });
    expect((await listHistory(archive.db)).length).toBe(count);

    // One bad quote anywhere in the draft: the title, introduction and order all stay as they were.
    await deleteQuote(archive, c);
    await expect(
      saveCollection(archive, { id: made.id, title: 'Renamed', introduction: 'Other.', quoteIds: [b, c, 999] }),
    ).rejects.toThrow(/quote 999: no such quote/);
    await expect(
      saveCollection(archive, { id: made.id, title: 'Renamed', introduction: 'Other.', quoteIds: [b, c] }),
    ).rejects.toThrow(/quote \d+: deleted; restore it first/);
    await expect(saveCollection(archive, { id: made.id, title: 'Renamed', quoteIds: [b, b] })).rejects.toThrow(
      /given twice/,
    );
    await expect(saveCollection(archive, { id: 4242, title: 'Renamed', quoteIds: [] })).rejects.toThrow(
      /collection 4242: no such collection/,
    );
    await expect(saveCollection(archive, { title: 'findings', quoteIds: [a] })).rejects.toThrow(
      /collection "Findings": already exists/,
    );
    expect(await getCollection(archive.db, 'Findings')).toMatchObject({
      title: 'What the city knew',
      introduction: 'Why.',
    });
    expect(await order(archive, 'Findings')).toEqual([d, a, b]);
    expect((await listHistory(archive.db)).length).toBe(count + 1); // only the quote's deletion
    expect(await listCollections(archive.db)).toHaveLength(1);

    // A quote deleted after it was collected keeps its place through a save.
    await deleteQuote(archive, a);
    expect(await order(archive, 'Findings')).toEqual([d, a, b]);
    const kept = await saveCollection(archive, { id: made.id, title: 'What the city knew', quoteIds: [a, d] });
    expect(kept.items.map((i) => i.quote.id)).toEqual([a, d]);
    expect((await checkArchive(archive)).ok).toBe(true);
  });

  it('refuse unknown and deleted quotes by id, repeats, bad positions and name clashes, changing nothing', async () => {
    const { archive, quotes } = await setUp();
    const [a, b] = quotes as [number, number];
    await createCollection(archive, { name: 'Findings' });
    await expect(createCollection(archive, { name: 'FINDINGS' })).rejects.toThrow(
      /collection "Findings": already exists/,
    );
    await expect(addToCollection(archive, 'Findings', [a, 998, 999])).rejects.toThrow(/quotes 998, 999: no such quote/);
    await deleteQuote(archive, b);
    await expect(addToCollection(archive, 'Findings', [b])).rejects.toThrow(/quote \d+: deleted; restore it first/);
    await addToCollection(archive, 'Findings', [a]);
    await expect(addToCollection(archive, 'Findings', [a])).rejects.toThrow(/already holds quote \d+ at position 1/);
    await expect(addToCollection(archive, 'Findings', [quotes[2] ?? 0], 5)).rejects.toThrow(
      /position 5: collection "Findings" has 1 quote\(s\)/,
    );
    await expect(moveInCollection(archive, 'Findings', a, 2)).rejects.toThrow(/position 2/);
    await expect(moveInCollection(archive, 'Findings', quotes[2] ?? 0, 1)).rejects.toThrow(
      /not in collection "Findings"/,
    );
    await expect(removeFromCollection(archive, 'Nope', a)).rejects.toThrow(/collection "Nope": no such collection/);
    await expect(createCollection(archive, { name: '  ' })).rejects.toThrow(/name is empty/);
    expect(await order(archive, 'Findings')).toEqual([a]);
  });

  it('keep a deleted quote in its place, flagged, and bring it back when restored', async () => {
    const { archive, quotes } = await setUp();
    const [a, b, c] = quotes as [number, number, number];
    await createCollection(archive, { name: 'Findings' });
    await addToCollection(archive, 'Findings', [a, b, c]);
    await deleteQuote(archive, b);
    const shown = await getCollection(archive.db, 'Findings');
    expect(shown.items.map((i) => [i.quote.id, i.quote.deletedAt !== null])).toEqual([
      [a, false],
      [b, true],
      [c, false],
    ]);
    await restoreQuote(archive, b);
    expect((await getCollection(archive.db, 'Findings')).items.map((i) => i.quote.deletedAt)).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('take the quotes of a document deleted for good out of their collections, on record', async () => {
    const { archive, doc, quotes } = await setUp();
    const [other] = await importBytes(
      archive,
      Buffer.from('A second statement about the cameras and the footage.'),
      '/case/second.txt',
    );
    const kept = await createQuote(archive, { documentId: other?.documentId ?? 0, text: 'the footage' });
    const [a, b] = quotes as [number, number];
    await createCollection(archive, { name: 'Findings' });
    await addToCollection(archive, 'Findings', [a, kept.id, b]);
    await trashDocument(archive, doc);
    expect((await getCollection(archive.db, 'Findings')).items.map((i) => i.documentTrashed)).toEqual([
      true,
      false,
      true,
    ]);
    expect(await emptyTrash(archive)).toBe(1);
    const shown = await getCollection(archive.db, 'Findings');
    expect(shown.items.map((i) => [i.position, i.quote.id])).toEqual([[1, kept.id]]);
    const entry = (await listHistory(archive.db)).find((e) => e.action === 'collection-remove');
    expect(entry?.details).toMatchObject({
      name: 'Findings',
      reason: 'document deleted for good',
      quotes: [
        { quoteId: a, documentId: doc, position: 1, text: 'cameras were off' },
        { quoteId: b, documentId: doc, position: 3, text: 'cameras were on' },
      ],
    });
    // The entry comes before the purge it explains, in the same chain.
    const actions = (await listHistory(archive.db)).map((e) => e.action);
    expect(actions.indexOf('collection-remove')).toBeLessThan(actions.indexOf('purge'));
    expect((await checkArchive(archive)).ok).toBe(true);
  });

  it('cannot lose a quote from a collection behind the custody history’s back', async () => {
    const { archive, quotes } = await setUp();
    await createCollection(archive, { name: 'Findings' });
    await addToCollection(archive, 'Findings', [quotes[0] ?? 0]);
    // A raw delete that skips the repository is refused by the database itself.
    await expect(
      archive.db
        .deleteFrom('quotes')
        .where('id', '=', quotes[0] ?? 0)
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(await order(archive, 'Findings')).toEqual([quotes[0]]);
  });
});
