/**
 * A recipient in a bibliography entry. Chicago (CMOS 14.111) names a letter or memo by its
 * kind before its recipient: "Roe, Jane. Memorandum to John Doe." A document with no kind to
 * name takes the recipient after a comma: "Lee, Ann, to The Board." No style may print the
 * recipient after a full stop of its own ("Roe, Jane. to John Doe.").
 */
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../src/main/archive/export/render.js';
import { plain } from '../../src/main/archive/export/rich-text.js';
import type { DocumentRecord } from '../../src/shared/document.js';
import { CITATION_STYLES, type CitationStyleId } from '../../src/shared/export-options.js';

const letter: DocumentRecord = {
  id: 1,
  format: 'pdf',
  mimeType: 'application/pdf',
  fileName: 'letter.pdf',
  size: 1,
  sha256: 'a'.repeat(64),
  pageCount: 3,
  pageLabels: null,
  pageLabelOffset: 0,
  parentId: null,
  warnings: [],
  importedAt: '',
  updatedAt: '',
  deletedAt: null,
  title: 'Letter on lead in toys',
  type: 'letter',
  authors: ['Richard J. Durbin'],
  recipients: ['Nancy Nord'],
  organization: null,
  date: '2007-08-07',
  source: null,
  url: null,
  description: null,
};
const memo: DocumentRecord = {
  ...letter,
  id: 2,
  type: 'memo',
  title: 'Review of the recall',
  authors: ['Jane Roe'],
  recipients: ['John Doe'],
  source: 'U.S. Department of Justice',
  date: '2019-03-04',
};
const report: DocumentRecord = {
  ...letter,
  id: 3,
  type: 'report',
  title: 'Annual review',
  authors: ['Ann Lee'],
  recipients: ['The Board'],
  date: '2020-11-13',
};
const unaddressed: DocumentRecord = {
  ...letter,
  id: 4,
  type: 'statement',
  title: 'On the recall',
  authors: ['John Cornyn'],
  recipients: [],
  date: '2007-10-18',
};

function bibliography(style: CitationStyleId, docs: DocumentRecord[]): string[] {
  const items = docs.map((document) => ({
    document,
    quote: {
      id: document.id,
      documentId: document.id,
      page: 2,
      pageEnd: 2,
      start: 0,
      end: 1,
      text: 'x',
      prefix: '',
      suffix: '',
      note: null,
      tags: [],
    },
  }));
  return renderExport({ title: 'T', introduction: null, style, items }).bibliography.map((b) => plain(b.entry));
}

describe('a recipient in the bibliography', () => {
  it('follows the kind of a letter or memo in every Chicago style, and a comma where there is no kind', () => {
    const notes = [
      'Durbin, Richard J. Letter to Nancy Nord. “Letter on Lead in Toys.” Letter, August 7, 2007.',
      'Lee, Ann, to The Board. “Annual Review,” November 13, 2020.',
      'Roe, Jane. Memorandum to John Doe. “Review of the Recall.” Memorandum. U.S. Department of Justice, March 4, 2019.',
    ];
    expect(bibliography('chicago', [letter, memo, report])).toEqual(notes);
    expect(bibliography('chicago-short-notes', [letter, memo, report])).toEqual(notes);
    expect(bibliography('chicago-author-date', [letter, memo, report])).toEqual([
      'Durbin, Richard J. Letter to Nancy Nord. 2007. “Letter on Lead in Toys.” Letter.',
      'Lee, Ann, to The Board. 2020. “Annual Review.”',
      'Roe, Jane. Memorandum to John Doe. 2019. “Review of the Recall.” Memorandum. U.S. Department of Justice.',
    ]);
  });

  it('leaves an entry without a recipient as it was', () => {
    expect(bibliography('chicago', [unaddressed])).toEqual([
      'Cornyn, John. “On the Recall.” Statement, October 18, 2007.',
    ]);
  });

  it('never stands after a full stop of its own, in any style', () => {
    for (const style of CITATION_STYLES) {
      for (const entry of bibliography(style, [letter, memo, report]))
        expect(entry, `${style}: ${entry}`).not.toMatch(/\.\s+to\s/);
    }
  });
});
