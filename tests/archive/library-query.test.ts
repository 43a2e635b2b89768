/**
 * The library's paged query and its filter column, on a real archive: every order with
 * empty values last, each filter, windows at their edges, counts, and nothing from the trash.
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
  updateMetadata,
  type Archive,
  type MetadataPatch,
} from '../../src/main/archive/index.js';
import { libraryFacets } from '../../src/main/archive/library-facets.js';
import { queryLibrary } from '../../src/main/archive/library-query.js';
import type { LibraryFilter, LibrarySort } from '../../src/shared/library-query.js';
import { corpus, tempArchive, tempDir } from '../helpers/archive.js';
import { addTextDocument } from '../helpers/documents.js';

const FILES = [
  'grimmer__07Aug2007Durbin7.txt',
  'grimmer__08Jul2005Carper11.txt',
  'grimmer__10Apr2007Obama430.txt',
  'grimmer__30Oct2007Biden20.txt',
  'grimmer__18Oct2007Cornyn196.txt',
  'grimmer__23Feb2005Byrd222.txt',
];

/** A passage of a corpus file long enough to stand in one place only. */
function passage(file: string, from: number): string {
  const words = readFileSync(corpus('text', file), 'utf8').split(/\s+/).filter(Boolean);
  return words.slice(from, from + 12).join(' ');
}

let archive: Archive;
const id: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', number> = { A: 0, B: 0, C: 0, D: 0, E: 0, F: 0 };

beforeAll(async () => {
  archive = await openArchive(`${tempDir()}/library.exhibit`);
  const results = await importPaths(
    archive,
    FILES.map((f) => corpus('text', f)),
  );
  const ids = results.map((r) => r.documentId ?? 0);
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = ids;
  Object.assign(id, { A: a, B: b, C: c, D: d, E: e, F: f });
  const meta: [number, MetadataPatch][] = [
    [a, { title: 'Memorandum on face search', type: 'memo', authors: ['Daniel Whitcombe'], date: '2020-11-13' }],
    [b, { title: 'Ledger article', type: 'article', authors: ['Priya Raman'], date: '2020-11' }],
    [c, { title: 'letter to the CEO', type: 'letter', authors: ['Eleanor Vance', 'Ana Ortiz'], date: '2021' }],
    [d, { title: 'Undated note', type: 'other', authors: [], date: null }],
    [e, { title: 'Zeta, in the trash', type: 'memo', authors: ['Daniel Whitcombe'], date: '2022' }],
    [f, { title: 'Budget report 10', type: 'report', authors: ['priya raman'], date: '2019-05-02' }],
  ];
  for (const [doc, patch] of meta) await updateMetadata(archive, doc, patch);
  await addTags(archive, ['agency/PAPD', 'directive'], { documentIds: [a] });
  await addTags(archive, ['agency'], { documentIds: [b, e] });
  await addTags(archive, ['agency/PAPD/units'], { documentIds: [c] });
  await createQuote(archive, { documentId: a, text: passage(FILES[0] ?? '', 20) });
  await createQuote(archive, { documentId: a, text: passage(FILES[0] ?? '', 60) });
  await createQuote(archive, { documentId: b, text: passage(FILES[1] ?? '', 20) });
  const gone = await createQuote(archive, { documentId: b, text: passage(FILES[1] ?? '', 60) });
  await deleteQuote(archive, gone.id);
  await trashDocument(archive, e);
  return () => archive.close();
});

async function order(sort: LibrarySort, filter: LibraryFilter = {}): Promise<number[]> {
  const page = await queryLibrary(archive.db, { sort, filter, offset: 0, limit: 100 });
  expect(page.total).toBe(page.rows.length);
  return page.rows.map((r) => r.id);
}

