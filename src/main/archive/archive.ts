/**
 * Opening an archive: one SQLite file holding originals, text, metadata and history.
 *
 * Three modes. `read` opens the file read-only (SQLITE_OPEN_READONLY): it never creates a
 * file, runs a migration or changes the journal mode, so archives on write-protected media
 * can be read. `write` opens an existing archive to change it, refused in words when the
 * file or its folder is read-only. `create` is `write` that may also make a new archive.
 * In every mode a file that is not an Exhibit archive, or one from a newer schema, is
 * refused before anything is written to it.
 */
import { existsSync } from 'node:fs';
import type { ArchiveDb } from './db/repos/db.js';
import { openDatabase, readOnlyError, type OpenMode } from './db/open-db.js';
import type { ReindexListener } from './db/reindex-scripts.js';
import { displayTarget, isPostgresTarget } from './db/target.js';
import { findArchiveId } from './db/repos/archive-info.js';
import { whyNotWritable } from './db/file-access.js';
import { ArchiveError, messageOf } from './errors.js';
import { recordStateBaseline } from './custody-baseline.js';
import { ARCHIVE_ITSELF, ownFileKind, registerOpenArchive } from './own-files.js';

export { readOnlyError, type OpenMode };

export interface Archive {
  /** Where the archive file lives; for a team archive, its connection string without a password. */
  readonly path: string;
  readonly db: ArchiveDb;
  /** Opened in `read` mode: every write fails. */
  readonly readOnly: boolean;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Default `create`, or `write` when `create` is false. */
  readonly mode?: OpenMode;
  /** Older spelling: false means mode `write`. */
  readonly create?: boolean;
  /** Hears the progress of the search re-indexing that an upgrade to schema 7 runs once. */
  readonly onReindex?: ReindexListener;
}

/** Refuses a batch of changes at once on an archive opened read-only, rather than once per file. */
export function assertWritable(archive: Archive): void {
  if (archive.readOnly) throw readOnlyError(archive.path, 'its file or folder cannot be written');
}

/** A team archive on PostgreSQL (`postgres://user@host/db`, or `postgres://user@/db?host=/socket/dir`). */
async function openPostgresArchive(target: string, mode: OpenMode): Promise<Archive> {
  // Loaded only for a team archive: a file archive never loads the PostgreSQL driver.
  const { openPostgresDatabase } = await import('./db/open-postgres.js');
  const db = await openPostgresDatabase(target, mode);
  const path = displayTarget(target);
  try {
    if (mode !== 'read') await recordStateBaseline(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError('not-an-archive', `${path}: cannot open the archive (${messageOf(error)})`);
  }
  return { path, db, readOnly: mode === 'read', close: () => db.destroy() };
}

/** Opens the archive at `path` (a file, or a postgres:// connection string) in `mode` (see the module comment). */
export async function openArchive(path: string, options: OpenOptions = {}): Promise<Archive> {
  const mode: OpenMode = options.mode ?? (options.create === false ? 'write' : 'create');
  if (isPostgresTarget(path)) return openPostgresArchive(path, mode);
  if (path !== ':memory:') {
    if (mode !== 'create' && !existsSync(path)) throw new ArchiveError('not-found', `${path}: no archive at this path`);
    const why = mode === 'read' ? null : whyNotWritable(path);
    if (why !== null) throw readOnlyError(path, why);
  }
  // Opening an open archive's -wal or -shm as a database would drop this process's locks on it.
  const kind = await ownFileKind(path);
  if (kind && kind !== ARCHIVE_ITSELF)
    throw new ArchiveError('invalid-input', `${path}: this is ${kind}, not an archive`);
  const db = openDatabase(path, mode, options.onReindex);
  const forget = registerOpenArchive(path);
  try {
    // Kysely connects lazily; connect now so errors surface here.
    await findArchiveId(db);
    // An archive upgraded to state hashes records every object's state once (a read never writes).
    if (mode !== 'read') await recordStateBaseline(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    forget();
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError('not-an-archive', `${path}: cannot open the archive (${messageOf(error)})`);
  }
  return {
    path,
    db,
    readOnly: mode === 'read',
    close: async () => {
      await db.destroy();
      forget();
    },
  };
}
