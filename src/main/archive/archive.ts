/**
 * Opening an archive: one SQLite file holding originals, text, metadata and history.
 */
import { existsSync } from 'node:fs';
import { CompiledQuery, Kysely } from 'kysely';
import { Sqlite3Dialect, type Sqlite3Connection } from './db/sqlite3-dialect.js';
import { MIGRATIONS, SCHEMA_VERSION } from './db/migrations/index.js';
import type { Database } from './db/schema.js';
import { ArchiveError, messageOf } from './errors.js';
import { recordStateBaseline } from './custody-baseline.js';
import { ARCHIVE_ITSELF, ownFileKind, registerOpenArchive } from './own-files.js';

export interface Archive {
  /** Where the archive file lives. */
  readonly path: string;
  readonly db: Kysely<Database>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Create the file when it does not exist (default true). */
  readonly create?: boolean;
}

async function pragma(connection: Sqlite3Connection, name: string): Promise<unknown> {
  const result = await connection.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`pragma ${name}`));
  const row = result.rows[0];
  return row ? Object.values(row)[0] : undefined;
}

async function migrate(connection: Sqlite3Connection, path: string): Promise<void> {
  const current = Number(await pragma(connection, 'user_version'));
  if (current > SCHEMA_VERSION) {
    throw new ArchiveError(
      'newer-schema',
      `${path}: this archive was written by a newer version of Exhibit (schema ${current}; this version reads up to ${SCHEMA_VERSION}). Update Exhibit to open it.`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    // One transaction per migration: an archive is never left half-migrated.
    await connection.exec(
      `BEGIN IMMEDIATE;\n${migration.sql}\nPRAGMA user_version = ${migration.version};\nCOMMIT;`,
    ).catch(async (error: unknown) => {
      await connection.exec('ROLLBACK').catch(() => undefined);
      throw new ArchiveError('corrupt', `${path}: migration ${migration.version} (${migration.name}) failed: ${messageOf(error)}`);
    });
  }
}

/** Opens (and if needed creates and migrates) the archive at `path`. */
export async function openArchive(path: string, options: OpenOptions = {}): Promise<Archive> {
  if (options.create === false && path !== ':memory:' && !existsSync(path)) {
    throw new ArchiveError('not-found', `${path}: no archive at this path`);
  }
  // Opening an open archive's -wal or -shm as a database would drop this process's locks on it.
  const kind = await ownFileKind(path);
  if (kind && kind !== ARCHIVE_ITSELF) throw new ArchiveError('invalid-input', `${path}: this is ${kind}, not an archive`);
  const forget = registerOpenArchive(path);
  const db = new Kysely<Database>({
    dialect: new Sqlite3Dialect({
      filename: path,
      onConnect: async (connection) => {
        try {
          await connection.exec('PRAGMA busy_timeout = 5000;');
          // Reading a page of the file tells a database from anything else.
          await pragma(connection, 'schema_version');
          await pragma(connection, 'journal_mode = WAL');
          await connection.exec('PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;');
        } catch (error) {
          if (error instanceof ArchiveError) throw error;
          throw new ArchiveError('not-an-archive', `${path}: not an Exhibit archive (${messageOf(error)})`);
        }
        await migrate(connection, path);
      },
    }),
  });
  try {
    // Kysely connects lazily; connect now so errors surface here.
    await db.selectFrom('archive_info').select('value').where('key', '=', 'id').executeTakeFirst();
    await recordStateBaseline(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    forget();
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError('not-an-archive', `${path}: cannot open the archive (${messageOf(error)})`);
  }
  return {
    path,
    db,
    close: async () => {
      await db.destroy();
      forget();
    },
  };
}