describe('the library query', () => {
  it('orders by each column, empty values last in either direction, text without regard to case', async () => {
    const { A, B, C, D, F } = id;
    expect(await order({ key: 'date', direction: 'desc' })).toEqual([C, A, B, F, D]);
    expect(await order({ key: 'date', direction: 'asc' })).toEqual([F, B, A, C, D]);
    expect(await order({ key: 'title', direction: 'asc' })).toEqual([F, B, C, A, D]);
    expect(await order({ key: 'title', direction: 'desc' })).toEqual([D, A, C, B, F]);
    expect(await order({ key: 'type', direction: 'asc' })).toEqual([B, C, A, D, F]);
    // "Priya Raman" and "priya raman" tie, and ties go by id in the sort's direction.
    expect(await order({ key: 'authors', direction: 'asc' })).toEqual([A, C, B, F, D]);
    expect(await order({ key: 'authors', direction: 'desc' })).toEqual([F, B, C, A, D]);
    expect(await order({ key: 'tags', direction: 'asc' })).toEqual([B, A, C, D, F]);
    expect(await order({ key: 'tags', direction: 'desc' })).toEqual([C, A, B, F, D]);
    expect(await order({ key: 'quotes', direction: 'desc' })).toEqual([A, B, F, D, C]);
  });

  it('compares text as a reader does: any case or accent, numbers by value', async () => {
    const a = await tempArchive();
    const add = (title: string, authors: string[]) => addTextDocument(a, `${title}.`, { title, authors });
    const etude = await add('Étude des caméras', ['José Álvarez']);
    const zebra = await add('Zebra report', ['Ann Zhou']);
    const nine = await add('Report 9', ['OLGA ÖZTÜRK']);
    const ten = await add('Report 10', ['Olga Öztürk']);
    const orla = await add('Órla’s memo', []);
    const titles = async (filter: LibraryFilter, direction: LibrarySort['direction'] = 'asc') =>
      (await queryLibrary(a.db, { sort: { key: 'title', direction }, filter, offset: 0, limit: 10 })).rows.map(
        (r) => r.id,
      );
    expect(await titles({})).toEqual([etude, orla, nine, ten, zebra]);
    expect(await titles({}, 'desc')).toEqual([zebra, ten, nine, orla, etude]);
    expect(await titles({ text: 'etude' })).toEqual([etude]);
    expect(await titles({ text: 'ÉTUDE CAMERAS' })).toEqual([etude]);
    expect(await titles({ text: 'alvarez' })).toEqual([etude]);
    expect(await titles({ author: 'öztürk' })).toEqual([nine, ten]);
    expect(await titles({ author: 'ozturk', text: 'REPORT' })).toEqual([nine, ten]);
    expect(await titles({ author: 'ozturk', text: 'zebra' })).toEqual([]);
    const byAuthor = (
      await queryLibrary(a.db, { sort: { key: 'authors', direction: 'asc' }, filter: {}, offset: 0, limit: 10 })
    ).rows.map((r) => r.id);
    expect(byAuthor).toEqual([zebra, etude, nine, ten, orla]);
    await a.close();
  });

  it('shows each row with its tags and live quotes only', async () => {
    const page = await queryLibrary(archive.db, {
      sort: { key: 'date', direction: 'desc' },
      filter: {},
      offset: 0,
      limit: 100,
    });
    const rows = new Map(page.rows.map((r) => [r.id, r]));
    expect(rows.get(id.A)).toMatchObject({
      title: 'Memorandum on face search',
      type: 'memo',
      format: 'text',
      authors: ['Daniel Whitcombe'],
      date: '2020-11-13',
      tags: ['agency/PAPD', 'directive'],
      quoteCount: 2,
    });
    expect(rows.get(id.B)).toMatchObject({ tags: ['agency'], quoteCount: 1 });
    expect(rows.get(id.C)?.authors).toEqual(['Eleanor Vance', 'Ana Ortiz']);
    expect(rows.get(id.D)).toMatchObject({
      authors: [],
      date: null,
      tags: [],
      quoteCount: 0,
      fileName: 'grimmer__30Oct2007Biden20.txt',
      pageCount: 1,
    });
    expect(rows.has(id.E)).toBe(false);
  });

  it('filters by type, words, author, tag with its children, dates and ids, never showing the trash', async () => {
    const { A, B, C, D, E, F } = id;
    const date = { key: 'date', direction: 'desc' } as const;
    expect(await order(date, { types: ['memo', 'letter'] })).toEqual([C, A]);
    expect(await order(date, { text: 'LETTER ceo' })).toEqual([C]);
    expect(await order(date, { text: 'biden20' })).toEqual([D]);
    expect(await order(date, { text: 'whitcombe' })).toEqual([A]);
    expect(await order(date, { text: '  ortiz   letter ' })).toEqual([C]);
    expect(await order(date, { text: 'trash' })).toEqual([]);
    expect(await order(date, { text: '100%' })).toEqual([]);
    expect(await order(date, { author: 'RAMAN' })).toEqual([B, F]);
    expect(await order(date, { author: 'vance' })).toEqual([C]);
    expect(await order(date, { author: 'Vance", "Ana' })).toEqual([]);
    expect(await order(date, { tag: 'agency/PAPD' })).toEqual([C, A]);
    expect(await order(date, { tag: 'agency' })).toEqual([C, A, B]);
    expect(await order(date, { tag: 'agency/PAP' })).toEqual([]);
    expect(await order(date, { tag: 'directive' })).toEqual([A]);
    expect(await order(date, { from: '2020-11-14' })).toEqual([C]);
    expect(await order(date, { to: '2020-11' })).toEqual([A, B, F]);
    expect(await order(date, { from: '2020', to: '2020' })).toEqual([A, B]);
    expect(await order(date, { ids: [A, E, D] })).toEqual([A, D]);
    expect(await order(date, { types: ['memo'], tag: 'agency', text: 'memorandum' })).toEqual([A]);
  });

  it('answers windows at their edges with the total that passes', async () => {
    const sort = { key: 'date', direction: 'desc' } as const;
    const window = async (offset: number, limit: number, filter: LibraryFilter = {}) => {
      const page = await queryLibrary(archive.db, { sort, filter, offset, limit });
      return { total: page.total, ids: page.rows.map((r) => r.id) };
    };
    expect(await window(1, 2)).toEqual({ total: 5, ids: [id.A, id.B] });
    expect(await window(4, 10)).toEqual({ total: 5, ids: [id.D] });
    expect(await window(5, 10)).toEqual({ total: 5, ids: [] });
    expect(await window(0, 0)).toEqual({ total: 5, ids: [] });
    expect(await window(1, 1, { tag: 'agency' })).toEqual({ total: 3, ids: [id.A] });
  });

  it('sees every change at once, though it remembers orders between windows', async () => {
    const sort = { key: 'date', direction: 'desc' } as const;
    expect((await order(sort))[0]).toBe(id.C);
    await updateMetadata(archive, id.D, { date: '2030' });
    expect(await order(sort)).toEqual([id.D, id.C, id.A, id.B, id.F]);
    await addTags(archive, ['directive'], { documentIds: [id.F] });
    expect(await order(sort, { tag: 'directive' })).toEqual([id.A, id.F]);
    await updateMetadata(archive, id.D, { date: null });
    expect(await order(sort)).toEqual([id.C, id.A, id.B, id.F, id.D]);
  });
});

describe('the library facets', () => {
  it('counts types, tags with their children, authors and the date span over live documents', async () => {
    const facets = await libraryFacets(archive.db);
    expect(facets.documents).toBe(5);
    expect(facets.types).toEqual([
      { type: 'article', count: 1 },
      { type: 'letter', count: 1 },
      { type: 'memo', count: 1 },
      { type: 'other', count: 1 },
      { type: 'report', count: 1 },
    ]);
    expect(facets.tags).toEqual([
      { name: 'agency', count: 3 },
      { name: 'agency/PAPD', count: 2 },
      { name: 'agency/PAPD/units', count: 1 },
      { name: 'directive', count: 2 },
    ]);
    expect(facets.authors.map((a) => [a.name, a.count]).sort()).toEqual([
      ['Ana Ortiz', 1],
      ['Daniel Whitcombe', 1],
      ['Eleanor Vance', 1],
      ['Priya Raman', 1],
      ['priya raman', 1],
    ]);
    expect(facets.dates).toEqual({ from: '2019-05-02', to: '2021' });
  });
});
