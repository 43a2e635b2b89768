/** The library's lean rows: the same facts as the full records, live documents only. */
import { describe, expect, it } from 'vitest';
import { importPaths, listDocuments, trashDocument, updateMetadata } from '../../src/main/archive/index.js';
import { listLibraryIndex } from '../../src/main/archive/library-index.js';
import { corpus, tempArchive } from '../helpers/archive.js';

describe('the library index', () => {
  it('lists each live document’s title, type, format, authors, date, pages and file name', async () => {
    const archive = await tempArchive();
    const results = await importPaths(archive, [
      corpus('text', 'grimmer__07Aug2007Durbin7.txt'),
      corpus('text', 'grimmer__08Jul2005Carper11.txt'),
      corpus('pdf-good', 'pdfplumber__scotus-transcript-p1.pdf'),
    ]);
    const [first, second] = results.map((r) => r.documentId ?? 0);
    await updateMetadata(archive, first ?? 0, { authors: ['Dick Durbin', 'Staff'], date: '2007-08', type: 'statement' });
    await trashDocument(archive, second ?? 0);

    const index = await listLibraryIndex(archive.db);
    const full = await listDocuments(archive.db);
    expect(index).toEqual(
      full.map((d) => ({ id: d.id, title: d.title, type: d.type, format: d.format, authors: d.authors, date: d.date, pageCount: d.pageCount, fileName: d.fileName })),
    );
    expect(index.map((e) => e.id)).not.toContain(second);
    expect(index.find((e) => e.id === first)).toMatchObject({ authors: ['Dick Durbin', 'Staff'], date: '2007-08', type: 'statement', format: 'text' });
  });
});
