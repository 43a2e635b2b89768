/**
 * Gathering an export model from the archive: the quotes a selection names, each with
 * its document, in a reading order, plus what the reader of the export should know
 * about quotes left out.
 *
 * What each selection takes:
 * - a tag: live quotes carrying the tag or one of its children, or whose document does
 *   (as search's tag filter counts them);
 * - a search: live quotes whose own text or note matches the query (the search syntax;
 *   what `exhibit quote list --search` lists), not every quote of a matching document;
 * - quote ids: exactly those, in the order given; an unknown, deleted or orphaned one,
 *   or one whose document is in the trash, is refused by id;
 * - a collection: its quotes in its order, with its title and introduction;
 * - all: every live quote.
 * Tag, search and all are ordered by document date (undated last), then document, then
 * place in the document. Outside explicit ids, an orphaned quote (its place lost after a
 * text change) or, in a collection, a deleted quote or one whose document is in the
 * trash, is left out with a warning naming it: its citation could not be trusted.
 */
import type { DocumentRecord } from '../../../shared/document.js';
import type { QuoteRecord } from '../../../shared/quote.js';
import { getCollection } from '../collections/collections.js';
import type { Db } from '../db/repos/db.js';
import { findDocumentsByIds } from '../db/repos/documents.js';
import { listPageTextsUpTo } from '../db/repos/pages.js';
import { findQuoteRows } from '../db/repos/quotes.js';
import { ArchiveError } from '../errors.js';
import { listQuotes, toRecords } from '../quotes/quotes.js';
import { globalRange, joinPages } from '../quotes/selectors.js';
import { exportQuoteOf, type CitationStyleId, type ExportItem, type ExportModel } from './model.js';

/** Which quotes to export. */
export type ExportSelection =
  | { kind: 'tag'; tag: string }
  | { kind: 'search'; query: string }
  | { kind: 'quotes'; ids: readonly number[] }
  | { kind: 'collection'; name: string }
  | { kind: 'all' };

export interface GatherOptions {
  style: CitationStyleId;
  /** Overrides the title (a collection's own, or one made from the selection). */
  title?: string;
  /** Overrides the introduction (a collection's own, or none). */
  introduction?: string | null;
}

export interface Gathered {
  model: ExportModel;
  /** Quotes left out, one sentence each. */
  warnings: string[];
}

/** The selection in a few words, for titles and the custody history. */
export function describeSelection(selection: ExportSelection): string {
  switch (selection.kind) {
    case 'tag':
      return `tag:${selection.tag}`;
    case 'search':
      return `search:${selection.query}`;
    case 'quotes':
      return `quotes:${selection.ids.join(',')}`;
    case 'collection':
      return `collection:${selection.name}`;
    case 'all':
      return 'all';
  }
}

function plural(ids: readonly number[]): string {
  return `${ids.length === 1 ? 'quote' : 'quotes'} ${ids.join(', ')}`;
}

/** Quotes by id, as given; refuses unknown, deleted, orphaned and trashed ones, naming each. */
async function explicitQuotes(db: Db, ids: readonly number[]): Promise<QuoteRecord[]> {
  if (ids.length === 0) throw new ArchiveError('invalid-input', 'quotes: give at least one quote id');
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length) throw new ArchiveError('invalid-input', `quote ${repeated[0]}: given twice`);
  const rows = await findQuoteRows(db, ids);
  const byId = new Map((await toRecords(db, rows)).map((q) => [q.id, q]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length) throw new ArchiveError('not-found', `${plural(unknown)}: no such quote`);
  const quotes = ids.map((id) => byId.get(id) as QuoteRecord);
  const deleted = quotes.filter((q) => q.deletedAt !== null).map((q) => q.id);
  if (deleted.length)
    throw new ArchiveError('conflict', `${plural(deleted)}: deleted; restore first (exhibit quote restore)`);
  const docs = await findDocumentsByIds(
    db,
    quotes.map((q) => q.documentId),
  );
  const trashed = quotes.filter((q) => docs.get(q.documentId)?.deletedAt).map((q) => q.id);
  if (trashed.length)
    throw new ArchiveError('conflict', `${plural(trashed)}: the document is in the trash; restore it first`);
  const orphaned = quotes.filter((q) => q.status === 'orphaned').map((q) => q.id);
  if (orphaned.length) {
    throw new ArchiveError(
      'conflict',
      `${plural(orphaned)}: orphaned (the place was lost when the text changed); place again with exhibit quote edit --text`,
    );
  }
  return quotes;
}

