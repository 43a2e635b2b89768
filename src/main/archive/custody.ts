/**
 * Custody: every change to the archive appends an entry to a hash chain, in the same
 * transaction as the change. Each entry's hash covers its id, time, action, subject,
 * details and the previous entry's hash, so any edit, deletion or reordering of the
 * history breaks the chain where it happened.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { HistoryEntry } from '../../shared/contract-types.js';
import type { Database, HistoryTable } from './db/schema.js';

export type { HistoryEntry };

export const GENESIS_HASH = '0'.repeat(64);


export interface NewHistoryEntry {
  action: string;
  documentId?: number | null;
  /** What the entry is about when not a document, e.g. `quote:12`. */
  subject?: string | null;
  details?: Record<string, unknown>;
}

type HistoryRow = Omit<HistoryTable, 'id'> & { id: number };

function entryHash(row: Omit<HistoryRow, 'hash'>): string {
  const canonical = JSON.stringify([row.id, row.at, row.action, row.document_id, row.subject, row.details, row.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends one entry. Call it inside the transaction that makes the change. */
export async function recordHistory(trx: Transaction<Database>, entry: NewHistoryEntry): Promise<HistoryEntry> {
  const last = await trx.selectFrom('history').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const base = {
    id: (last?.id ?? 0) + 1,
    at: new Date().toISOString(),
    action: entry.action,
    document_id: entry.documentId ?? null,
    subject: entry.subject ?? null,
    details: JSON.stringify(entry.details ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const row: HistoryRow = { ...base, hash: entryHash(base) };
  await trx.insertInto('history').values(row).execute();
  return rowToEntry(row);
}

function rowToEntry(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    at: row.at,
    action: row.action,
    documentId: row.document_id,
    subject: row.subject,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The history, oldest first; only one document's entries when `documentId` is given. */
export async function listHistory(db: Kysely<Database>, documentId?: number): Promise<HistoryEntry[]> {
  let query = db.selectFrom('history').selectAll().orderBy('id');
  if (documentId !== undefined) query = query.where('document_id', '=', documentId);
  const rows = await query.execute();
  return rows.map(rowToEntry);
}

export interface ChainBreak {
  entryId: number;
  message: string;
}

/** Re-verifies the whole chain; returns each place where it breaks. */
export async function verifyHistory(db: Kysely<Database>): Promise<ChainBreak[]> {
  const breaks: ChainBreak[] = [];
  let expectedPrev = GENESIS_HASH;
  let expectedId = 1;
  const rows = db.selectFrom('history').selectAll().orderBy('id').stream(500);
  for await (const row of rows) {
    if (row.id !== expectedId) {
      breaks.push({ entryId: row.id, message: `history entry ${expectedId} is missing (next entry is ${row.id})` });
    }
    if (row.prev_hash !== expectedPrev) {
      breaks.push({ entryId: row.id, message: `history entry ${row.id} does not follow the entry before it` });
    }
    const { hash, ...rest } = row;
    if (entryHash(rest) !== hash) {
      breaks.push({ entryId: row.id, message: `history entry ${row.id} was altered after it was written` });
    }
    expectedPrev = hash;
    expectedId = row.id + 1;
  }
  return breaks;
}
