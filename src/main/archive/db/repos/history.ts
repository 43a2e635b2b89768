/**
 * The custody log's table: append-only entries in a hash chain. The chain's rules (what an
 * entry's hash covers, what state it records) live in custody.ts; this is only its SQL.
 */
import type { Selectable } from 'kysely';
import type { HistoryEntry } from '../../../../shared/contract-types.js';
import type { HistoryTable } from '../schema.js';
import type { Db, Trx } from './db.js';
import { decodeObject } from './json-columns.js';

export type HistoryRow = Selectable<HistoryTable>;

/** An entry as the app shows it: details decoded, the recorded state left out. */
export function rowToEntry(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    at: row.at,
    action: row.action,
    documentId: row.document_id,
    subject: row.subject,
    details: decodeObject(row.details),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The newest entry's id and hash: where the next one links on. */
export async function lastEntry(db: Db): Promise<{ id: number; hash: string } | undefined> {
  return db.selectFrom('history').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function insertEntry(trx: Trx, row: HistoryRow): Promise<void> {
  await trx.insertInto('history').values(row).execute();
}

/** Entries oldest first; only one document's when `documentId` is given. */
export async function listEntryRows(db: Db, documentId?: number): Promise<HistoryRow[]> {
  let query = db.selectFrom('history').selectAll().orderBy('id');
  if (documentId !== undefined) query = query.where('document_id', '=', documentId);
  return query.execute();
}

/** Every entry oldest first, read in batches of `chunk` so a long chain is never all in memory. */
export function streamEntryRows(db: Db, chunk: number): AsyncIterableIterator<HistoryRow> {
  return db.selectFrom('history').selectAll().orderBy('id').stream(chunk);
}