/** Chronological by document date (undated last), then document, then place. */
function readingOrder(quotes: QuoteRecord[], docs: ReadonlyMap<number, DocumentRecord>): QuoteRecord[] {
  return [...quotes].sort((a, b) => {
    const da = docs.get(a.documentId)?.date ?? null;
    const db = docs.get(b.documentId)?.date ?? null;
    if (da !== db) return da === null ? 1 : db === null ? -1 : da < db ? -1 : 1;
    return a.documentId - b.documentId || a.page - b.page || a.start - b.start || a.id - b.id;
  });
}

export function leaveOutOrphans(quotes: QuoteRecord[], warnings: string[]): QuoteRecord[] {
  const orphaned = quotes.filter((q) => q.status === 'orphaned').map((q) => q.id);
  if (orphaned.length) {
    warnings.push(
      `${plural(orphaned)} left out: orphaned (the place was lost when the text changed); place again with exhibit quote edit --text`,
    );
  }
  return quotes.filter((q) => q.status !== 'orphaned');
}

/** Offsets into the whole text (pages joined), for the Web Annotation TextPositionSelector. */
export async function positions(
  db: Db,
  quotes: readonly QuoteRecord[],
): Promise<Map<number, { start: number; end: number } | null>> {
  const lastPage = new Map<number, number>();
  for (const q of quotes) lastPage.set(q.documentId, Math.max(lastPage.get(q.documentId) ?? 0, q.pageEnd));
  const result = new Map<number, { start: number; end: number } | null>();
  for (const [documentId, last] of lastPage) {
    const joined = joinPages(await listPageTextsUpTo(db, documentId, last));
    for (const q of quotes) if (q.documentId === documentId) result.set(q.id, globalRange(joined, q));
  }
  return result;
}

/** The export model for a selection; throws when it names nothing to export. */
export async function gatherExport(db: Db, selection: ExportSelection, options: GatherOptions): Promise<Gathered> {
  const warnings: string[] = [];
  let quotes: QuoteRecord[];
  let title: string;
  let introduction: string | null = null;
  let empty: string;
  switch (selection.kind) {
    case 'tag':
      quotes = leaveOutOrphans(await listQuotes(db, { tags: [selection.tag], includeDocumentTags: true }), warnings);
      title = `Quotes tagged “${selection.tag}”`;
      empty = `tag "${selection.tag}": no quote carries it (nor its children), and no quote's document does`;
      break;
    case 'search':
      quotes = leaveOutOrphans(await listQuotes(db, { query: selection.query }), warnings);
      title = `Quotes matching “${selection.query}”`;
      empty = `search "${selection.query}": no quote's text or note matches`;
      break;
    case 'quotes':
      quotes = await explicitQuotes(db, selection.ids);
      title = 'Quotes';
      empty = 'quotes: none given';
      break;
    case 'collection': {
      const collection = await getCollection(db, selection.name);
      title = collection.title;
      introduction = collection.introduction;
      const left = (items: typeof collection.items, why: string) => {
        if (items.length)
          warnings.push(`${plural(items.map((i) => i.quote.id))} of collection "${collection.name}" left out: ${why}`);
      };
      left(
        collection.items.filter((i) => i.quote.deletedAt !== null),
        'deleted (exhibit quote restore brings a quote back in its place)',
      );
      left(
        collection.items.filter((i) => i.quote.deletedAt === null && i.documentTrashed),
        'the document is in the trash',
      );
      const live = collection.items.filter((i) => i.quote.deletedAt === null && !i.documentTrashed).map((i) => i.quote);
      quotes = leaveOutOrphans(live, warnings);
      empty = `collection "${collection.name}": holds no quote to export${collection.items.length ? ' (see the warnings)' : ''}`;
      break;
    }
    case 'all':
      quotes = leaveOutOrphans(await listQuotes(db, {}), warnings);
      title = 'Quotes';
      empty = 'the archive holds no quotes yet';
      break;
  }
  if (quotes.length === 0) {
    throw new ArchiveError('not-found', warnings.length ? `${empty}: ${warnings.join('; ')}` : empty);
  }
  const docs = await findDocumentsByIds(db, [...new Set(quotes.map((q) => q.documentId))]);
  if (selection.kind === 'tag' || selection.kind === 'search' || selection.kind === 'all')
    quotes = readingOrder(quotes, docs);
  const places = await positions(db, quotes);
  const items: ExportItem[] = quotes.map((q) => ({
    document: docs.get(q.documentId) as DocumentRecord,
    quote: exportQuoteOf(q, places.get(q.id) ?? null),
  }));
  return {
    model: {
      title: options.title?.trim() || title,
      introduction: options.introduction !== undefined ? options.introduction : introduction,
      style: options.style,
      items,
    },
    warnings,
  };
}
