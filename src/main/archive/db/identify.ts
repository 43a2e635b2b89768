/**
 * Telling an Exhibit archive from any other SQLite file before anything is written to it:
 * reads only the header fields and the table names, so a file that is not ours, or one
 * from a newer Exhibit, is refused untouched.
 */
import { CompiledQuery } from 'kysely';
import type { Sqlite3Connection } from './sqlite3-dialect.js';

/** `PRAGMA application_id` of every archive this version writes: "EXHI" in ASCII. */
export const EXHIBIT_APPLICATION_ID = 0x45584849;

/** Tables every Exhibit archive has had since schema 1 (archives from before the application id). */
const EXHIBIT_TABLES = ['archive_info', 'documents', 'originals', 'history'];

export type FileKind =
  /** A database with nothing in it yet (a new or zero-length file). */
  | { kind: 'empty' }
  | { kind: 'archive'; schemaVersion: number; applicationId: number }
  | { kind: 'foreign'; why: string };

async function pragmaValue(connection: Sqlite3Connection, name: string): Promise<number> {
  const result = await connection.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`pragma ${name}`));
  const row = result.rows[0];
  return Number(row ? Object.values(row)[0] : 0);
}

/** What the open file is, by its header and its tables; reads only. */
export async function identifyFile(connection: Sqlite3Connection): Promise<FileKind> {
  const applicationId = await pragmaValue(connection, 'application_id');
  const schemaVersion = await pragmaValue(connection, 'user_version');
  const tables = await connection.executeQuery<{ name: string }>(
    CompiledQuery.raw(`select name from sqlite_master where type in ('table', 'view')`),
  );
  const names = new Set(tables.rows.map((r) => r.name));
  if (applicationId === EXHIBIT_APPLICATION_ID) return { kind: 'archive', schemaVersion, applicationId };
  if (applicationId !== 0)
    return { kind: 'foreign', why: `its application id is 0x${applicationId.toString(16)}, not Exhibit's` };
  if (names.size === 0 && schemaVersion === 0) return { kind: 'empty' };
  if (schemaVersion > 0 && EXHIBIT_TABLES.every((t) => names.has(t)))
    return { kind: 'archive', schemaVersion, applicationId };
  return { kind: 'foreign', why: 'a SQLite database of another program' };
}
