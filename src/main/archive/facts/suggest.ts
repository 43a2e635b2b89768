/**
 * Suggested facts: sentences of the archive that carry a date, each offered with the
 * quote it would make (document, page, offsets, the sentence) and the date read from it.
 * Dates are read from the text itself (infer/read-date.ts, chrono-node), so suggestions
 * need no stored inferences. Nothing is invented: accepting one saves that sentence as a
 * quote and the fact citing it, in one transaction.
 */
import type { FactRecord, FactStatus, FactSuggestion } from '../../../shared/fact.js';
import type { Archive } from '../archive.js';
import type { Db } from '../db/repos/db.js';
import { findDocumentRow, listDocuments } from '../db/repos/documents.js';
import { citedPlacesOf } from '../db/repos/facts.js';
import { listPageTextsOf } from '../db/repos/pages.js';
import { ArchiveError } from '../errors.js';
import { datesIn } from '../infer/read-date.js';
import { insertQuoteInTransaction } from '../quotes/quotes.js';
import { loadPages } from '../quotes/pages.js';
import { textAt } from '../quotes/selectors.js';
import { insertFactInTransaction } from './facts.js';
import { sentencesOf } from './sentences.js';

/** A sentence this long or longer is a run of text (a table, a list) more than a sentence. */
const MAX_SENTENCE = 400;
/** Words a sentence needs beside its date to say something ("DATE: November 13, 2020" says nothing). */
const MIN_WORDS = 5;

const wordCount = (text: string): number => (text.match(/\p{L}[\p{L}'’-]*/gu) ?? []).length;

/**
 * Whether a sentence reads as prose, not page furniture: mostly letters (a table row, a
 * print line "VerDate 11-MAY-2000 13:57 … Jkt 074464" is not), no dot leaders of a table of
 * contents, not a header line ("Received: from …", "DATE: …").
 */
export function isProse(sentence: string): boolean {
  const visible = sentence.replace(/\s+/g, '');
  const letters = (visible.match(/\p{L}/gu) ?? []).length;
  if (letters < visible.length * 0.7) return false;
  if (/(?:\. ?){4,}/.test(sentence)) return false;
  return !/^[A-Z][A-Za-z-]{1,30}:\s/.test(sentence);
}

/** The dated sentences of one document, page by page, less the ones a live fact already cites. */
async function suggestionsOf(db: Db, documentId: number, title: string): Promise<FactSuggestion[]> {
  const pages = await listPageTextsOf(db, documentId);
  const cited = await citedPlacesOf(db, documentId);
  const out: FactSuggestion[] = [];
  pages.forEach((pageText, i) => {
    const page = i + 1;
    for (const sentence of sentencesOf(pageText)) {
      if (sentence.text.length > MAX_SENTENCE || !isProse(sentence.text)) continue;
      const [date] = datesIn(sentence.text);
      if (!date) continue;
      const rest = sentence.text.slice(0, date.index) + sentence.text.slice(date.index + date.length);
      if (wordCount(rest) < MIN_WORDS) continue;
      const taken = cited.some(
        (c) => c.page === page && c.page_end === page && c.start_offset < sentence.end && sentence.start < c.end_offset,
      );
      if (taken) continue;
      out.push({
        documentId,
        documentTitle: title,
        page,
        start: sentence.start,
        end: sentence.end,
        sentence: sentence.text,
        date: date.value,
        dateWords: sentence.text.slice(date.index, date.index + date.length),
      });
    }
  });
  return out;
}

/** Suggested facts from one document, or from every live document; in document, then page order. */
export async function suggestFacts(db: Db, options: { documentId?: number } = {}): Promise<FactSuggestion[]> {
  if (options.documentId !== undefined) {
    const doc = await findDocumentRow(db, options.documentId);
    if (!doc) throw new ArchiveError('not-found', `document ${options.documentId}: no such document`);
    return suggestionsOf(db, doc.id, doc.title);
  }
  const out: FactSuggestion[] = [];
  for (const doc of await listDocuments(db)) out.push(...(await suggestionsOf(db, doc.id, doc.title)));
  return out;
}

export interface AcceptSuggestion {
  documentId: number;
  page: number;
  start: number;
  end: number;
  /** The fact's date; the suggestion's by default. */
  date: string;
  /** The fact in the user's words; the sentence by default. */
  statement?: string;
  status?: FactStatus;
  tags?: readonly string[];
  note?: string | null;
}

/** Saves the suggested sentence as a quote and the fact citing it (supports), in one transaction. */
export async function acceptSuggestion(archive: Archive, input: AcceptSuggestion): Promise<FactRecord> {
  return archive.db.transaction().execute(async (trx) => {
    const doc = await findDocumentRow(trx, input.documentId);
    if (!doc) throw new ArchiveError('not-found', `document ${input.documentId}: no such document`);
    if (doc.deleted_at !== null)
      throw new ArchiveError('conflict', `document ${input.documentId}: in the trash; restore it first`);
    const selector = { page: input.page, pageEnd: input.page, start: input.start, end: input.end };
    const placed = textAt(await loadPages(trx, input.documentId), selector);
    if (!placed || placed.text.trim() === '')
      throw new ArchiveError(
        'invalid-input',
        `suggestion: page ${input.page}, offsets ${input.start}–${input.end} are not a passage of document ${input.documentId}`,
      );
    const quote = await insertQuoteInTransaction(trx, input.documentId, { selector, ...placed });
    return insertFactInTransaction(
      trx,
      {
        date: input.date,
        statement: input.statement ?? placed.text.replace(/\s+/g, ' '),
        ...(input.status ? { status: input.status } : {}),
        ...(input.tags ? { tags: input.tags } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
        quotes: [{ quoteId: quote.id, role: 'supports' }],
      },
      { fromSuggestion: { documentId: input.documentId, page: input.page, start: input.start, end: input.end } },
    );
  });
}
