import { writeFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/shared/document.js';
import { pageLabel, pageRangeLabel } from '../../src/shared/page-label.js';
import { parseName, toCslItem } from '../../src/main/archive/export/csl/csl-json.js';
import { renderExport } from '../../src/main/archive/export/render.js';
import { plain } from '../../src/main/archive/export/rich-text.js';
import type { CitationStyleId, ExportModel } from '../../src/main/archive/export/model.js';
import { writeAtomically, writeFileSafely } from '../../src/main/archive/export/safe-write.js';
import { joinPages, placeClaim, selectorOf, textAt } from '../../src/main/archive/quotes/selectors.js';
import { findSelectors } from '../helpers/export-fixture.js';
import { tempDir } from '../helpers/archive.js';

const base: DocumentRecord = {
  id: 1,
  format: 'pdf',
  mimeType: 'application/pdf',
  title: 'Letter on lead in toys',
  type: 'letter',
  authors: ['Richard J. Durbin'],
  recipients: ['Nancy Nord'],
  organization: null,
  date: '2007-08-07',
  source: null,
  url: null,
  description: null,
  fileName: 'letter.pdf',
  size: 1,
  sha256: 'a'.repeat(64),
  pageCount: 5,
  pageLabels: null,
  pageLabelOffset: 0,
  parentId: null,
  warnings: [],
  importedAt: '',
  updatedAt: '',
  deletedAt: null,
};

function model(style: CitationStyleId, docs: DocumentRecord[], pages: [number, number][] = [[2, 2]]): ExportModel {
  return {
    title: 'T',
    introduction: null,
    style,
    items: docs.flatMap((document, d) =>
      pages.map(([page, pageEnd], i) => ({
        document,
        quote: {
          id: d * 10 + i,
          documentId: document.id,
          page,
          pageEnd,
          start: 0,
          end: 1,
          text: 'x',
          prefix: '',
          suffix: '',
          note: null,
          tags: [],
        },
      })),
    ),
  };
}

describe('citations', () => {
  it('map document types and metadata to CSL-JSON', () => {
    expect(toCslItem(base)).toMatchObject({
      id: 'doc-1',
      type: 'letter',
      genre: 'Letter',
      author: [{ family: 'Durbin', given: 'Richard J.' }],
      recipient: [{ family: 'Nord', given: 'Nancy' }],
      issued: { 'date-parts': [[2007, 8, 7]] },
    });
    expect(toCslItem({ ...base, type: 'email', date: '2020-11' })).toMatchObject({
      type: 'personal_communication',
      genre: 'Email',
      issued: { 'date-parts': [[2020, 11]] },
    });
    expect(toCslItem({ ...base, type: 'article', source: 'The Times', url: 'https://example.org/a' })).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'The Times',
      URL: 'https://example.org/a',
    });
    expect(
      toCslItem({ ...base, type: 'report', authors: [], organization: 'New Zealand Police', date: '2012' }),
    ).toMatchObject({
      type: 'report',
      author: [{ literal: 'New Zealand Police' }],
      issued: { 'date-parts': [[2012]] },
    });
    expect(toCslItem({ ...base, type: 'statement' }).type).toBe('speech');
    expect(toCslItem({ ...base, type: 'other' }).type).toBe('document');
    expect(parseName('Roe, Jane')).toEqual({ family: 'Roe', given: 'Jane' });
    expect(parseName('Ludwig van Beethoven')).toEqual({
      family: 'Beethoven',
      given: 'Ludwig',
      'non-dropping-particle': 'van',
    });
    expect(parseName('Jane Roe <jane@example.org>')).toEqual({ family: 'Roe', given: 'Jane' });
    expect(parseName('U.S. Department of Justice')).toEqual({ literal: 'U.S. Department of Justice' });
  });

  it('give pinpoint pages: p. for one page, pp. for a range, in each style', () => {
    const expected: Record<CitationStyleId, [RegExp, RegExp]> = {
      chicago: [
        /^Richard J\. Durbin to Nancy Nord, “Letter on Lead in Toys,” Letter, August 7, 2007, 2\.$/,
        /, August 7, 2007, 2–3\.$/,
      ],
      'chicago-short-notes': [
        /^Durbin to Nord, “Letter on Lead in Toys,” 2\.$/,
        /^Durbin to Nord, “Letter on Lead in Toys,” 2–3\.$/,
      ],
      'chicago-author-date': [/\(Durbin 2007, 2\)/, /\(Durbin 2007, 2–3\)/],
      apa: [/\(Durbin, 2007, p\. 2\)/, /\(Durbin, 2007, pp\. 2–3\)/],
      mla: [/\(Durbin 2\)/, /\(Durbin 2–3\)/],
      legal: [
        /^Letter from Richard J\. Durbin to Nancy Nord, Letter on lead in toys 2 \(Aug\. 7, 2007\)\.$/,
        /Letter on lead in toys 2–3 \(Aug\. 7, 2007\)\.$/,
      ],
    };
    for (const style of Object.keys(expected) as CitationStyleId[]) {
      const r = renderExport(
        model(
          style,
          [base],
          [
            [2, 2],
            [2, 3],
          ],
        ),
      );
      expect(r.items[0]?.citationText).toMatch(expected[style][0]);
      expect(r.items[1]?.citationText).toMatch(expected[style][1]);
      expect(r.items[1]?.pageText).toBe('pp. 2–3');
      expect(r.bibliography).toHaveLength(1);
      expect(r.noteStyle).toBe(['chicago', 'chicago-short-notes', 'legal'].includes(style));
    }
  });

  it('cite in Chicago notes and bibliography: a full note for each document type, and its bibliography entry', () => {
    const docs: DocumentRecord[] = [
      base,
      {
        ...base,
        id: 2,
        type: 'memo',
        title: 'Review of the recall',
        authors: ['Jane Roe'],
        recipients: ['John Doe'],
        source: 'U.S. Department of Justice',
        date: '2019-03-04',
      },
      {
        ...base,
        id: 3,
        type: 'article',
        title: 'Toys recalled over lead paint',
        authors: ['Louise Story'],
        recipients: [],
        source: 'The New York Times',
        date: '2007-08-02',
      },
      {
        ...base,
        id: 4,
        type: 'email',
        title: 'Re: budget',
        authors: ['Alan Smith <alan@example.org>'],
        recipients: ['Beth Jones'],
        date: '2020-11-13',
      },
      {
        ...base,
        id: 5,
        type: 'report',
        title: 'Fleeing driver policy',
        authors: [],
        recipients: [],
        organization: 'New Zealand Police',
        date: '2012',
      },
    ];
    const r = renderExport(model('chicago', docs));
    expect(r.bibliographyHeading).toBe('Bibliography');
    expect(r.items.map((item) => item.citationText)).toEqual([
      'Richard J. Durbin to Nancy Nord, “Letter on Lead in Toys,” Letter, August 7, 2007, 2.',
      'Jane Roe to John Doe, “Review of the Recall,” Memorandum (U.S. Department of Justice, March 4, 2019), 2.',
      'Louise Story, “Toys Recalled over Lead Paint,” The New York Times, August 2, 2007, 2.',
      'Alan Smith to Beth Jones, “Re: Budget,” Email, November 13, 2020, 2.',
      'New Zealand Police, “Fleeing Driver Policy,” 2012, 2.',
    ]);
    // The bibliography in Chicago's order (by author), each entry inverted and dated; a letter
    // or memo names its kind before its recipient (CMOS 14.111: "Roe, Jane. Memorandum to John Doe").
    expect(r.bibliography.map((b) => plain(b.entry))).toEqual([
      'Durbin, Richard J. Letter to Nancy Nord. “Letter on Lead in Toys.” Letter, August 7, 2007.',
      'New Zealand Police. “Fleeing Driver Policy,” 2012.',
      'Roe, Jane. Memorandum to John Doe. “Review of the Recall.” Memorandum. U.S. Department of Justice, March 4, 2019.',
      'Smith, Alan. Email to Beth Jones. “Re: Budget.” Email, November 13, 2020.',
      'Story, Louise. “Toys Recalled over Lead Paint.” The New York Times, August 2, 2007.',
    ]);
    expect(r.bibliography.map((b) => b.documentId)).toEqual([1, 5, 2, 4, 3]);
    expect(r.items[0]?.referenceText).toBe(
      'Durbin, Richard J. Letter to Nancy Nord. “Letter on Lead in Toys.” Letter, August 7, 2007.',
    );
    // The newspaper's title is italic in the note, as Chicago sets it.
    expect(r.items[2]?.citation.find((span) => span.text.includes('New York Times'))?.italic).toBe(true);
  });

  it('cite what a PDF prints on its pages: its labels, or the offset the user set', () => {
    const labelled = { ...base, pageLabels: ['i', 'ii', '1', '2', '3'] };
    expect(pageLabel(labelled, 2)).toBe('ii');
    expect(pageRangeLabel(labelled, 2, 3)).toBe('ii–1');
    expect(pageRangeLabel({ ...labelled, pageLabelOffset: 26 }, 1, 1)).toBe('27');
    expect(renderExport(model('apa', [labelled], [[4, 4]])).items[0]?.citationText).toContain('p. 2');
  });

  it('cite a document without date or author with the style fallback, and warn', () => {
    const bare = {
      ...base,
      id: 2,
      authors: [],
      recipients: [],
      date: null,
      type: 'report' as const,
      title: 'Untitled scan',
    };
    const r = renderExport(model('apa', [bare]));
    expect(r.items[0]?.citationText).toBe('(Untitled Scan, n.d., p. 2)');
    expect(r.warnings).toEqual([
      'document 2 ("Untitled scan"): no date (cited as "n.d.")',
      'document 2 ("Untitled scan"): no author (cited by its title)',
    ]);
    expect(renderExport(model('legal', [bare])).items[0]?.citationText).toBe('Untitled scan 2 (n.d.).');
    const chicago = renderExport(model('chicago', [bare]));
    expect(chicago.items[0]?.citationText).toBe('“Untitled Scan,” n.d., 2.');
    expect(chicago.items[0]?.referenceText).toBe('“Untitled Scan,” n.d.');
    expect(chicago.warnings).toEqual(r.warnings);
  });
});

