/**
 * The quotes repository: saving a passage (found by its text or given by its place),
 * reading, listing, editing, deleting and restoring quotes. Each change is one
 * transaction with its custody entry; a deleted quote is kept (deleted_at) so it can
 * be restored, and its custody entry holds its full content.
 */
import { pageRangeLabel } from '../../../shared/page-label.js';
import { cleanMultilineText } from '../clean-text.js';
import type { AnchorStatus, QuoteRecord, QuoteSelector } from '../../../shared/quote.js';
import type { Archive } from '../archive.js';
import { recordHistory } from '../custody.js';
import type { Db, Trx } from '../db/repos/db.js';
import { findDocumentRow, pageLabellingOf, type DocumentRow } from '../db/repos/documents.js';
import {
  findQuoteRow,
  insertQuoteRow,
  listQuoteRows,
  placeToChanges,
  quoteToRow,
  rowToQuote,
  updateQuoteRow,
  type QuoteChanges,
  type QuoteRow,
} from '../db/repos/quotes.js';
import { ArchiveError } from '../errors.js';
import { ftsQuery } from '../search/query.js';
import { setQuoteTagsInTransaction, tagIdsWithin, tagsOfQuotes } from '../tags/tags.js';
import { locatePassage } from './anchor.js';
import { AmbiguousPassageError } from './errors.js';
import { foldNeedle } from './normalize.js';
import { loadPages } from './pages.js';
import { textAt, type JoinedPages } from './selectors.js';

/** Longest note kept, in characters. */
export const MAX_NOTE = 100_000;

/** Which passage: its text (found in the document), or its place (a selection on screen). */
export interface PassageChoice {
  /** The passage as typed or pasted; found tolerating line breaks, hyphenation, quote styles. */
  text?: string;
  /** With `text`: only places starting on this physical page. */
  page?: number;
  /** With `text`: the n-th place (1-based) when it stands in several. */
  occurrence?: number;
  /** The exact place; `text`, when also given, must be what stands there. */
  selector?: QuoteSelector;
}

export interface NewQuote extends PassageChoice {
  documentId: number;
  note?: string | null;
  tags?: readonly string[];
}

export interface QuotePatch extends PassageChoice {
  note?: string | null;
  /** Replaces the quote's tags. */
  tags?: readonly string[];
}

interface Anchored {
  selector: QuoteSelector;
  text: string;
  prefix: string;
  suffix: string;
}

/** A note as stored: line ends unified, control characters dropped, trimmed; null when empty. */
export function cleanNote(note: string | null | undefined): string | null {
  if (note === undefined || note === null) return null;
  const clean = cleanMultilineText(note);
  if (clean.length > MAX_NOTE) throw new ArchiveError('invalid-input', `note: longer than ${MAX_NOTE} characters`);
  return clean === '' ? null : clean;
}

