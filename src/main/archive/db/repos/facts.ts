/**
 * The facts table and its two link tables (fact_quotes, fact_tags): a fact's row, the
 * quotes it cites with their roles in order, its tags. Also what a fact's state hash is
 * computed from (state-hash.ts), one fact at a time or all at once for `exhibit check`.
 */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { FactRole } from '../../../../shared/fact.js';
import type { FactsTable } from '../schema.js';
import type { Db, Trx } from './db.js';
import { backendOf, jsonArrayOf } from './backend.js';
import { decodeStrings } from './json-columns.js';

export type FactRow = Selectable<FactsTable>;
export type FactChanges = Omit<Updateable<FactsTable>, 'id' | 'created_at'>;

export const FACT_STATE_FIELDS = [
  'date_from',
  'date_to',
  'date_about',
  'statement',
  'status',
  'note',
  'deleted_at',
] as const;
export type FactStateRow = Pick<FactRow, (typeof FACT_STATE_FIELDS)[number]>;

/** A cited quote as its fact lists it, with the quote's place. */
export interface FactLinkRow {
  fact_id: number;
  quote_id: number;
  role: FactRole;
  document_id: number;
  page: number;
  page_end: number;
  text: string;
  quote_deleted_at: string | null;
}

export async function insertFactRow(trx: Trx, row: Insertable<FactsTable>): Promise<number> {
  const result = await trx.insertInto('facts').values(row).returning('id').executeTakeFirstOrThrow();
  return result.id;
}

export async function updateFactRow(trx: Trx, id: number, changes: FactChanges): Promise<void> {
  await trx.updateTable('facts').set(changes).where('id', '=', id).execute();
}

