/**
 * Opening a team archive on PostgreSQL: the connection pool, the checks that admit a
 * database (an Exhibit archive of a schema this version reads, or an empty database to
 * create one in) and the migrations, each in one transaction with the version row in
 * `exhibit_schema`. The repositories see the same Kysely<Database> as on SQLite.
 */
import pg from 'pg';
import Cursor from 'pg-cursor';
import { Kysely, sql, type Transaction } from 'kysely';
import { SerializedPostgresDialect } from './postgres-dialect.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';
import type { Database } from './schema.js';
import type { OpenMode } from './open-db.js';
import { ArchiveError, messageOf } from '../errors.js';
import { displayTarget } from './target.js';

const INT8_OID = 20;

/**
 * Counts and ids come back as JavaScript numbers, as on SQLite: bigint (count(*), band keys)
 * is parsed as a number; every value Exhibit stores in one stays below 2⁵³.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

async function schemaVersion(db: Kysely<Database> | Transaction<Database>): Promise<number | null> {
  const found = await sql<{ ours: boolean; tables: number }>`
    SELECT to_regclass('exhibit_schema') IS NOT NULL AS ours,
      (SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()) AS tables`.execute(db);
  const row = found.rows[0];
  if (!row?.ours) return row && row.tables > 0 ? -1 : null;
  const version = await sql<{ version: number }>`SELECT version FROM exhibit_schema`.execute(db);
  return version.rows[0]?.version ?? 0;
}

async function migrate(db: Kysely<Database>, where: string): Promise<void> {
  for (const migration of MIGRATIONS) {
    try {
      await db.transaction().execute(async (trx) => {
        // Read again in the writer's turn (postgres-dialect.ts): another process may have run it meanwhile.
        const current = (await schemaVersion(trx)) ?? 0;
        if (current >= migration.version) return;
        if (current === 0) await sql`CREATE TABLE exhibit_schema (version integer NOT NULL)`.execute(trx);
        await sql.raw(migration.postgres).execute(trx);
        await sql`DELETE FROM exhibit_schema`.execute(trx);
        await sql`INSERT INTO exhibit_schema (version) VALUES (${migration.version})`.execute(trx);
      });
    } catch (error) {
      throw new ArchiveError(
        'corrupt',
        `${where}: migration ${migration.version} (${migration.name}) failed: ${messageOf(error)}`,
      );
    }
  }
}

/** Refuses anything but an Exhibit archive this version reads (or an empty database to create). */
async function admit(db: Kysely<Database>, where: string, mode: OpenMode): Promise<void> {
  const version = await schemaVersion(db);
  if (version === -1)
    throw new ArchiveError(
      'not-an-archive',
      `${where}: not an Exhibit archive (the database holds other tables and no exhibit_schema); left untouched`,
    );
  if (version === null && mode !== 'create')
    throw new ArchiveError('not-an-archive', `${where}: not an Exhibit archive (an empty database); left untouched`);
  if ((version ?? 0) > SCHEMA_VERSION)
    throw new ArchiveError(
      'newer-schema',
      `${where}: this archive was written by a newer version of Exhibit (schema ${version}; this version reads up to ${SCHEMA_VERSION}). Update Exhibit to open it.`,
    );
  if (mode === 'read' && (version ?? 0) < SCHEMA_VERSION)
    throw new ArchiveError(
      'unsupported',
      `${where}: this archive has an older schema (${version ?? 0}; this version uses ${SCHEMA_VERSION}) and reading never upgrades it; open it once for writing to upgrade it`,
    );
  if (mode !== 'read') await migrate(db, where);
}

/**
 * Connects to the database `target` names, admits it and brings its schema up to date.
 * In `read` mode every transaction of every connection is read-only, so PostgreSQL itself
 * refuses a write.
 */
export async function openPostgresDatabase(target: string, mode: OpenMode): Promise<Kysely<Database>> {
  const where = displayTarget(target);
  const pool = new pg.Pool({ connectionString: target, types, max: 4 });
  const db = new Kysely<Database>({
    dialect: new SerializedPostgresDialect({
      pool,
      cursor: Cursor,
      onCreateConnection: async (connection) => {
        if (mode === 'read') await connection.executeQuery(sql`SET default_transaction_read_only = on`.compile(db));
      },
    }),
  });
  try {
    await admit(db, where, mode);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError('not-found', `${where}: cannot open the team archive on PostgreSQL (${messageOf(error)})`);
  }
  return db;
}
