/**
 * An archive whose JSON columns were edited behind the app's back (by hand in a SQLite
 * tool, or by an older build): valid JSON (the schema checks that) of the wrong shape. The
 * documents still open, list, show in the library and in search hits, with the bad value
 * read as empty rather than a crash or a value of the wrong type.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { getDocument, getPages, listDocuments, search, type Archive } from '../../src/main/archive/index.js';
import { queryLibrary } from '../../src/main/archive/library-query.js';
import { getPageLayout } from '../../src/main/archive/page-layout.js';
import { tempArchive } from '../helpers/archive.js';
import { addTextDocument } from '../helpers/documents.js';

/** Sets a column the way a SQLite tool would: one UPDATE, no app code. */
async function edit(archive: Archive, table: 'documents' | 'pages', column: string, value: string, where: string) {
  await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${value} WHERE ${sql.raw(where)}`.execute(archive.db);
}

describe('JSON columns edited behind the app', () => {
  it('warnings and page labels of the wrong shape read as none; the document opens, lists and is found', async () => {
    const archive = await tempArchive();
    const id = await addTextDocument(archive, ['zeppelin moorings on page one', 'page two'], {
      title: 'Moorings',
      authors: ['Ann Lee'],
    });
    await edit(archive, 'documents', 'warnings', '{"count": 1}', `id = ${id}`);
    await edit(archive, 'documents', 'page_labels', '"ii"', `id = ${id}`);

    const doc = await getDocument(archive.db, id);
    expect(doc.warnings).toEqual([]);
    expect(doc.pageLabels).toBeNull();
    expect(doc.authors).toEqual(['Ann Lee']);
    expect((await listDocuments(archive.db)).map((d) => d.id)).toEqual([id]);
    const hits = await search(archive.db, 'zeppelin', { kinds: ['page'] });
    expect(hits.hits.map((h) => [h.documentId, h.page, h.pageLabel])).toEqual([[id, 1, '1']]);
  });

  it('a page label that is not a string cites the physical page; the other labels keep their pages', async () => {
    const archive = await tempArchive();
    const id = await addTextDocument(archive, ['front matter', 'the zeppelin chapter', 'the zeppelin index'], {
      title: 'Labels',
    });
    await edit(archive, 'documents', 'page_labels', '["i", 7, "iii"]', `id = ${id}`);

    expect((await getDocument(archive.db, id)).pageLabels).toEqual(['i', '', 'iii']);
    const hits = await search(archive.db, 'zeppelin', { kinds: ['page'] });
    // Dropping only the 7 would have printed "iii" on physical page 2; a number is no label.
    expect(hits.hits.map((h) => [h.page, h.pageLabel]).sort()).toEqual([
      [2, '2'],
      [3, 'iii'],
    ]);
  });

  it('authors that are not a list of names read as no authors, in the record and the library', async () => {
    const archive = await tempArchive();
    const id = await addTextDocument(archive, 'a note', { title: 'Note', authors: ['Ann Lee'] });
    await edit(archive, 'documents', 'authors', '{"name": "Ann Lee"}', `id = ${id}`);
    await edit(archive, 'documents', 'recipients', '["Bo", 3, null]', `id = ${id}`);

    const doc = await getDocument(archive.db, id);
    expect(doc.authors).toEqual([]);
    expect(doc.recipients).toEqual(['Bo']);
    const page = await queryLibrary(archive.db, {
      sort: { key: 'title', direction: 'asc' },
      filter: {},
      offset: 0,
      limit: 10,
    });
    expect(page.rows.map((r) => [r.id, r.authors])).toEqual([[id, []]]);
  });

  it('a page layout that is not a layout reads as none; the page text is untouched', async () => {
    const archive = await tempArchive();
    const id = await addTextDocument(archive, ['first page', 'second page'], { title: 'Layout' });
    await edit(archive, 'pages', 'layout', '{"width": 612}', `document_id = ${id} AND number = 1`);
    await edit(archive, 'pages', 'layout', '[1, 2, 3]', `document_id = ${id} AND number = 2`);

    expect(await getPageLayout(archive.db, id, 1)).toBeNull();
    expect(await getPageLayout(archive.db, id, 2)).toBeNull();
    expect((await getPages(archive.db, id, 1)).map((p) => p.text)).toEqual(['first page']);
  });
});
