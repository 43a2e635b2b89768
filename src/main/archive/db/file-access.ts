/**
 * Whether an archive's file and folder can be written, asked of the file system without
 * opening the file (opening and closing it here would drop SQLite's POSIX locks on it).
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isPostgresTarget } from './target.js';

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EROFS') return 'it is on a read-only file system';
  if (code === 'EACCES' || code === 'EPERM') return 'this user may not write to it';
  return code ?? 'it cannot be written';
}

/**
 * Why the archive at `path` cannot be changed, or null when it can: SQLite writes the
 * file itself and, in WAL mode, creates its -wal and -shm files in the same folder.
 */
export function whyNotWritable(path: string): string | null {
  // A team archive's rights are the database server's to grant: it refuses a write itself.
  if (isPostgresTarget(path)) return null;
  try {
    if (existsSync(path)) accessSync(path, constants.W_OK);
  } catch (error) {
    return reasonOf(error);
  }
  try {
    accessSync(dirname(resolve(path)), constants.W_OK);
  } catch (error) {
    return `its folder cannot be written (${reasonOf(error)})`;
  }
  return null;
}

/** How a reading connection names the file: a read-only URI, immutable where nothing can write. */
export interface ReadTarget {
  readonly filename: string;
  /**
   * True when the folder cannot be written and SQLite's -shm file is absent: a WAL
   * database then opens only as immutable, which assumes no other program writes it
   * meanwhile (true of write-protected media; on a locked share, a writer elsewhere
   * would go unseen until the archive is opened again).
   */
  readonly immutable: boolean;
  /** A -wal file with content that an immutable open would not read: refuse instead. */
  readonly unreadWal: boolean;
}

export function readTarget(path: string): ReadTarget {
  const folderWritable = isFolderWritable(path);
  const shm = existsSync(`${path}-shm`);
  const wal = existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0;
  const immutable = !folderWritable && !(shm && existsSync(`${path}-wal`));
  const uri = new URL(pathToFileURL(resolve(path)).href);
  uri.searchParams.set('mode', 'ro');
  if (immutable) uri.searchParams.set('immutable', '1');
  return { filename: uri.href, immutable, unreadWal: immutable && wal > 0 };
}

function isFolderWritable(path: string): boolean {
  try {
    accessSync(dirname(resolve(path)), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
