/**
 * The order of a collection's items (positions 1..n, rewritten only where they change)
 * and which quotes may join one. Shared by every change that adds, removes or moves items.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { ArchiveError } from '../errors.js';

type Db = Kysely<Database>;

/** The collection's quote ids in order. */
export async function orderOf(db: Db, collectionId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('collection_items')
    .select('quote_id')
    .where('collection_id', '=', collectionId)
    .orderBy('position')
    .orderBy('added_at')
    .execute();
  return rows.map((r) => r.quote_id);
}

/** Positions by quote id, as `order` lists them (1-based). */
export function positions(order: readonly number[]): Map<number, number> {
  return new Map(order.map((id, i) => [id, i + 1]));
}

/** Writes positions 1..n for `order`, touching only the rows whose position (in `current`) changes. */
export async function renumber(
  trx: Transaction<Database>,
  collectionId: number,
  order: readonly number[],
  current: ReadonlyMap<number, number>,
): Promise<void> {
  for (const [i, quoteId] of order.entries()) {
    if (current.get(quoteId) === i + 1) continue;
    await trx
      .updateTable('collection_items')
      .set({ position: i + 1 })
      .where('collection_id', '=', collectionId)
      .where('quote_id', '=', quoteId)
      .execute();
  }
}

export async function touch(trx: Transaction<Database>, collectionId: number): Promise<void> {
  await trx
    .updateTable('collections')
    .set({ updated_at: new Date().toISOString() })
    .where('id', '=', collectionId)
    .execute();
}

/** Says which of `ids` cannot go into a collection (unknown or deleted), naming them all. */
export async function checkQuotes(db: Db, ids: readonly number[]): Promise<void> {
  const rows = ids.length
    ? await db
        .selectFrom('quotes')
        .select(['id', 'deleted_at'])
        .where('id', 'in', [...ids])
        .execute()
    : [];
  const known = new Map(rows.map((r) => [r.id, r.deleted_at]));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length)
    throw new ArchiveError(
      'not-found',
      `${unknown.length === 1 ? 'quote' : 'quotes'} ${unknown.join(', ')}: no such quote`,
    );
  const deleted = ids.filter((id) => known.get(id) !== null);
  if (deleted.length) {
    throw new ArchiveError(
      'conflict',
      `${deleted.length === 1 ? 'quote' : 'quotes'} ${deleted.join(', ')}: deleted; restore ${deleted.length === 1 ? 'it' : 'them'} first (exhibit quote restore)`,
    );
  }
}
