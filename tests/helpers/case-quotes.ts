/**
 * The sample case in a temp archive with quotes saved the way an investigator saves
 * them: by their text (one crossing the memo's page break, by its selection), with tags
 * (nested), notes (typographic characters included) and a document tag; one quote
 * deleted. What exports and bundle round trips start from.
 */
import {
  addTags,
  createQuote,
  deleteQuote,
  getPages,
  listDocuments,
  updateMetadata,
  type Archive,
} from '../../src/main/archive/index.js';
import { importSampleCase } from '../../src/main/archive/sample.js';
import type { DocumentRecord } from '../../src/shared/document.js';
import type { QuoteRecord } from '../../src/shared/quote.js';
import { tempArchive } from './archive.js';

export interface CaseArchive {
  archive: Archive & { dir: string };
  docs: Record<'memo' | 'ledger' | 'letter' | 'statement' | 'factSheet' | 'review', DocumentRecord>;
  /** The live quotes, in the order they were saved. */
  quotes: QuoteRecord[];
  /** A quote saved then deleted. */
  deleted: QuoteRecord;
}

const FILES = {
  memo: '2020-11-13-port-alder-police-memo.pdf',
  ledger: '2020-11-16-port-alder-ledger.html',
  letter: '2020-11-20-senator-vance-letter.docx',
  statement: '2020-11-23-visage-index-statement.eml',
  factSheet: 'visage-index-fact-sheet.txt',
  review: '2020-11-25-coastline-civic-review.pdf',
} as const;

/** `into`: an archive to fill (one that outlives a test); a fresh temp archive by default. */
export async function caseArchive(into?: Archive & { dir: string }): Promise<CaseArchive> {
  const archive = into ?? (await tempArchive());
  await importSampleCase(archive);
  const all = await listDocuments(archive.db);
  const find = (fileName: string): DocumentRecord => {
    const doc = all.find((d) => d.fileName === fileName);
    if (!doc) throw new Error(`sample case: ${fileName} missing`);
    return doc;
  };
  const docs = Object.fromEntries(Object.entries(FILES).map(([key, file]) => [key, find(file)])) as CaseArchive['docs'];
  // The memo is printed from page 27 on: pinpoints and the bundle carry the offset.
  docs.memo = await updateMetadata(archive, docs.memo.id, { pageLabelOffset: 26 });
  await addTags(archive, ['source/police'], { documentIds: [docs.memo.id] });

  const memoPages = (await getPages(archive.db, docs.memo.id)).map((p) => p.text);
  const first = memoPages[0] ?? '';
  const quotes: QuoteRecord[] = [];
  quotes.push(
    await createQuote(archive, {
      documentId: docs.memo.id,
      selector: { page: 1, pageEnd: 2, start: first.length - 40, end: 30 },
      note: 'Crosses the page break — “exactly”.',
      tags: ['policy/ban'],
    }),
  );
  quotes.push(await createQuote(archive, { documentId: docs.memo.id, text: 'Directive 20-114', tags: ['policy'] }));
  quotes.push(
    await createQuote(archive, {
      documentId: docs.statement.id,
      text: 'has not evaluated the accuracy, data security or legal basis',
      note: 'The vendor quotes the memo back.',
      tags: ['vendor'],
    }),
  );
  quotes.push(
    await createQuote(archive, {
      documentId: docs.factSheet.id,
      text: 'a lead that must be confirmed by independent investigation',
      note: 'Café naïve <b>not bold</b> & “curly”',
      tags: ['vendor/claims'],
    }),
  );
  quotes.push(await createQuote(archive, { documentId: docs.letter.id, text: 'Office of Senator Eleanor M. Vance' }));
  quotes.push(
    await createQuote(archive, {
      documentId: docs.ledger.id,
      text: 'no officer may submit images to any commercial facial-recognition service',
      tags: ['policy/ban', 'press'],
    }),
  );
  const deleted = await createQuote(archive, {
    documentId: docs.review.id,
    text: 'It began with a burglary file that did not add up.',
    tags: ['press'],
  });
  await deleteQuote(archive, deleted.id);
  return { archive, docs, quotes, deleted };
}