export async function findFactRow(db: Db, id: number): Promise<FactRow | undefined> {
  return db.selectFrom('facts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Live (or, with `deleted`, deleted) facts in timeline order: by date text, then id. */
export async function listFactRows(
  db: Db,
  options: { deleted?: boolean; tagIds?: readonly number[] },
): Promise<FactRow[]> {
  let query = db
    .selectFrom('facts')
    .selectAll()
    .where('deleted_at', options.deleted ? 'is not' : 'is', null);
  if (options.tagIds) {
    const ids = options.tagIds;
    if (ids.length === 0) return [];
    query = query.where('id', 'in', (eb) => eb.selectFrom('fact_tags').select('fact_id').where('tag_id', 'in', ids));
  }
  return query.orderBy('date_from').orderBy('id').execute();
}

/** Makes `links` a fact's only cited quotes, in this order. */
export async function replaceFactLinks(
  trx: Trx,
  factId: number,
  links: ReadonlyArray<{ quoteId: number; role: FactRole }>,
): Promise<void> {
  await trx.deleteFrom('fact_quotes').where('fact_id', '=', factId).execute();
  if (links.length > 0)
    await trx
      .insertInto('fact_quotes')
      .values(links.map((l, i) => ({ fact_id: factId, quote_id: l.quoteId, role: l.role, position: i + 1 })))
      .execute();
}

/** The quotes these facts cite, in each fact's order. */
export async function factLinkRows(db: Db, factIds: readonly number[]): Promise<FactLinkRow[]> {
  if (factIds.length === 0) return [];
  return db
    .selectFrom('fact_quotes')
    .innerJoin('quotes', 'quotes.id', 'fact_quotes.quote_id')
    .select([
      'fact_quotes.fact_id',
      'fact_quotes.quote_id',
      'fact_quotes.role',
      'quotes.document_id',
      'quotes.page',
      'quotes.page_end',
      'quotes.text',
      'quotes.deleted_at as quote_deleted_at',
    ])
    .where('fact_quotes.fact_id', 'in', factIds)
    .orderBy('fact_quotes.fact_id')
    .orderBy('fact_quotes.position')
    .execute();
}

/** Makes `tagIds` a fact's only tags. */
export async function replaceFactTags(trx: Trx, factId: number, tagIds: readonly number[]): Promise<void> {
  await trx.deleteFrom('fact_tags').where('fact_id', '=', factId).execute();
  if (tagIds.length > 0)
    await trx
      .insertInto('fact_tags')
      .values(tagIds.map((tag_id) => ({ fact_id: factId, tag_id })))
      .execute();
}

/** Tag names per fact id, each list sorted. */
export async function factTagNames(db: Db, factIds: readonly number[]): Promise<Map<number, string[]>> {
  const result = new Map<number, string[]>();
  if (factIds.length === 0) return result;
  const rows = await db
    .selectFrom('fact_tags')
    .innerJoin('tags', 'tags.id', 'fact_tags.tag_id')
    .select(['fact_tags.fact_id as fact', 'tags.name'])
    .where('fact_tags.fact_id', 'in', factIds)
    .execute();
  for (const row of rows) result.set(row.fact, [...(result.get(row.fact) ?? []), row.name]);
  for (const names of result.values()) names.sort((a, b) => a.localeCompare(b));
  return result;
}

/** The facts citing quotes of these documents, with those quotes: what purging them takes away. */
export async function factLinksOfDocuments(
  db: Db,
  documentIds: readonly number[],
): Promise<Array<{ fact_id: number; quote_id: number; role: FactRole; text: string; document_id: number }>> {
  if (documentIds.length === 0) return [];
  return db
    .selectFrom('fact_quotes')
    .innerJoin('quotes', 'quotes.id', 'fact_quotes.quote_id')
    .select(['fact_quotes.fact_id', 'fact_quotes.quote_id', 'fact_quotes.role', 'quotes.text', 'quotes.document_id'])
    .where('quotes.document_id', 'in', documentIds)
    .execute();
}

export async function deleteFactLinks(trx: Trx, factId: number, quoteIds: readonly number[]): Promise<void> {
  if (quoteIds.length === 0) return;
  await trx.deleteFrom('fact_quotes').where('fact_id', '=', factId).where('quote_id', 'in', quoteIds).execute();
}

/** The facts carrying any of `tagIds`. */
export async function factsTagged(db: Db, tagIds: readonly number[]): Promise<number[]> {
  if (tagIds.length === 0) return [];
  const rows = await db.selectFrom('fact_tags').select('fact_id').distinct().where('tag_id', 'in', tagIds).execute();
  return rows.map((r) => r.fact_id);
}

/** Gives tag `to` every fact carrying tag `from`; returns how many gained it. */
export async function copyFactTagLinks(trx: Trx, from: number, to: number): Promise<number> {
  const result = await trx
    .insertInto('fact_tags')
    .columns(['fact_id', 'tag_id'])
    .expression((eb) =>
      eb
        .selectFrom('fact_tags')
        .select(['fact_id', eb.val(to).as('tag_id')])
        .where('tag_id', '=', from),
    )
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export interface FactStateInputs {
  row: FactStateRow;
  /** [quote id, role] in the fact's order. */
  quotes: Array<[number, string]>;
  tagNames: string[];
}

/** A fact's quote links, [[quote id, role], …] in citing order, as JSON text. */
const quotesJson = (db: Db) =>
  backendOf(db) === 'postgres'
    ? sql<string>`(SELECT coalesce(json_agg(json_build_array(quote_id, role) ORDER BY position), '[]')::text FROM fact_quotes WHERE fact_quotes.fact_id = facts.id)`
    : sql<string>`(SELECT json_group_array(json_array(quote_id, role) ORDER BY position) FROM fact_quotes WHERE fact_quotes.fact_id = facts.id)`;
/** A fact's tag names, as JSON text. */
const tagsJson = (db: Db) =>
  jsonArrayOf(
    db,
    sql`tags.name`,
    sql`FROM fact_tags JOIN tags ON tags.id = fact_tags.tag_id WHERE fact_tags.fact_id = facts.id`,
  );

function decodeLinks(text: string): Array<[number, string]> {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return value
      .filter((v): v is [number, string] => Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'string')
      .map(([id, role]) => [id, role]);
  } catch {
    return [];
  }
}

function toInputs(row: FactStateRow & { quote_links: string; tag_names: string }): FactStateInputs {
  const { quote_links, tag_names, ...fields } = row;
  return { row: fields, quotes: decodeLinks(quote_links), tagNames: decodeStrings(tag_names) };
}

export async function readFactStateInputs(db: Db, id: number): Promise<FactStateInputs | null> {
  const row = await db
    .selectFrom('facts')
    .select([...FACT_STATE_FIELDS, quotesJson(db).as('quote_links'), tagsJson(db).as('tag_names')])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toInputs(row) : null;
}

/** Every fact's state inputs, for `exhibit check`. */
export async function allFactStateInputs(db: Db): Promise<Array<{ id: number } & FactStateInputs>> {
  const rows = await db
    .selectFrom('facts')
    .select(['id', ...FACT_STATE_FIELDS, quotesJson(db).as('quote_links'), tagsJson(db).as('tag_names')])
    .execute();
  return rows.map(({ id, ...row }) => ({ id, ...toInputs(row) }));
}

/** Of these facts, the ones still in the archive. */
export async function existingFactIds(db: Db, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('facts').select('id').where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}

/** Puts a tag on a fact; false when it was already there. */
export async function linkFactTag(trx: Trx, factId: number, tagId: number): Promise<boolean> {
  const result = await trx
    .insertInto('fact_tags')
    .values({ fact_id: factId, tag_id: tagId })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Where the quotes that live facts cite stand in one document: a suggestion there is already taken. */
export async function citedPlacesOf(
  db: Db,
  documentId: number,
): Promise<Array<{ page: number; page_end: number; start_offset: number; end_offset: number }>> {
  return db
    .selectFrom('fact_quotes')
    .innerJoin('quotes', 'quotes.id', 'fact_quotes.quote_id')
    .innerJoin('facts', 'facts.id', 'fact_quotes.fact_id')
    .select(['quotes.page', 'quotes.page_end', 'quotes.start_offset', 'quotes.end_offset'])
    .where('quotes.document_id', '=', documentId)
    .where('facts.deleted_at', 'is', null)
    .execute();
}
