/**
 * "Back up archive…": a consistent copy of the open archive while the app runs, with
 * SQLite's VACUUM INTO (one read transaction, so the copy is a snapshot even while
 * imports go on), then a custody entry saying where the copy went.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Archive } from './archive.js';
import { recordHistory } from './custody.js';
import { copyArchiveTo } from './db/repos/archive-info.js';
import { ArchiveError, messageOf } from './errors.js';
import { refuseOwnFile } from './own-files.js';

export interface BackupResult {
  path: string;
  size: number;
}

/** Writes a copy of the archive to `destPath` (which must not exist yet). */
export async function backupArchive(archive: Archive, destPath: string): Promise<BackupResult> {
  const dest = resolve(destPath);
  if (archive.path !== ':memory:' && dest === resolve(archive.path)) {
    throw new ArchiveError('invalid-input', `${dest}: a backup cannot overwrite the archive itself`);
  }
  // Nor its -wal or -shm (a hard link, another spelling of the folder) of any open archive.
  await refuseOwnFile(dest, 'a backup cannot overwrite it');
  if (existsSync(dest)) {
    throw new ArchiveError('conflict', `${dest}: a file already exists there; choose another name`);
  }
  try {
    await copyArchiveTo(archive.db, dest);
  } catch (error) {
    throw new ArchiveError('invalid-input', `${dest}: the backup could not be written (${messageOf(error)})`);
  }
  const { size } = await stat(dest);
  await archive.db
    .transaction()
    .execute((trx) => recordHistory(trx, { action: 'backup', details: { path: dest, size } }));
  return { path: dest, size };
}
