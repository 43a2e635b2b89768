/** The archive file's own facts: the archive_info table, its schema version, and copying it whole. */
import { sql } from 'kysely';
import type { Db } from './db.js';
import { backendOf, notYetOnPostgres } from './backend.js';

/** Every archive_info entry (id, created_at…), key to value. */
export async function readArchiveInfo(db: Db): Promise<Map<string, string>> {
  const info = await db.selectFrom('archive_info').select(['key', 'value']).execute();
  return new Map(info.map((row) => [row.key, row.value]));
}

/** The archive's id; undefined when archive_info has none. */
export async function findArchiveId(db: Db): Promise<string | undefined> {
  const row = await db.selectFrom('archive_info').select('value').where('key', '=', 'id').executeTakeFirst();
  return row?.value;
}

/** The schema version (SQLite's user_version; the exhibit_schema row on PostgreSQL). */
export async function schemaVersionOf(db: Db): Promise<number> {
  if (backendOf(db) === 'postgres') {
    const row = await sql<{ version: number }>`SELECT version FROM exhibit_schema`.execute(db);
    return Number(row.rows[0]?.version ?? 0);
  }
  const version = await sql<{ user_version: number }>`pragma user_version`.execute(db);
  return Number(version.rows[0]?.user_version ?? 0);
}

/** Writes a consistent copy of the archive to `dest` (VACUUM INTO: one read transaction). */
export async function copyArchiveTo(db: Db, dest: string): Promise<void> {
  if (backendOf(db) === 'postgres') throw notYetOnPostgres('Backing up to a file (use pg_dump meanwhile)');
  await sql`VACUUM INTO ${dest}`.execute(db);
}
