/**
 * The order of a collection's items (positions 1..n, rewritten only where they change)
 * and which quotes may join one. Shared by every change that adds, removes or moves items.
 */
import type { Db, Trx } from '../db/repos/db.js';
import { itemOrder, setItemPosition } from '../db/repos/collection-items.js';
import { touchCollection } from '../db/repos/collections.js';
import { quoteDeletionTimes } from '../db/repos/quotes.js';
import { ArchiveError } from '../errors.js';

/** The collection's quote ids in order. */
export const orderOf = itemOrder;

/** Positions by quote id, as `order` lists them (1-based). */
export function positions(order: readonly number[]): Map<number, number> {
  return new Map(order.map((id, i) => [id, i + 1]));
}

/** Writes positions 1..n for `order`, touching only the rows whose position (in `current`) changes. */
export async function renumber(
  trx: Trx,
  collectionId: number,
  order: readonly number[],
  current: ReadonlyMap<number, number>,
): Promise<void> {
  for (const [i, quoteId] of order.entries()) {
    if (current.get(quoteId) === i + 1) continue;
    await setItemPosition(trx, collectionId, quoteId, i + 1);
  }
}

export const touch = touchCollection;

/** Says which of `ids` cannot go into a collection (unknown or deleted), naming them all. */
export async function checkQuotes(db: Db, ids: readonly number[]): Promise<void> {
  const known = ids.length ? await quoteDeletionTimes(db, ids) : new Map<number, string | null>();
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
