/**
 * The files of the archives this process holds open, which nothing but SQLite may open.
 *
 * POSIX advisory locks belong to the process, not to the file descriptor: when a process
 * that has a SQLite database open opens and closes one of its files by any other means
 * (a read, a hash, a zip reader, a copy), every lock the process holds on that file is
 * dropped, SQLite's included. Another process may then check-point or delete the WAL
 * under a live connection, losing writes and corrupting indexes. So every path the core
 * is about to open is compared here first, by device and inode (a hard link, a symlink,
 * another spelling of the folder) and by name (a -wal or -shm that does not exist yet).
 * Only stat() and realpath() are used, which open nothing and so take no lock away.
 */
import type { Stats } from 'node:fs';
import { statSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ArchiveError } from './errors.js';

/** The files SQLite keeps beside an archive, and what each one is called in messages. */
export const ARCHIVE_ITSELF = 'the archive itself';
const FAMILY: readonly { suffix: string; what: string }[] = [
  { suffix: '', what: ARCHIVE_ITSELF },
  { suffix: '-wal', what: "the archive's write-ahead log" },
  { suffix: '-shm', what: "the archive's shared-memory index" },
  { suffix: '-journal', what: "the archive's rollback journal" },
];

/** Archives open in this process, by absolute path, with how many handles hold each. */
const openArchives = new Map<string, number>();

/** Records that this process holds `path` open; returns the function that forgets it. */
export function registerOpenArchive(path: string): () => void {
  if (path === ':memory:' || path === '') return () => undefined;
  const key = resolve(path);
  openArchives.set(key, (openArchives.get(key) ?? 0) + 1);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const left = (openArchives.get(key) ?? 1) - 1;
    if (left > 0) openArchives.set(key, left);
    else openArchives.delete(key);
  };
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

/** The path with its folder's symlinks resolved (the file itself need not exist). */
async function canonical(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return join(await realpath(dirname(absolute)), basename(absolute));
  } catch {
    return absolute;
  }
}

/**
 * What `path` is among the open archives' files ("the archive itself", "the archive's
 * write-ahead log", …), or null when it is none of them.
 */
export async function ownFileKind(path: string): Promise<string | null> {
  if (openArchives.size === 0) return null;
  // An import asks this of every file, so an existing file costs a few synchronous stat()s
  // (microseconds; a promise per call cost a third of a millisecond). Its device and inode
  // settle it: a hard link, a symlink or another spelling of the folder is the same inode.
  const info = statOrNull(path);
  for (const archive of openArchives.keys()) {
    for (const { suffix, what } of FAMILY) {
      // Stat the sibling now, not when the archive opened: a WAL is deleted and made anew.
      const sibling = info && statOrNull(archive + suffix);
      if (info && sibling && sibling.dev === info.dev && sibling.ino === info.ino) return what;
    }
    if (info) continue;
    // A path that does not exist (yet): by name, such as a -wal that SQLite has not made.
    const [name, archiveName] = await Promise.all([canonical(path), canonical(archive)]);
    for (const { suffix, what } of FAMILY) {
      if (name === archiveName + suffix || resolve(path) === archive + suffix) return what;
    }
  }
  return null;
}

/** Throws `invalid-input` naming `path` when it is one of the open archives' files ("…: this is the archive itself"). */
export async function refuseOwnFile(path: string, advice = ''): Promise<void> {
  const kind = await ownFileKind(path);
  if (kind) throw new ArchiveError('invalid-input', `${path}: this is ${kind}${advice ? `; ${advice}` : ''}`);
}