function short(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

/** Finds the passage a choice names in the document's pages; throws a sentence saying why not. */
export function anchorChoice(documentId: number, joined: JoinedPages, choice: PassageChoice): Anchored {
  if (choice.selector) {
    const s = choice.selector;
    const at = textAt(joined, s);
    if (!at) {
      throw new ArchiveError(
        'invalid-input',
        `selector: pages ${s.page}–${s.pageEnd}, offsets ${s.start}–${s.end} do not fit document ${documentId} (${joined.pages.length} page(s))`,
      );
    }
    if (at.text.trim() === '')
      throw new ArchiveError('invalid-input', 'selector: the selection holds only white space');
    if (choice.text !== undefined && foldNeedle(choice.text) !== foldNeedle(at.text)) {
      throw new ArchiveError(
        'invalid-input',
        `text: "${short(choice.text)}" is not what stands at the selection ("${short(at.text)}")`,
      );
    }
    return { selector: { page: s.page, pageEnd: s.pageEnd, start: s.start, end: s.end }, ...at };
  }
  const text = choice.text ?? '';
  if (foldNeedle(text) === '') throw new ArchiveError('invalid-input', 'text: the passage to quote is empty');
  if (
    choice.page !== undefined &&
    (!Number.isInteger(choice.page) || choice.page < 1 || choice.page > joined.pages.length)
  ) {
    throw new ArchiveError(
      'invalid-input',
      `page ${choice.page}: document ${documentId} has ${joined.pages.length} page(s)`,
    );
  }
  if (choice.occurrence !== undefined && (!Number.isInteger(choice.occurrence) || choice.occurrence < 1)) {
    throw new ArchiveError('invalid-input', `occurrence: "${choice.occurrence}" is not a positive whole number`);
  }
  const result = locatePassage(joined, text, {
    ...(choice.page !== undefined ? { page: choice.page } : {}),
    ...(choice.occurrence !== undefined ? { occurrence: choice.occurrence } : {}),
  });
  switch (result.kind) {
    case 'found': {
      const { from: _from, to: _to, ...selector } = result.match;
      return { selector, text: result.text, prefix: result.prefix, suffix: result.suffix };
    }
    case 'not-found':
      throw new ArchiveError(
        'not-found',
        `document ${documentId}: the passage "${short(text)}" is not in its text${choice.page !== undefined ? ` on page ${choice.page}` : ''}`,
      );
    case 'no-such-occurrence':
      throw new ArchiveError(
        'invalid-input',
        `occurrence ${choice.occurrence}: the passage appears only ${result.count} time(s)`,
      );
    case 'ambiguous':
      throw new AmbiguousPassageError(documentId, result.places);
  }
}

async function liveDocument(db: Db, documentId: number): Promise<DocumentRow> {
  const doc = await findDocumentRow(db, documentId);
  if (!doc) throw new ArchiveError('not-found', `document ${documentId}: no such document`);
  if (doc.deleted_at !== null)
    throw new ArchiveError('conflict', `document ${documentId}: in the trash; restore it first`);
  return doc;
}

/** Rows to records, with their tags and page labels. */
export async function toRecords(db: Db, rows: readonly QuoteRow[]): Promise<QuoteRecord[]> {
  const tags = await tagsOfQuotes(
    db,
    rows.map((r) => r.id),
  );
  const labels = await pageLabellingOf(db, [...new Set(rows.map((r) => r.document_id))]);
  return rows.map((r) =>
    rowToQuote(
      r,
      tags.get(r.id) ?? [],
      pageRangeLabel(labels.get(r.document_id) ?? { pageLabels: null, pageLabelOffset: 0 }, r.page, r.page_end),
    ),
  );
}

async function quoteRow(db: Db, id: number): Promise<QuoteRow> {
  const row = await findQuoteRow(db, id);
  if (!row) throw new ArchiveError('not-found', `quote ${id}: no such quote`);
  return row;
}

/** A quote (deleted ones too: see deletedAt); throws not-found. */
export async function getQuote(db: Db, id: number): Promise<QuoteRecord> {
  const [record] = await toRecords(db, [await quoteRow(db, id)]);
  if (!record) throw new ArchiveError('not-found', `quote ${id}: no such quote`);
  return record;
}

/** The content a custody entry keeps of a quote: enough to restore it whole. */
function snapshot(q: QuoteRecord): Record<string, unknown> {
  return {
    page: q.page,
    pageEnd: q.pageEnd,
    start: q.start,
    end: q.end,
    text: q.text,
    prefix: q.prefix,
    suffix: q.suffix,
    note: q.note,
    tags: q.tags,
    status: q.status,
  };
}

/** A place found for a quote, ready to store. */
export interface PlacedQuote {
  selector: QuoteSelector;
  text: string;
  prefix: string;
  suffix: string;
  /** 'orphaned' for a quote stored where it was said to be though its text is not there. */
  status?: AnchorStatus;
}

/**
 * Inserts a quote at a place already found, with its tags and its custody entry, in the
 * caller's transaction; `historyDetails` are added to the entry (e.g. the bundle it came in).
 */
export async function insertQuoteInTransaction(
  trx: Trx,
  documentId: number,
  placed: PlacedQuote,
  extra: { note?: string | null; tags?: readonly string[]; historyDetails?: Record<string, unknown> } = {},
): Promise<QuoteRecord> {
  const note = cleanNote(extra.note);
  const now = new Date().toISOString();
  const id = await insertQuoteRow(trx, quoteToRow(documentId, { ...placed, note, status: placed.status ?? 'ok' }, now));
  if (extra.tags?.length) await setQuoteTagsInTransaction(trx, id, extra.tags);
  const record = await getQuote(trx, id);
  await recordHistory(trx, {
    action: 'quote-create',
    documentId,
    subject: `quote:${id}`,
    details: { ...snapshot(record), ...extra.historyDetails },
  });
  return record;
}

/** Saves a passage of a document as a quote. */
export async function createQuote(archive: Archive, input: NewQuote): Promise<QuoteRecord> {
  const note = cleanNote(input.note);
  return archive.db.transaction().execute(async (trx) => {
    await liveDocument(trx, input.documentId);
    const anchored = anchorChoice(input.documentId, await loadPages(trx, input.documentId), input);
    return insertQuoteInTransaction(trx, input.documentId, anchored, {
      note,
      ...(input.tags ? { tags: input.tags } : {}),
    });
  });
}

/** Changes a quote's note, tags or passage. */
export async function updateQuote(archive: Archive, id: number, patch: QuotePatch): Promise<QuoteRecord> {
  const note = patch.note === undefined ? undefined : cleanNote(patch.note);
  return archive.db.transaction().execute(async (trx) => {
    const before = await getQuote(trx, id);
    if (before.deletedAt !== null) throw new ArchiveError('conflict', `quote ${id}: deleted; restore it first`);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const set: QuoteChanges = {};
    if (patch.text !== undefined || patch.selector !== undefined) {
      await liveDocument(trx, before.documentId);
      const anchored = anchorChoice(before.documentId, await loadPages(trx, before.documentId), patch);
      const s = anchored.selector;
      if (
        s.page !== before.page ||
        s.pageEnd !== before.pageEnd ||
        s.start !== before.start ||
        s.end !== before.end ||
        before.status !== 'ok'
      ) {
        Object.assign(set, placeToChanges(s, anchored));
        changes['passage'] = {
          from: { page: before.page, pageEnd: before.pageEnd, start: before.start, end: before.end, text: before.text },
          to: { ...s, text: anchored.text },
        };
      }
    }
    if (note !== undefined && note !== before.note) {
      set.note = note;
      changes['note'] = { from: before.note, to: note };
    }
    if (patch.tags !== undefined) {
      const { added, removed } = await setQuoteTagsInTransaction(trx, id, patch.tags);
      if (added.length || removed.length) changes['tags'] = { from: before.tags, to: (await getQuote(trx, id)).tags };
    }
    if (Object.keys(changes).length === 0) return before;
    await updateQuoteRow(trx, id, { ...set, updated_at: new Date().toISOString() });
    await recordHistory(trx, {
      action: 'quote-edit',
      documentId: before.documentId,
      subject: `quote:${id}`,
      details: { changes },
    });
    return getQuote(trx, id);
  });
}

/** Deletes a quote; it is kept aside (and in its custody entry) so restoreQuote can undo it. */
export async function deleteQuote(archive: Archive, id: number): Promise<QuoteRecord> {
  return archive.db.transaction().execute(async (trx) => {
    const quote = await getQuote(trx, id);
    if (quote.deletedAt !== null) throw new ArchiveError('conflict', `quote ${id}: already deleted`);
    const now = new Date().toISOString();
    await updateQuoteRow(trx, id, { deleted_at: now });
    await recordHistory(trx, {
      action: 'quote-delete',
      documentId: quote.documentId,
      subject: `quote:${id}`,
      details: snapshot(quote),
    });
    return { ...quote, deletedAt: now };
  });
}

/** Brings a deleted quote back, as it was. */
export async function restoreQuote(archive: Archive, id: number): Promise<QuoteRecord> {
  return archive.db.transaction().execute(async (trx) => {
    const quote = await getQuote(trx, id);
    if (quote.deletedAt === null) throw new ArchiveError('conflict', `quote ${id}: not deleted`);
    await updateQuoteRow(trx, id, { deleted_at: null });
    await recordHistory(trx, {
      action: 'quote-restore',
      documentId: quote.documentId,
      subject: `quote:${id}`,
      details: { text: quote.text },
    });
    return getQuote(trx, id);
  });
}

export interface QuoteListOptions {
  documentId?: number;
  /** Every tag must apply; a parent tag selects quotes carrying its children. */
  tags?: readonly string[];
  /** Also count the tags of the quote's document. */
  includeDocumentTags?: boolean;
  status?: AnchorStatus;
  /** List the deleted quotes instead. */
  deleted?: boolean;
  /** Only these quotes (listed oldest first all the same). */
  ids?: readonly number[];
  /** Only quotes whose text or note matches this search (the syntax of `search`). */
  query?: string;
  /** With `query`: match word stems. */
  stem?: boolean;
  limit?: number;
  offset?: number;
}

/** Quotes of live documents, oldest first, filtered by document, tags and status. */
export async function listQuotes(db: Db, options: QuoteListOptions = {}): Promise<QuoteRecord[]> {
  const tagIdSets: number[][] = [];
  for (const tag of options.tags ?? []) tagIdSets.push(await tagIdsWithin(db, tag));
  const { tags: _tags, query: _query, stem: _stem, ...filter } = options;
  const rows = await listQuoteRows(db, {
    ...filter,
    tagIdSets,
    ...(options.query !== undefined ? { match: { query: ftsQuery(options.query), stem: options.stem ?? false } } : {}),
  });
  return toRecords(db, rows);
}
