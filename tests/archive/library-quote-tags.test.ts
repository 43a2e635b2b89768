/**
 * Tags on quotes in the library's filter column (issue 10, rough edge 5): a tag used only
 * on quotes is offered, counted by the documents it would show, and selecting it shows the
 * documents holding a live quote with it (or one nested under it), as well as those tagged.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addTags,
  createQuote,
  deleteQuote,
  importPaths,
  openArchive,
  trashDocument,
  type Archive,
} from '../../src/main/archive/index.js';
import { libraryFacets } from '../../src/main/archive/library-facets.js';
import { queryLibrary } from '../../src/main/archive/library-query.js';
import { corpus, tempDir } from '../helpers/archive.js';

const FILES = [
  'grimmer__07Aug2007Durbin7.txt',
  'grimmer__08Jul2005Carper11.txt',
  'grimmer__10Apr2007Obama430.txt',
  'grimmer__30Oct2007Biden20.txt',
];

function passage(file: string, from: number): string {
  const words = readFileSync(corpus('text', file), 'utf8').split(/\s+/).filter(Boolean);
  return words.slice(from, from + 12).join(' ');
}

let archive: Archive;
let ids: number[] = [];

async function shown(tag: string): Promise<number[]> {
  const page = await queryLibrary(archive.db, {
    sort: { key: 'title', direction: 'asc' },
    filter: { tag },
    offset: 0,
    limit: 100,
  });
  return page.rows.map((r) => r.id).sort((a, b) => a - b);
}

async function tagCounts(): Promise<Record<string, number>> {
  return Object.fromEntries((await libraryFacets(archive.db)).tags.map((t) => [t.name, t.count]));
}

beforeAll(async () => {
  archive = await openArchive(`${tempDir()}/quote-tags.exhibit`);
  ids = (
    await importPaths(
      archive,
      FILES.map((f) => corpus('text', f)),
    )
  ).map((r) => r.documentId ?? 0);
  return () => archive.close();
});

describe('the library’s tag filter and quotes', () => {
  it('offers a tag used only on a quote, with its parent, counting the document once', async () => {
    const [a = 0] = ids;
    expect(await tagCounts()).toEqual({});
    await createQuote(archive, { documentId: a, text: passage(FILES[0] ?? '', 20), tags: ['agency/LAPD'] });
    await createQuote(archive, { documentId: a, text: passage(FILES[0] ?? '', 60), tags: ['agency/LAPD', 'denial'] });
    expect(await tagCounts()).toEqual({ agency: 1, 'agency/LAPD': 1, denial: 1 });
    expect(await shown('agency/LAPD')).toEqual([a]);
    expect(await shown('agency')).toEqual([a]);
  });

  it('counts documents tagged and documents quoted alike, each once, as the filter shows them', async () => {
    const [a = 0, b = 0, c = 0] = ids;
    await addTags(archive, ['agency/LAPD'], { documentIds: [a, b] });
    await addTags(archive, ['agency'], { documentIds: [c] });
    const counts = await tagCounts();
    expect(counts).toMatchObject({ agency: 3, 'agency/LAPD': 2 });
    expect(await shown('agency/LAPD')).toEqual([a, b]);
    expect(await shown('agency')).toEqual([a, b, c]);
    for (const [name, count] of Object.entries(counts)) expect((await shown(name)).length, name).toBe(count);
  });

  it('forgets a deleted quote’s tags and a trashed document’s quotes', async () => {
    const [, , , d = 0] = ids;
    const q = await createQuote(archive, { documentId: d, text: passage(FILES[3] ?? '', 20), tags: ['only-here'] });
    expect(await tagCounts()).toMatchObject({ 'only-here': 1 });
    expect(await shown('only-here')).toEqual([d]);
    await deleteQuote(archive, q.id);
    expect(await tagCounts()).not.toHaveProperty('only-here');
    expect(await shown('only-here')).toEqual([]);

    await createQuote(archive, { documentId: d, text: passage(FILES[3] ?? '', 60), tags: ['trashed-quote'] });
    expect(await shown('trashed-quote')).toEqual([d]);
    await trashDocument(archive, d);
    expect(await tagCounts()).not.toHaveProperty('trashed-quote');
    expect(await shown('trashed-quote')).toEqual([]);
  });
});
