/**
 * Versions in the library (issue 13): the same release imported as HTML, PDF and TXT is one
 * row, the earliest imported passing version, listing the others with their formats and
 * quotes; paging, totals, sorting and filters count rows, not files. Real files, real archive.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addTags,
  createQuote,
  importPaths,
  openArchive,
  updateMetadata,
  type Archive,
} from '../../src/main/archive/index.js';
import { queryLibrary } from '../../src/main/archive/library-query.js';
import type { LibraryFilter, LibrarySort } from '../../src/shared/library-query.js';
import { corpus, ROOT, tempDir } from '../helpers/archive.js';

const TRIO = ['html', 'pdf', 'txt'].map((ext) => join(ROOT, `tests/fixtures/versions/obama-irs-release.${ext}`));
const OTHERS = ['grimmer__07Aug2007Durbin7.txt', 'grimmer__08Jul2005Carper11.txt', 'grimmer__30Oct2007Biden20.txt'];

let archive: Archive;
/** The trio's ids (html, pdf, txt) and the others', in import order. */
let html = 0;
let pdf = 0;
let txt = 0;
let others: number[] = [];

beforeAll(async () => {
  // Kept open for the whole file (tempArchive closes after each test).
  archive = await openArchive(join(tempDir(), 'versions.exhibit'));
  // Each file under a name of its own, so the others are not grouped by anything but their text.
  const dir = tempDir();
  const paths = OTHERS.map((f) => {
    const to = join(dir, f);
    copyFileSync(corpus('text', f), to);
    return to;
  });
  const ids = (await importPaths(archive, [...TRIO, ...paths])).map((r) => r.documentId ?? 0);
  [html = 0, pdf = 0, txt = 0] = ids;
  others = ids.slice(3);
  // Titles interleave the versions with the others: A, b(html), C, d(pdf), E, f(txt).
  const titles: [number, string][] = [
    [others[0] ?? 0, 'A release'],
    [html, 'b version'],
    [others[1] ?? 0, 'C release'],
    [pdf, 'd version'],
    [others[2] ?? 0, 'E release'],
    [txt, 'f version zulu'],
  ];
  for (const [id, title] of titles) await updateMetadata(archive, id, { title });
});

const byTitle: LibrarySort = { key: 'title', direction: 'asc' };

async function titles(sort: LibrarySort, filter: LibraryFilter, offset: number, limit: number) {
  const page = await queryLibrary(archive.db, { sort, filter, offset, limit });
  return { total: page.total, titles: page.rows.map((r) => r.title), rows: page.rows };
}

describe('versions in the library', () => {
  it('the three files of one release are grouped (the premise of the rest)', async () => {
    const page = await queryLibrary(archive.db, { sort: byTitle, filter: { ids: [html] }, offset: 0, limit: 5 });
    expect(page.rows[0]?.versions.map((v) => [v.id, v.format])).toEqual([
      [pdf, 'pdf'],
      [txt, 'text'],
    ]);
  });

  it('shows one row for the group, the earliest imported, across a page boundary', async () => {
    const first = await titles(byTitle, {}, 0, 2);
    const second = await titles(byTitle, {}, 2, 2);
    const third = await titles(byTitle, {}, 4, 2);
    expect(first.total).toBe(4);
    expect([...first.titles, ...second.titles, ...third.titles]).toEqual([
      'A release',
      'b version',
      'C release',
      'E release',
    ]);
    const desc = await titles({ key: 'title', direction: 'desc' }, {}, 0, 10);
    expect(desc.titles).toEqual(['E release', 'C release', 'b version', 'A release']);
  });

  it('lists a group when any of its versions passes the filter, as that version', async () => {
    await addTags(archive, ['only-on-txt'], { documentIds: [txt] });
    const tagged = await titles(byTitle, { tag: 'only-on-txt' }, 0, 10);
    expect(tagged.total).toBe(1);
    expect(tagged.rows.map((r) => [r.id, r.versions.map((v) => v.id)])).toEqual([[txt, [html, pdf]]]);
    // The words of a later version's own title find it, not its group's first row.
    expect((await titles(byTitle, { text: 'zulu' }, 0, 10)).rows.map((r) => r.id)).toEqual([txt]);
  });

  it('keeps a quote on the version it was made on, counted there', async () => {
    const words = readFileSync(TRIO[2] ?? '', 'utf8')
      .split(/\s+/)
      .slice(40, 52)
      .join(' ');
    const quote = await createQuote(archive, { documentId: txt, text: words });
    expect(quote.documentId).toBe(txt);
    const row = (await titles(byTitle, {}, 0, 10)).rows.find((r) => r.id === html);
    expect(row?.quoteCount).toBe(0);
    expect(row?.versions.find((v) => v.id === txt)?.quoteCount).toBe(1);
  });
});
