/**
 * Custody: every change to the archive appends an entry to a hash chain, in the same
 * transaction as the change. Each entry's hash covers its id, time, action, subject,
 * details and the previous entry's hash, so any edit, deletion or reordering of the
 * history breaks the chain where it happened. Each entry also records the state its change
 * left behind (state-hash.ts) for the object it is about and any others it touched.
 */
import { hash } from 'node:crypto';
import type { HistoryEntry } from '../../shared/contract-types.js';
import type { Db, Trx } from './db/repos/db.js';
import {
  insertEntry,
  lastEntry,
  listEntryRows,
  rowToEntry,
  streamEntryRows,
  type HistoryRow,
} from './db/repos/history.js';
import { encodeStateRecord } from './state-encoding.js';
import { readStates, type ObjectKey, type StateRecord } from './state-hash.js';

export type { HistoryEntry };

export const GENESIS_HASH = '0'.repeat(64);

export interface NewHistoryEntry {
  action: string;
  documentId?: number | null;
  /** What the entry is about when not a document, e.g. `quote:12`. */
  subject?: string | null;
  details?: Record<string, unknown>;
  /** Other objects the change touched, beyond the one it is about (subject, else document). */
  touched?: readonly ObjectKey[];
  /** States the caller already holds (import hashes the text it has in memory). */
  state?: StateRecord;
}

function entryHash(row: Omit<HistoryRow, 'hash'>): string {
  const fields: unknown[] = [row.id, row.at, row.action, row.document_id, row.subject, row.details, row.prev_hash];
  // Entries written before migration 0005 carry no state and keep their hash.
  if (row.state !== null) fields.push(row.state);
  const canonical = JSON.stringify(fields);
  return hash('sha256', canonical, 'hex');
}

/** The object an entry is about: its `quote:`/`collection:`/`fact:` subject, else its document. */
function primaryObject(entry: NewHistoryEntry): ObjectKey | null {
  if (entry.subject) return /^(quote|collection|fact):\d+$/.test(entry.subject) ? (entry.subject as ObjectKey) : null;
  return entry.documentId != null ? `document:${entry.documentId}` : null;
}

async function resultingState(trx: Trx, entry: NewHistoryEntry): Promise<string | null> {
  const primary = primaryObject(entry);
  const keys = [...(primary ? [primary] : []), ...(entry.touched ?? [])].filter(
    (key) => !(entry.state && key in entry.state),
  );
  const state = { ...(await readStates(trx, keys)), ...entry.state };
  return Object.keys(state).length > 0 ? encodeStateRecord(state) : null;
}

/**
 * The chain's head as this transaction last wrote it. A transaction holds the write lock
 * (SQLite's BEGIN IMMEDIATE; on PostgreSQL the writers' advisory lock postgres-dialect.ts
 * takes at BEGIN) and every entry goes through recordHistory, so after its first entry
 * the head is known without reading it again (a read per entry, 40,000 in a bulk store).
 */
const headsWithin = new WeakMap<Trx, { id: number; hash: string }>();

/**
 * Appends one entry with the state the change left behind. Call it inside the transaction
 * that makes the change, after the change.
 */
export async function recordHistory(trx: Trx, entry: NewHistoryEntry): Promise<HistoryEntry> {
  const state = await resultingState(trx, entry);
  const last = headsWithin.get(trx) ?? (await lastEntry(trx));
  const base = {
    id: (last?.id ?? 0) + 1,
    at: new Date().toISOString(),
    action: entry.action,
    document_id: entry.documentId ?? null,
    subject: entry.subject ?? null,
    details: JSON.stringify(entry.details ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
    state,
  };
  const row: HistoryRow = { ...base, hash: entryHash(base) };
  await insertEntry(trx, row);
  headsWithin.set(trx, { id: row.id, hash: row.hash });
  return rowToEntry(row);
}

/** The history, oldest first; only one document's entries when `documentId` is given. */
export async function listHistory(db: Db, documentId?: number): Promise<HistoryEntry[]> {
  const rows = await listEntryRows(db, documentId);
  return rows.map(rowToEntry);
}

export interface ChainBreak {
  entryId: number;
  message: string;
}

/** Re-verifies the whole chain; returns each place where it breaks. */
export async function verifyHistory(db: Db): Promise<ChainBreak[]> {
  const breaks: ChainBreak[] = [];
  let expectedPrev = GENESIS_HASH;
  let expectedId = 1;
  const rows = streamEntryRows(db, 500);
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

export interface ChainHead {
  /** How many entries the chain has (entry ids run 1..length). */
  length: number;
  /** The latest entry's hash; GENESIS_HASH for an empty history. */
  hash: string;
}

/** The chain's head: kept outside the archive, it catches deleted or re-hashed entries. */
export async function chainHead(db: Db): Promise<ChainHead> {
  const last = await lastEntry(db);
  return { length: last?.id ?? 0, hash: last?.hash ?? GENESIS_HASH };
}

export const formatHead = (head: ChainHead): string => `${head.length}:${head.hash}`;
