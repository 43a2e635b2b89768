import { describe, expect, it } from 'vitest';
import type { SearchOptions } from '../../src/shared/search.js';
import {
  addTags,
  createQuote,
  deleteQuote,
  restoreDocument,
  search,
  trashDocument,
  updateMetadata,
  type Archive,
} from '../../src/main/archive/index.js';
import { tempArchive } from '../helpers/archive.js';
import { addTextDocument } from '../helpers/documents.js';

interface Case {
  a: Archive;
  memo: number;
  letter: number;
  article: number;
  undated: number;
  quote: number;
}

async function buildCase(): Promise<Case> {
  const a = await tempArchive();
  const memo = await addTextDocument(
    a,
    [
      'The ban on facial recognition was lifted in November.',
      'Officers described the banner at the protest. Café owners complained.',
    ],
    { title: 'Memo on facial recognition', type: 'memo', authors: ['Jane Roe'], date: '2020-11-13' },
  );
  const letter = await addTextDocument(
    a,
    'The council banned the cameras. Body cameras were recorded. The police department said nothing.',
    {
      title: 'Letter to the council',
      type: 'letter',
      authors: ['John Doe'],
      date: '2019',
    },
  );
  const article = await addTextDocument(
    a,
    'A report about police body cameras and recognition software. <mark>not a mark</mark> & <script>alert(1)</script>',
    { title: 'Police cameras report', type: 'article', authors: ['Jane Roe', 'Max Mustermann'], date: '2021-03' },
  );
  const undated = await addTextDocument(a, 'Nothing about bans here but the word cameras.', { title: 'Undated note' });
  const quote = (
    await createQuote(a, {
      documentId: letter,
      text: 'Body cameras were recorded',
      note: 'bodycam evidence',
      tags: ['evidence/video'],
    })
  ).id;
  await addTags(a, ['agency/LAPD'], { documentIds: [memo] });
  await addTags(a, ['agency/council'], { documentIds: [letter] });
  return { a, memo, letter, article, undated, quote };
}

/** [kind, documentId, page] of each hit, in order. */
async function hits(c: Case, query: string, options: SearchOptions = {}) {
  return (await search(c.a.db, query, options)).hits.map((h) => [h.kind, h.documentId, h.page] as const);
}

/** Distinct documents of the page hits, sorted. */
async function docs(c: Case, query: string, options: SearchOptions = {}) {
  return [
    ...new Set((await search(c.a.db, query, { kinds: ['page'], ...options })).hits.map((h) => h.documentId)),
  ].sort((x, y) => x - y);
}

