/**
 * What each object's state is computed from (state-hash.ts): a document's row, its tags'
 * names and its pages' texts; a quote's row and tags; a collection's row and order. Read one
 * object at a time after a change, or every object at once for `exhibit check`.
 */
import { sql } from 'kysely';
import type { Database } from '../schema.js';
import type { Db } from './db.js';
import { jsonArrayOf } from './backend.js';
import { decodeStrings } from './json-columns.js';

export const DOCUMENT_STATE_FIELDS = [
  'sha256',
  'format',
  'mime_type',
  'title',
  'type',
  'authors',
  'recipients',
  'organization',
  'date',
  'source',
  'url',
  'description',
  'file_name',
  'size',
  'page_count',
  'page_labels',
  'page_label_offset',
  'parent_id',
  'warnings',
  'extra',
  'imported_at',
  'deleted_at',
] as const;
/**
 * Document columns added after states were first recorded (migration 0006), each with the
 * value every document had before: a field joins the hashed state only when it differs from
 * it, so states recorded before the migration stay valid.
 */
export const DOCUMENT_LATER_STATE_FIELDS = { file_dates: '{}', user_fields: '[]' } as const;
const LATER_FIELD_NAMES = Object.keys(DOCUMENT_LATER_STATE_FIELDS) as Array<keyof typeof DOCUMENT_LATER_STATE_FIELDS>;
export const QUOTE_STATE_FIELDS = [
  'document_id',
  'page',
  'page_end',
  'start_offset',
  'end_offset',
  'text',
  'prefix',
  'suffix',
  'note',
  'status',
  'deleted_at',
] as const;

/** A document's stored fields, exactly as the columns hold them (JSON columns as text). */
export type DocumentStateRow = { [K in (typeof DOCUMENT_STATE_FIELDS)[number]]: Database['documents'][K] } & {
  [K in keyof typeof DOCUMENT_LATER_STATE_FIELDS]?: string;
};
export type QuoteStateRow = { [K in (typeof QUOTE_STATE_FIELDS)[number]]: Database['quotes'][K] };
export interface CollectionStateRow {
  name: string;
  title: string;
  introduction: string | null;
}

export interface DocumentStateInputs {
  row: DocumentStateRow;
  tagNames: string[];
  pageTexts: string[];
}

