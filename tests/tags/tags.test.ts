import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addTags,
  createQuote,
  deleteTag,
  getTag,
  importPaths,
  listHistory,
  listQuotes,
  listTags,
  mergeTag,
  removeTag,
  renameTag,
  search,
  setTagInfo,
  tagsOfDocuments,
  trashDocument,
  verifyHistory,
} from '../../src/main/archive/index.js';
import { normalizeTagName } from '../../src/main/archive/tags/names.js';
import { tempArchive, tempDir } from '../helpers/archive.js';
import { addTextDocument } from '../helpers/documents.js';

const names = async (a: Awaited<ReturnType<typeof tempArchive>>) => (await listTags(a.db)).map((t) => t.name);

describe('tag names', () => {
  it('are tidied and checked', () => {
    expect(normalizeTagName('  agency /  LAPD  ')).toBe('agency/LAPD');
    expect(normalizeTagName('two   words')).toBe('two words');
    for (const bad of ['', '  ', 'a//b', '/a', 'a/', `x${'y'.repeat(200)}`]) {
      expect(() => normalizeTagName(bad)).toThrow(/^tag/);
    }
  });
});

describe('tags on documents and quotes', () => {
  it('creates parents with a child, counts usage, and a parent selects its children’s items', async () => {
    const a = await tempArchive();
    const lapd = await addTextDocument(a, 'A memo from the LAPD about cameras.');
    const nypd = await addTextDocument(a, 'A letter from the NYPD about cameras.');
    const other = await addTextDocument(a, 'A note about cameras.');
    expect(await addTags(a, ['agency/LAPD'], { documentIds: [lapd] })).toBe(1);
    expect(await addTags(a, ['agency/NYPD', 'urgent'], { documentIds: [nypd] })).toBe(2);
    expect(await addTags(a, ['agency/LAPD'], { documentIds: [lapd] })).toBe(0);
    const q = await createQuote(a, { documentId: other, text: 'A note' });
    await addTags(a, ['AGENCY/lapd'], { quoteIds: [q.id] });

    expect(await names(a)).toEqual(['agency', 'agency/LAPD', 'agency/NYPD', 'urgent']);
    expect(await getTag(a.db, 'agency/LAPD')).toMatchObject({ documents: 1, quotes: 1 });
    expect(await getTag(a.db, 'agency')).toMatchObject({ documents: 0, quotes: 0 });

    const docs = async (tag: string) =>
      [
        ...new Set((await search(a.db, 'cameras', { tags: [tag], kinds: ['page'] })).hits.map((h) => h.documentId)),
      ].sort();
    expect(await docs('agency')).toEqual([lapd, nypd]);
    expect(await docs('agency/NYPD')).toEqual([nypd]);
    expect((await listQuotes(a.db, { tags: ['agency'] })).map((x) => x.id)).toEqual([q.id]);

    await trashDocument(a, nypd);
    expect(await getTag(a.db, 'agency/NYPD')).toMatchObject({ documents: 0 });
    expect(await verifyHistory(a.db)).toEqual([]);
  });

  it('records each tagging and untagging in the item’s custody history', async () => {
    const a = await tempArchive();
    const doc = await addTextDocument(a, 'Text.');
    await addTags(a, ['x'], { documentIds: [doc] });
    expect(await removeTag(a, 'x', { documentIds: [doc] })).toBe(1);
    expect(await removeTag(a, 'x', { documentIds: [doc] })).toBe(0);
    const actions = (await listHistory(a.db, doc)).map((e) => [e.action, e.details['tags']]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['tag-add', ['x']],
        ['tag-remove', ['x']],
      ]),
    );
    expect(await names(a)).toEqual(['x']);
    await expect(addTags(a, ['y'], { documentIds: [999] })).rejects.toMatchObject({ code: 'not-found' });
    await expect(removeTag(a, 'nope', { documentIds: [doc] })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('keeps a colour and a description', async () => {
    const a = await tempArchive();
    expect(await setTagInfo(a, 'agency', { color: '#C03', description: ' Law enforcement ' })).toMatchObject({
      name: 'agency',
      color: '#cc0033',
      description: 'Law enforcement',
    });
    await expect(setTagInfo(a, 'agency', { color: 'red' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^color/),
    });
    expect(await setTagInfo(a, 'agency', { color: null })).toMatchObject({
      color: null,
      description: 'Law enforcement',
    });
  });
});

describe('renaming, merging and deleting tags', () => {
  it('renames a tag and its children, and refuses to take an existing name', async () => {
    const a = await tempArchive();
    const doc = await addTextDocument(a, 'Text.');
    await addTags(a, ['agency/LAPD', 'agency/NYPD/precinct 5', 'org'], { documentIds: [doc] });
    const { renamed } = await renameTag(a, 'agency', 'police');
    expect(renamed).toEqual([
      ['agency', 'police'],
      ['agency/LAPD', 'police/LAPD'],
      ['agency/NYPD', 'police/NYPD'],
      ['agency/NYPD/precinct 5', 'police/NYPD/precinct 5'],
    ]);
    expect((await tagsOfDocuments(a.db, [doc])).get(doc)).toEqual(['org', 'police/LAPD', 'police/NYPD/precinct 5']);
    await expect(renameTag(a, 'police', 'org')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/merge/),
    });
    await expect(renameTag(a, 'police', 'police/sub')).rejects.toMatchObject({ code: 'invalid-input' });
    await renameTag(a, 'police/LAPD', 'police/lapd');
    await renameTag(a, 'org', 'us/org');
    expect(await names(a)).toEqual(['police', 'police/lapd', 'police/NYPD', 'police/NYPD/precinct 5', 'us', 'us/org']);
    const entry = (await listHistory(a.db)).find((e) => e.action === 'tag-rename');
    expect(entry?.details).toMatchObject({ from: 'agency', to: 'police' });
  });

  it('merges one tag into another, children included', async () => {
    const a = await tempArchive();
    const one = await addTextDocument(a, 'One.');
    const two = await addTextDocument(a, 'Two.');
    const q = await createQuote(a, { documentId: two, text: 'Two' });
    await addTags(a, ['LAPD', 'LAPD/internal'], { documentIds: [one] });
    await addTags(a, ['agency/LAPD'], { documentIds: [two] });
    await addTags(a, ['LAPD'], { quoteIds: [q.id] });
    await setTagInfo(a, 'LAPD', { color: '#112233' });
    expect(await mergeTag(a, 'LAPD', 'agency/LAPD')).toEqual({ documents: 2, quotes: 1 });
    expect(await names(a)).toEqual(['agency', 'agency/LAPD', 'agency/LAPD/internal']);
    expect(await getTag(a.db, 'agency/LAPD')).toMatchObject({ documents: 2, quotes: 1, color: '#112233' });
    expect((await tagsOfDocuments(a.db, [one])).get(one)).toEqual(['agency/LAPD', 'agency/LAPD/internal']);
    await expect(mergeTag(a, 'agency', 'agency/LAPD')).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('deletes a tag with its children, says how many items lose it, and keeps them in custody', async () => {
    const a = await tempArchive();
    const one = await addTextDocument(a, 'One.');
    const two = await addTextDocument(a, 'Two.');
    const q = await createQuote(a, { documentId: one, text: 'One' });
    await addTags(a, ['case/alpha'], { documentIds: [one, two] });
    await addTags(a, ['case'], { quoteIds: [q.id], documentIds: [two] });
    await addTags(a, ['keep'], { documentIds: [one] });
    expect(await deleteTag(a, 'case')).toEqual({ tags: ['case', 'case/alpha'], documents: 2, quotes: 1 });
    expect(await names(a)).toEqual(['keep']);
    expect((await tagsOfDocuments(a.db, [one, two])).get(two)).toBeUndefined();
    const entry = (await listHistory(a.db)).find((e) => e.action === 'tag-delete');
    expect(entry?.details['tags']).toEqual([
      { name: 'case', color: null, description: null, documentIds: [two], quoteIds: [q.id] },
      { name: 'case/alpha', color: null, description: null, documentIds: [one, two], quoteIds: [] },
    ]);
  });
});

describe('tagging on import', () => {
  it('tags every imported document in the import’s transaction, and the copy already held for a duplicate', async () => {
    const a = await tempArchive();
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'first');
    writeFileSync(join(dir, 'b.txt'), 'second');
    const results = await importPaths(a, [dir], { tags: ['batch/1'] });
    const ids = results.map((r) => r.documentId ?? 0);
    const tags = await tagsOfDocuments(a.db, ids);
    for (const id of ids) expect(tags.get(id)).toEqual(['batch/1']);
    const again = await importPaths(a, [join(dir, 'a.txt')], { tags: ['batch/2'] });
    expect(again[0]?.status).toBe('duplicate');
    expect((await tagsOfDocuments(a.db, [ids[0] ?? 0])).get(ids[0] ?? 0)).toEqual(['batch/1', 'batch/2']);
    await expect(importPaths(a, [dir], { tags: ['bad//name'] })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await verifyHistory(a.db)).toEqual([]);
  });
});
