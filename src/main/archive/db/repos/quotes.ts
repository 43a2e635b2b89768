/**
 * The quotes table: saved passages with their place (physical pages and offsets), their
 * exact text and context, note, status and deletion time. A row becomes a QuoteRecord
 * with its tags and page label (rowToQuote); quoteToRow is the row a placed quote makes.
 */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { AnchorStatus, QuoteRecord, QuoteSelector } from '../../../../shared/quote.js';
import type { QuotesTable } from '../schema.js';
import type { Db, Trx } from './db.js';
import { indexText } from '../../search/script-text.js';
import { backendOf, notYetOnPostgres } from './backend.js';

export type QuoteRow = Selectable<QuotesTable>;
export type QuoteChanges = Omit<Updateable<QuotesTable>, 'id' | 'document_id' | 'created_at'>;

/** A row as a record, given its tags and its page label (from its document). */
export function rowToQuote(row: QuoteRow, tags: string[], pageLabel: string): QuoteRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    page: row.page,
    pageEnd: row.page_end,
    start: row.start_offset,
    end: row.end_offset,
    text: row.text,
    prefix: row.prefix,
    suffix: row.suffix,
    note: row.note,
    tags,
    pageLabel,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** What is stored of a quote: where it stands and what stands there. */
export interface QuoteContent {
  selector: QuoteSelector;
  text: string;
  prefix: string;
  suffix: string;
  note: string | null;
  status: AnchorStatus;
}

/** The row a new quote makes, created and updated `now`. */
export function quoteToRow(documentId: number, quote: QuoteContent, now: string): Insertable<QuotesTable> {
  return {
    document_id: documentId,
    page: quote.selector.page,
    page_end: quote.selector.pageEnd,
    start_offset: quote.selector.start,
    end_offset: quote.selector.end,
    text: quote.text,
    prefix: quote.prefix,
    suffix: quote.suffix,
    note: quote.note,
    status: quote.status,
    created_at: now,
    updated_at: now,
  };
}

/** The changes that put a quote at a new place, status ok. */
export function placeToChanges(
  selector: QuoteSelector,
  found: { text: string; prefix: string; suffix: string },
): QuoteChanges {
  return {
    page: selector.page,
    page_end: selector.pageEnd,
    start_offset: selector.start,
    end_offset: selector.end,
    text: found.text,
    prefix: found.prefix,
    suffix: found.suffix,
    status: 'ok',
  } satisfies QuoteChanges;
}