/** One document's inputs in one query (a tag change reads them back for every item it tags). */
export async function readDocumentStateInputs(db: Db, id: number): Promise<DocumentStateInputs | null> {
  const row = await db
    .selectFrom('documents')
    .select([...DOCUMENT_STATE_FIELDS, ...LATER_FIELD_NAMES])
    .select([
      jsonArrayOf(
        db,
        sql`tags.name`,
        sql`FROM document_tags JOIN tags ON tags.id = document_tags.tag_id WHERE document_tags.document_id = documents.id`,
      ).as('tag_names'),
      jsonArrayOf(db, sql`text ORDER BY number`, sql`FROM pages WHERE pages.document_id = documents.id`).as(
        'page_texts',
      ),
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const { tag_names, page_texts, ...fields } = row;
  return { row: fields, tagNames: decodeStrings(tag_names), pageTexts: decodeStrings(page_texts) };
}

export async function readQuoteStateInputs(
  db: Db,
  id: number,
): Promise<{ row: QuoteStateRow; tagNames: string[] } | null> {
  const row = await db
    .selectFrom('quotes')
    .select([...QUOTE_STATE_FIELDS])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const tags = await db
    .selectFrom('quote_tags')
    .innerJoin('tags', 'tags.id', 'quote_tags.tag_id')
    .select('tags.name')
    .where('quote_tags.quote_id', '=', id)
    .execute();
  return { row, tagNames: tags.map((t) => t.name) };
}

export async function readCollectionStateInputs(
  db: Db,
  id: number,
): Promise<{ row: CollectionStateRow; order: number[] } | null> {
  const row = await db
    .selectFrom('collections')
    .select(['name', 'title', 'introduction'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const items = await db
    .selectFrom('collection_items')
    .select('quote_id')
    .where('collection_id', '=', id)
    .orderBy('position')
    .execute();
  return { row, order: items.map((i) => i.quote_id) };
}

function groupNames(rows: ReadonlyArray<{ owner: number; name: string }>): Map<number, string[]> {
  const byOwner = new Map<number, string[]>();
  for (const row of rows) {
    const list = byOwner.get(row.owner);
    if (list) list.push(row.name);
    else byOwner.set(row.owner, [row.name]);
  }
  return byOwner;
}

/** Every document's tags' names, by document id. */
export async function allDocumentTagNames(db: Db): Promise<Map<number, string[]>> {
  return groupNames(
    await db
      .selectFrom('document_tags')
      .innerJoin('tags', 'tags.id', 'document_tags.tag_id')
      .select(['document_tags.document_id as owner', 'tags.name'])
      .execute(),
  );
}

/** Every page's text in document and page order, streamed (the text of a large archive is not held at once). */
export function streamPageTexts(db: Db): AsyncIterable<{ document_id: number; text: string }> {
  return db.selectFrom('pages').select(['document_id', 'text']).orderBy('document_id').orderBy('number').stream(200);
}

export async function allDocumentStateRows(db: Db): Promise<Array<DocumentStateRow & { id: number }>> {
  return db
    .selectFrom('documents')
    .select(['id', ...DOCUMENT_STATE_FIELDS, ...LATER_FIELD_NAMES])
    .execute();
}

export async function allQuoteTagNames(db: Db): Promise<Map<number, string[]>> {
  return groupNames(
    await db
      .selectFrom('quote_tags')
      .innerJoin('tags', 'tags.id', 'quote_tags.tag_id')
      .select(['quote_tags.quote_id as owner', 'tags.name'])
      .execute(),
  );
}

export async function allQuoteStateRows(db: Db): Promise<Array<QuoteStateRow & { id: number }>> {
  return db
    .selectFrom('quotes')
    .select(['id', ...QUOTE_STATE_FIELDS])
    .execute();
}

/** Every collection with its quotes' ids in order. */
export async function allCollectionStateInputs(
  db: Db,
): Promise<Array<{ id: number; row: CollectionStateRow; order: number[] }>> {
  const items = await db
    .selectFrom('collection_items')
    .select(['collection_id', 'quote_id'])
    .orderBy('collection_id')
    .orderBy('position')
    .execute();
  const orders = new Map<number, number[]>();
  for (const item of items) {
    const order = orders.get(item.collection_id);
    if (order) order.push(item.quote_id);
    else orders.set(item.collection_id, [item.quote_id]);
  }
  const rows = await db.selectFrom('collections').select(['id', 'name', 'title', 'introduction']).execute();
  return rows.map(({ id, ...row }) => ({ id, row, order: orders.get(id) ?? [] }));
}

/** The state column of every history entry that has one, oldest first, streamed. */
export function streamRecordedStates(db: Db): AsyncIterable<{ id: number; state: string | null }> {
  return db.selectFrom('history').select(['id', 'state']).where('state', 'is not', null).orderBy('id').stream(200);
}

/** The hash of history entry `id`, if it exists. */
export async function historyHashAt(db: Db, id: number): Promise<string | null> {
  const row = await db.selectFrom('history').select('hash').where('id', '=', id).executeTakeFirst();
  return row?.hash ?? null;
}

const BASELINE_KEY = 'state-baseline';

/** Whether migration 0005's marker still asks for a state baseline. */
export async function stateBaselinePending(db: Db): Promise<boolean> {
  const row = await db.selectFrom('archive_info').select('value').where('key', '=', BASELINE_KEY).executeTakeFirst();
  return row !== undefined;
}

export async function clearStateBaselineMarker(db: Db): Promise<void> {
  await db.deleteFrom('archive_info').where('key', '=', BASELINE_KEY).execute();
}
