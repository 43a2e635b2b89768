/**
 * Versions in search (issue 13): the release as HTML, PDF and TXT gives one hit per place in
 * its text, on one version, naming the others ("also in"); the total counts those hits; a
 * quote's hit stays on its own version; other documents are untouched. Real files, real archive.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createQuote, importPaths, openArchive, search, type Archive } from '../../src/main/archive/index.js';
import { corpus, ROOT, tempDir } from '../helpers/archive.js';

const TRIO = ['html', 'pdf', 'txt'].map((ext) => join(ROOT, `tests/fixtures/versions/obama-irs-release.${ext}`));

let archive: Archive;
let ids: number[] = [];

beforeAll(async () => {
  archive = await openArchive(join(tempDir(), 'search.exhibit'));
  ids = (await importPaths(archive, [...TRIO, corpus('text', 'grimmer__07Aug2007Durbin7.txt')])).map(
    (r) => r.documentId ?? 0,
  );
});

describe('versions in search', () => {
  it('gives one hit for the three versions of a page, with the others named', async () => {
    const [html, pdf, txt] = ids;
    const result = await search(archive.db, '"Commissioner Mark Everson"', { kinds: ['page'] });
    expect(result.total).toBe(1);
    expect(result.hits).toHaveLength(1);
    const hit = result.hits[0];
    expect([html, pdf, txt]).toContain(hit?.documentId);
    expect(hit?.alsoIn?.map((v) => v.documentId).sort()).toEqual([html, pdf, txt].filter((i) => i !== hit?.documentId));
    expect(new Set(hit?.alsoIn?.map((v) => v.format))).toEqual(
      new Set(['html', 'pdf', 'text'].filter((_, i) => ids[i] !== hit?.documentId)),
    );
  });

  it('counts a document outside any group as before, and pages past the first', async () => {
    // "Senator" stands in the release and in Durbin's: two documents, one group.
    const all = await search(archive.db, 'senator', { kinds: ['page', 'metadata'], limit: 50 });
    const docs = new Set(all.hits.map((h) => h.documentId));
    expect(docs.has(ids[3] ?? 0)).toBe(true);
    expect([...docs].filter((d) => ids.slice(0, 3).includes(d))).toHaveLength(1);
    expect(all.total).toBe(all.hits.length);
    const second = await search(archive.db, 'senator', { kinds: ['page', 'metadata'], limit: 1, offset: 1 });
    expect(second.total).toBe(all.total);
    expect(second.hits[0]?.documentId).toBe(all.hits[1]?.documentId);
  });

  it('keeps a quote on its own version', async () => {
    const txt = ids[2] ?? 0;
    const quote = await createQuote(archive, { documentId: txt, text: 'Commissioner Mark Everson' });
    const result = await search(archive.db, '"Commissioner Mark Everson"', { kinds: ['quote'] });
    expect(result.hits.map((h) => [h.documentId, h.quoteId])).toEqual([[txt, quote.id]]);
  });
});