describe('search', () => {
  it('matches exact words by default, stems only when asked', async () => {
    const c = await buildCase();
    expect(await hits(c, 'ban')).toEqual([['page', c.memo, 1]]);
    expect(await hits(c, 'banner')).toEqual([['page', c.memo, 2]]);
    expect(await docs(c, 'ban', { stem: true })).toEqual([c.memo, c.letter, c.undated]);
    expect((await search(c.a.db, 'record', { kinds: ['quote'] })).total).toBe(0);
    expect((await search(c.a.db, 'record', { stem: true, kinds: ['quote'] })).hits.map((h) => h.quoteId)).toEqual([
      c.quote,
    ]);
  });

  it('ignores case and diacritics', async () => {
    const c = await buildCase();
    expect(await hits(c, 'cafe')).toEqual([['page', c.memo, 2]]);
    expect(await hits(c, 'CAFÉ')).toEqual([['page', c.memo, 2]]);
  });

  it('finds phrases, boolean combinations, prefixes and NEAR', async () => {
    const c = await buildCase();
    expect(await docs(c, '"body cameras"')).toEqual([c.letter, c.article]);
    expect(await docs(c, '"body police"')).toEqual([]);
    expect(await docs(c, 'cameras AND council')).toEqual([c.letter]);
    expect(await docs(c, 'cameras council')).toEqual([c.letter]);
    expect(await docs(c, 'council OR cafe')).toEqual([c.memo, c.letter]);
    expect(await docs(c, 'cameras NOT police')).toEqual([c.undated]);
    expect(await docs(c, 'cameras -police')).toEqual([c.undated]);
    expect(await docs(c, 'cameras -"police department"')).toEqual([c.article, c.undated]);
    expect(await docs(c, '(council OR report) AND body')).toEqual([c.letter, c.article]);
    expect(await docs(c, 'recog*')).toEqual([c.memo, c.article]);
    expect(await docs(c, 'NEAR(ban lifted, 5)')).toEqual([c.memo]);
    expect(await docs(c, 'NEAR(ban november, 3)')).toEqual([]);
    expect(await docs(c, 'ban NEAR/10 november')).toEqual([c.memo]);
  });

  it('answers a query it cannot read with a sentence, not an exception from SQLite', async () => {
    const c = await buildCase();
    await expect(search(c.a.db, 'cameras AND')).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^search: AND/),
    });
    await expect(search(c.a.db, '"cameras')).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(search(c.a.db, 'x', { limit: -1 })).rejects.toMatchObject({ code: 'invalid-input' });
    // What looks like FTS5 syntax to SQLite is searched as text.
    expect(await docs(c, 'text:cameras')).toEqual([]);
    await expect(search(c.a.db, 'NEAR(')).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'search: the NEAR( at character 1 is not closed',
    });
  });

  it('filters by tag (with children), type, author, date range and quotes', async () => {
    const c = await buildCase();
    expect(await docs(c, 'the', { tags: ['agency'] })).toEqual([c.memo, c.letter]);
    expect(await docs(c, 'the', { tags: ['agency/LAPD'] })).toEqual([c.memo]);
    await expect(search(c.a.db, 'the', { tags: ['agency/none'] })).rejects.toMatchObject({ code: 'not-found' });
    expect(await docs(c, 'cameras', { types: ['letter', 'article'] })).toEqual([c.letter, c.article]);
    expect(await docs(c, 'cameras', { author: 'roe' })).toEqual([c.article]);
    expect(await docs(c, 'the', { author: 'ROE' })).toEqual([c.memo]);
    // Partial dates: a document counts when its date overlaps the range.
    expect(await docs(c, 'the OR a', { from: '2020', to: '2020' })).toEqual([c.memo]);
    expect(await docs(c, 'the OR a', { from: '2021-03-15' })).toEqual([c.article]);
    expect(await docs(c, 'the OR a', { to: '2019-06' })).toEqual([c.letter]);
    expect(await docs(c, 'the OR a', { from: '2019-12-31', to: '2020-11' })).toEqual([c.memo, c.letter]);
    await expect(search(c.a.db, 'the', { from: '2020-13' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^from:/),
    });
    expect(await docs(c, 'the', { hasQuotes: true })).toEqual([c.letter]);
    // A quote hit passes a tag filter through its own tags.
    expect((await search(c.a.db, 'cameras', { tags: ['evidence'] })).hits.map((h) => [h.kind, h.quoteId])).toEqual([
      ['quote', c.quote],
    ]);
  });

  it('tells page, quote, note and metadata hits apart, on the right page', async () => {
    const c = await buildCase();
    const note = await search(c.a.db, 'bodycam');
    expect(note.hits).toEqual([
      expect.objectContaining({
        kind: 'note',
        documentId: c.letter,
        quoteId: c.quote,
        page: 1,
        snippet: '<mark>bodycam</mark> evidence',
      }),
    ]);
    expect((await hits(c, 'recorded')).sort()).toEqual(
      [
        ['page', c.letter, 1],
        ['quote', c.letter, 1],
      ].sort(),
    );
    expect(await hits(c, 'mustermann')).toEqual([['metadata', c.article, 1]]);
    const meta = (await search(c.a.db, 'mustermann')).hits[0];
    expect(meta?.snippet).toBe('Jane Roe; Max <mark>Mustermann</mark>');
    expect(await hits(c, 'complained')).toEqual([['page', c.memo, 2]]);
  });

  it('ranks a title above body text, and sorts by date when asked', async () => {
    const c = await buildCase();
    const council = await search(c.a.db, 'council');
    expect(council.hits.map((h) => h.kind)).toEqual(['metadata', 'page']);
    expect(council.hits[0]?.score).toBeGreaterThan(council.hits[1]?.score ?? Infinity);
    const byDate = await search(c.a.db, 'cameras', { sort: 'date', kinds: ['page'] });
    expect(byDate.hits.map((h) => h.documentId)).toEqual([c.article, c.letter, c.undated]);
  });

  it('counts every hit and pages through them', async () => {
    const c = await buildCase();
    const all = await search(c.a.db, 'the OR a OR cameras');
    expect(all.total).toBe(all.hits.length);
    const first = await search(c.a.db, 'the OR a OR cameras', { limit: 2 });
    const rest = await search(c.a.db, 'the OR a OR cameras', { limit: 50, offset: 2 });
    expect(first.total).toBe(all.total);
    expect([...first.hits, ...rest.hits]).toEqual(all.hits);
  });

  it('marks matched terms in snippets, HTML-escaped so the marks are unambiguous', async () => {
    const c = await buildCase();
    const [hit] = (await search(c.a.db, 'alert')).hits;
    expect(hit?.snippet).toBe(
      'A report about police body cameras and recognition software. &lt;mark&gt;not a mark&lt;/mark&gt; &amp; &lt;script&gt;<mark>alert</mark>…',
    );
  });

  it('leaves out documents in the trash and deleted quotes, and brings them back', async () => {
    const c = await buildCase();
    await trashDocument(c.a, c.letter);
    expect(await search(c.a.db, 'council')).toEqual({ total: 0, hits: [] });
    expect((await search(c.a.db, 'bodycam')).total).toBe(0);
    await restoreDocument(c.a, c.letter);
    expect((await search(c.a.db, 'council')).total).toBe(2);
    await deleteQuote(c.a, c.quote);
    expect((await search(c.a.db, 'bodycam')).total).toBe(0);
  });

  it('follows metadata edits', async () => {
    const c = await buildCase();
    await updateMetadata(c.a, c.undated, { title: 'Surveillance inventory', authors: ['Ana Núñez'] });
    expect(await hits(c, 'surveillance')).toEqual([['metadata', c.undated, 1]]);
    expect(await hits(c, 'nunez')).toEqual([['metadata', c.undated, 1]]);
    // The old title is gone; "undated" is still in the file name.
    expect((await search(c.a.db, 'undated')).hits.map((h) => h.snippet)).toEqual([
      expect.stringMatching(/^<mark>Undated<\/mark>-note-\w+\.txt$/),
    ]);
  });
});