export async function findQuoteRow(db: Db, id: number): Promise<QuoteRow | undefined> {
  return db.selectFrom('quotes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The rows of `ids` that exist, in no order. */
export async function findQuoteRows(db: Db, ids: readonly number[]): Promise<QuoteRow[]> {
  return db
    .selectFrom('quotes')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

/** Every quote of a document, deleted ones too, oldest first. */
export async function quoteRowsOfDocument(db: Db, documentId: number): Promise<QuoteRow[]> {
  return db.selectFrom('quotes').selectAll().where('document_id', '=', documentId).orderBy('id').execute();
}

/** Whether each of `ids` that exists is deleted (its deletion time, or null). */
export async function quoteDeletionTimes(db: Db, ids: readonly number[]): Promise<Map<number, string | null>> {
  const rows = await db
    .selectFrom('quotes')
    .select(['id', 'deleted_at'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.deleted_at]));
}

/** One quote's deletion time; undefined when there is no such quote. */
export async function quoteDeletionTime(db: Db, id: number): Promise<string | null | undefined> {
  const row = await db.selectFrom('quotes').select(['id', 'deleted_at']).where('id', '=', id).executeTakeFirst();
  return row?.deleted_at;
}

/** The document a quote is of; null when there is no such quote. */
export async function documentOfQuote(db: Db, quoteId: number): Promise<number | null> {
  const row = await db.selectFrom('quotes').select('document_id').where('id', '=', quoteId).executeTakeFirst();
  return row?.document_id ?? null;
}

/** Which of `ids` are quotes here (deleted ones too), in no order. */
export async function existingQuoteIds(db: Db, ids: readonly number[]): Promise<number[]> {
  const rows = await db
    .selectFrom('quotes')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.id);
}

/** A live quote of the document at exactly this place with exactly this text. */
export async function findSameQuote(
  db: Db,
  documentId: number,
  selector: QuoteSelector,
  text: string,
): Promise<{ id: number; note: string | null } | undefined> {
  return db
    .selectFrom('quotes')
    .select(['id', 'note'])
    .where('document_id', '=', documentId)
    .where('page', '=', selector.page)
    .where('page_end', '=', selector.pageEnd)
    .where('start_offset', '=', selector.start)
    .where('end_offset', '=', selector.end)
    .where('text', '=', text)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Inserts a quote row; returns its id. */
export async function insertQuoteRow(trx: Trx, row: Insertable<QuotesTable>): Promise<number> {
  const forms = { search_text: indexText(row.text), search_note: indexText(row.note ?? null) };
  const { id } = await trx
    .insertInto('quotes')
    .values({ ...row, ...forms })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateQuoteRow(trx: Trx, id: number, changes: QuoteChanges): Promise<void> {
  // A changed text or note takes its index form along (search/script-text.ts).
  const forms = {
    ...(typeof changes.text === 'string' ? { search_text: indexText(changes.text) } : {}),
    ...(changes.note !== undefined ? { search_note: indexText(changes.note as string | null) } : {}),
  };
  await trx
    .updateTable('quotes')
    .set({ ...changes, ...forms })
    .where('id', '=', id)
    .execute();
}

/** Filters of a quote list, tag names already resolved to sets of tag ids. */
export interface QuoteRowFilter {
  documentId?: number;
  /** Each set must match: the quote, or with includeDocumentTags its document, carries one of its ids. */
  tagIdSets?: readonly (readonly number[])[];
  includeDocumentTags?: boolean;
  status?: AnchorStatus;
  deleted?: boolean;
  ids?: readonly number[];
  /** An FTS5 query over the quotes' text and note, and which index it runs on. */
  match?: { query: string; stem: boolean };
  limit?: number;
  offset?: number;
}

/** Quotes of live documents by id, filtered. */
export async function listQuoteRows(db: Db, filter: QuoteRowFilter): Promise<QuoteRow[]> {
  let query = db
    .selectFrom('quotes')
    .innerJoin('documents', 'documents.id', 'quotes.document_id')
    .selectAll('quotes')
    .where('documents.deleted_at', 'is', null)
    .where('quotes.deleted_at', filter.deleted ? 'is not' : 'is', null);
  if (filter.documentId !== undefined) query = query.where('quotes.document_id', '=', filter.documentId);
  if (filter.status !== undefined) query = query.where('quotes.status', '=', filter.status);
  if (filter.ids !== undefined) query = query.where('quotes.id', 'in', filter.ids.length ? [...filter.ids] : [-1]);
  for (const ids of filter.tagIdSets ?? []) {
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('quote_tags')
            .select('quote_id')
            .whereRef('quote_tags.quote_id', '=', 'quotes.id')
            .where('quote_tags.tag_id', 'in', ids),
        ),
        ...(filter.includeDocumentTags
          ? [
              eb.exists(
                eb
                  .selectFrom('document_tags')
                  .select('document_id')
                  .whereRef('document_tags.document_id', '=', 'quotes.document_id')
                  .where('document_tags.tag_id', 'in', ids),
              ),
            ]
          : []),
      ]),
    );
  }
  if (filter.match !== undefined) {
    if (backendOf(db) === 'postgres') throw notYetOnPostgres('Searching quotes');
    const table = sql.table(filter.match.stem ? 'fts_quotes_stem' : 'fts_quotes');
    query = query.where(
      sql<boolean>`quotes.id IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ${filter.match.query})`,
    );
  }
  query = query.orderBy('quotes.id');
  if (filter.limit !== undefined) query = query.limit(filter.limit).offset(filter.offset ?? 0);
  return query.execute();
}

/** Ids of a document's quotes, deleted ones included (they leave with it when it is purged). */
export async function quoteIdsOfDocument(db: Db, documentId: number): Promise<number[]> {
  const rows = await db.selectFrom('quotes').select('id').where('document_id', '=', documentId).execute();
  return rows.map((q) => q.id);
}
