/**
 * Opening the archive's SQLite connection: the file's mode flags, the checks that admit it
 * (an Exhibit archive of a schema this version reads), the pragmas and the migrations. The
 * archive's own rules around it (which paths may be opened) stay in archive.ts.
 */
import sqlite3 from 'sqlite3';
import { Kysely } from 'kysely';
import { Sqlite3Dialect, type Sqlite3Connection } from './sqlite3-dialect.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';
import type { Database } from './schema.js';
import { EXHIBIT_APPLICATION_ID, identifyFile } from './identify.js';
import { readTarget } from './file-access.js';
import { reindexScripts, type ReindexListener } from './reindex-scripts.js';
import { ArchiveError, messageOf, sqliteCode } from '../errors.js';

export type OpenMode = 'read' | 'write' | 'create';

/** The one sentence every refused change to a read-only archive says. */
export function readOnlyError(path: string, why: string): ArchiveError {
  return new ArchiveError(
    'read-only',
    `${path}: the archive is read-only (${why}); it can be read but nothing can be changed in it`,
  );
}

async function migrate(connection: Sqlite3Connection, path: string, current: number): Promise<void> {
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    // One transaction per migration: an archive is never left half-migrated.
    await connection
      .exec(`BEGIN IMMEDIATE;\n${migration.sql}\nPRAGMA user_version = ${migration.version};\nCOMMIT;`)
      .catch(async (error: unknown) => {
        await connection.exec('ROLLBACK').catch(() => undefined);
        throw new ArchiveError(
          'corrupt',
          `${path}: migration ${migration.version} (${migration.name}) failed: ${messageOf(error)}`,
        );
      });
  }
}

/** Refuses anything but an Exhibit archive this version can read; reads only. */
async function admit(
  connection: Sqlite3Connection,
  path: string,
  mode: OpenMode,
): Promise<{ schemaVersion: number; applicationId: number }> {
  const found = await identifyFile(connection);
  if (found.kind === 'foreign')
    throw new ArchiveError('not-an-archive', `${path}: not an Exhibit archive (${found.why}); left untouched`);
  if (found.kind === 'empty') {
    if (mode === 'create') return { schemaVersion: 0, applicationId: 0 };
    throw new ArchiveError('not-an-archive', `${path}: not an Exhibit archive (an empty file); left untouched`);
  }
  if (found.schemaVersion > SCHEMA_VERSION) {
    throw new ArchiveError(
      'newer-schema',
      `${path}: this archive was written by a newer version of Exhibit (schema ${found.schemaVersion}; this version reads up to ${SCHEMA_VERSION}). Update Exhibit to open it.`,
    );
  }
  if (mode === 'read' && found.schemaVersion < SCHEMA_VERSION) {
    throw new ArchiveError(
      'unsupported',
      `${path}: this archive has an older schema (${found.schemaVersion}; this version uses ${SCHEMA_VERSION}) and reading never upgrades it; open it once with a command that changes it, or in the app, to upgrade it`,
    );
  }
  return found;
}

async function prepare(
  connection: Sqlite3Connection,
  path: string,
  mode: OpenMode,
  onReindex?: ReindexListener,
): Promise<void> {
  try {
    await connection.exec('PRAGMA busy_timeout = 5000;');
    const { schemaVersion: version, applicationId } = await admit(connection, path, mode);
    if (mode === 'read') {
      await connection.exec('PRAGMA foreign_keys = ON;');
      return;
    }
    await connection.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;');
    await migrate(connection, path, version);
    await reindexScripts(connection, onReindex).catch((error: unknown) => {
      throw new ArchiveError('corrupt', `${path}: re-indexing search after migration 7 failed: ${messageOf(error)}`);
    });
    // The marker that tells our archives from other SQLite files (archives from before it get it
    // here). Written only when missing: setting it takes the write lock, which may be busy.
    if (applicationId !== EXHIBIT_APPLICATION_ID)
      await connection.exec(`PRAGMA application_id = ${EXHIBIT_APPLICATION_ID};`);
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    const code = sqliteCode(error);
    if (code === 'SQLITE_READONLY' && mode !== 'read') throw readOnlyError(path, messageOf(error));
    if (code === 'SQLITE_BUSY')
      throw new ArchiveError('busy', `${path}: another program is writing the archive; try again when it is done`);
    throw new ArchiveError('not-an-archive', `${path}: not an Exhibit archive (${messageOf(error)})`);
  }
}

function dialectFor(path: string, mode: OpenMode, onReindex?: ReindexListener): Sqlite3Dialect {
  if (mode === 'read' && path !== ':memory:') {
    const target = readTarget(path);
    if (target.unreadWal) {
      throw new ArchiveError(
        'read-only',
        `${path}: the archive's folder is read-only and its -wal file holds changes not yet in the archive, which cannot be read there; copy the archive with its -wal file to a writable folder`,
      );
    }
    return new Sqlite3Dialect({
      filename: target.filename,
      mode: sqlite3.OPEN_READONLY | sqlite3.OPEN_URI,
      onConnect: (connection) => prepare(connection, path, mode),
    });
  }
  return new Sqlite3Dialect({
    filename: path,
    mode: mode === 'create' ? sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE : sqlite3.OPEN_READWRITE,
    onConnect: (connection) => prepare(connection, path, mode, onReindex),
  });
}

/**
 * The archive's connection (kysely connects lazily: the first query admits the file).
 * `onReindex` hears the progress of the search re-indexing an upgrade to schema 7 runs.
 */
export function openDatabase(path: string, mode: OpenMode, onReindex?: ReindexListener): Kysely<Database> {
  return new Kysely<Database>({ dialect: dialectFor(path, mode, onReindex) });
}
