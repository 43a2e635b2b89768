/**
 * The export model from what the archive holds: the quotes a source names (chosen ones
 * in the order given, a collection in its order, a tag with its children, or all), each with its document and its
 * place in the document's whole text. What the app's export and its preview start from.
 */
import type { Kysely } from 'kysely';
import type { QuoteRecord } from '../../../shared/quote.js';
import type { Archive } from '../archive.js';
import type { Database } from '../db/schema.js';
import { getCollectionById } from '../collections/whole.js';
import { getDocument, getPages } from '../documents.js';
import { ArchiveError } from '../errors.js';
import { listQuotes } from '../quotes/quotes.js';
import type { CitationStyleId, ExportItem, ExportModel } from './model.js';
import { globalRange, joinPages, type JoinedPages } from '../quotes/selectors.js';

/** What an export draws its quotes from. */
export type ExportSource =
  | { kind: 'quotes'; quoteIds: readonly number[] }
  | { kind: 'tag'; tag: string }
  | { kind: 'collection'; id: number }
  | { kind: 'all' };

async function inOrder(db: Kysely<Database>, ids: readonly number[]): Promise<QuoteRecord[]> {
  const found = await listQuotes(db, { ids });
  const byId = new Map(found.map((q) => [q.id, q]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw new ArchiveError('not-found', `quote ${missing.join(', ')}: no such quote`);
  return ids.map((id) => byId.get(id) as QuoteRecord);
}

async function quotesOf(db: Kysely<Database>, source: ExportSource): Promise<QuoteRecord[]> {
  switch (source.kind) {
    case 'quotes':
      return inOrder(db, source.quoteIds);
    case 'collection':
      return inOrder(db, (await getCollectionById(db, source.id)).quoteIds);
    case 'tag':
      return listQuotes(db, { tags: [source.tag] });
    case 'all':
      return listQuotes(db);
  }
}

export function titleOf(source: Exclude<ExportSource, { kind: 'collection' }>): string {
  switch (source.kind) {
    case 'tag':
      return `Quotes tagged “${source.tag}”`;
    case 'quotes':
      return source.quoteIds.length === 1 ? 'Quote' : 'Selected quotes';
    case 'all':
      return 'Quotes';
  }
}

/** Builds the model; quotes of the same document share one read of its pages. */
export async function exportModelFromArchive(
  archive: Archive,
  source: ExportSource,
  style: CitationStyleId,
  heading: { title?: string; introduction?: string | null } = {},
): Promise<ExportModel> {
  const db = archive.db;
  const quotes = await quotesOf(db, source);
  // A collection brings its own title and introduction.
  const collection = source.kind === 'collection' ? await getCollectionById(db, source.id) : null;
  const title = heading.title ?? collection?.title ?? (source.kind === 'collection' ? 'Collection' : titleOf(source));
  const introduction = heading.introduction ?? (collection?.introduction.trim() || null);
  const documents = new Map<number, { record: Awaited<ReturnType<typeof getDocument>>; pages: JoinedPages }>();
  const items: ExportItem[] = [];
  for (const q of quotes) {
    let doc = documents.get(q.documentId);
    if (!doc) {
      doc = { record: await getDocument(db, q.documentId), pages: joinPages((await getPages(db, q.documentId)).map((p) => p.text)) };
      documents.set(q.documentId, doc);
    }
    items.push({
      quote: {
        id: q.id,
        documentId: q.documentId,
        page: q.page,
        pageEnd: q.pageEnd,
        start: q.start,
        end: q.end,
        exact: q.text,
        prefix: q.prefix,
        suffix: q.suffix,
        note: q.note,
        tags: q.tags,
        position: globalRange(doc.pages, { page: q.page, pageEnd: q.pageEnd, start: q.start, end: q.end }),
      },
      document: doc.record,
    });
  }
  return { title, introduction, style, items };
}
