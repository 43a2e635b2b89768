/**
 * The queries `exhibit check` runs: SQLite's own checks, each original's bytes, the counts
 * it reports, FTS5's content check, and the one read transaction the rest run in.
 */
import { sql } from 'kysely';
import type { ArchiveDb, Db } from './db.js';
import { backendOf } from './backend.js';

/**
 * Runs `read` inside one read transaction on one connection, so everything it reads sees one
 * state of the archive even while another program writes it.
 */
export async function inReadSnapshot<T>(db: ArchiveDb, read: (snapshot: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    // PostgreSQL's default (read committed) takes a new snapshot per statement: ask for one.
    if (backendOf(conn) === 'postgres') await sql`begin isolation level repeatable read read only`.execute(conn);
    else await sql`begin`.execute(conn);
    try {
      const result = await read(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

/**
 * SQLite's `integrity_check`: each line it reports that is not "ok". PostgreSQL keeps its own
 * pages' checksums and constraints; it has nothing to report here.
 */
export async function integrityProblems(db: Db): Promise<string[]> {
  if (backendOf(db) === 'postgres') return [];
  const rows = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
  return rows.rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
}

export interface ForeignKeyBreak {
  table: string;
  rowid: number;
  parent: string;
}

/** Rows whose parent is gone; PostgreSQL enforces foreign keys always, so none there. */
export async function foreignKeyBreaks(db: Db): Promise<ForeignKeyBreak[]> {
  if (backendOf(db) === 'postgres') return [];
  return (await sql<ForeignKeyBreak>`pragma foreign_key_check`.execute(db)).rows;
}

/** Every original with its bytes, a few at a time (they can be large). */
export function streamOriginals(db: Db): AsyncIterable<{ sha256: string; size: number; data: Buffer }> {
  return db.selectFrom('originals').select(['sha256', 'size', 'data']).stream(16);
}

/** Ids of documents whose original is not in the archive. */
export async function documentsWithoutOriginal(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('documents')
    .leftJoin('originals', 'originals.sha256', 'documents.sha256')
    .select(['documents.id'])
    .where('originals.sha256', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}

export async function countRows(db: Db, table: 'documents' | 'history'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** FTS5's check of one search index against its content; throws SQLITE_CORRUPT when they differ. */
export async function checkSearchIndex(db: Db, table: string): Promise<void> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`not a search index name: ${table}`);
  await sql.raw(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).execute(db);
}