describe('selectors', () => {
  it('find a passage across a page break and give back its exact text, prefix and suffix', () => {
    const pages = ['First page ends here', 'Second page starts here'];
    const joined = joinPages(pages);
    const sel = findSelectors(pages, 'ends here\nSecond');
    expect(sel).toMatchObject({
      page: 1,
      pageEnd: 2,
      start: 11,
      end: 6,
      prefix: 'First page ',
      suffix: ' page starts here',
    });
    expect(textAt(joined, { page: 1, pageEnd: 2, start: 11, end: 6 })?.text).toBe('ends here\nSecond');
    expect(selectorOf(joined, 0, 21)).toEqual({ page: 1, pageEnd: 2, start: 0, end: 0 });
    expect(textAt(joined, { page: 3, pageEnd: 3, start: 0, end: 1 })).toBeNull();
  });

  it('place a claimed quote at its offsets, on its pages when offsets shifted, and never anywhere else', () => {
    const joined = joinPages(['Intro. The chief said no.', 'Later: the chief said no. End.']);
    const claim = {
      page: 1,
      pageEnd: 1,
      start: 7,
      end: 25,
      exact: 'The chief said no.',
      prefix: 'Intro. ',
      suffix: '\nLater: the ',
    };
    expect(placeClaim(joined, claim)).toMatchObject({ kind: 'at-place', prefixHolds: true, suffixHolds: true });
    expect(placeClaim(joined, { ...claim, prefix: 'Outro. ' })).toMatchObject({ kind: 'at-place', prefixHolds: false });
    // Offsets shifted by an extraction that found a running head: found with its context on page 1.
    const shifted = joinPages(['Page 1. Intro. The chief said no.', 'Later: the chief said no. End.']);
    expect(placeClaim(shifted, claim)).toEqual({
      kind: 'on-its-pages',
      selector: { page: 1, pageEnd: 1, start: 15, end: 33 },
    });
    // The same words on another page are not its place.
    expect(placeClaim(joined, { ...claim, page: 2, pageEnd: 2, start: 0, end: 18 })).toEqual({ kind: 'absent' });
    expect(placeClaim(joined, { ...claim, page: 3, pageEnd: 3 })).toEqual({ kind: 'out-of-range' });
  });
});

describe('safe writing', () => {
  it('never overwrites without force, replaces with force, and leaves nothing when writing fails', async () => {
    const dir = tempDir();
    const path = join(dir, 'out.md');
    writeFileSync(path, 'precious');
    await expect(writeFileSafely(path, 'new')).rejects.toThrow(/already exists; pass --force/);
    expect(readFileSync(path, 'utf8')).toBe('precious');
    await writeFileSafely(path, 'new', { force: true });
    expect(readFileSync(path, 'utf8')).toBe('new');
    const fresh = join(dir, 'fresh.md');
    await expect(
      writeAtomically(fresh, {}, async (temp) => {
        writeFileSync(temp, 'half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow(/could not be written \(disk full\)/);
    expect(existsSync(fresh)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['out.md']);
    await expect(writeFileSafely(join(dir, 'missing', 'x.md'), 'x')).rejects.toThrow(/does not exist/);
    await expect(writeFileSafely(dir, 'x', { force: true })).rejects.toThrow(/is a folder/);
  });
});
