/**
 * Writing an export without harm: never over an existing file unless asked (`force`),
 * only at the path given (a temp file beside it, then a rename), and never a
 * half-written file: a failure removes the temp file and leaves the path as it was.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ArchiveError, messageOf } from '../errors.js';
import { diskFullError } from '../disk-full.js';
import { refuseOwnFile } from '../own-files.js';

export interface SafeWriteOptions {
  /** Replace an existing file. */
  force?: boolean;
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Refuses early what the final rename would refuse; returns the absolute path. */
export async function checkTarget(path: string, options: SafeWriteOptions = {}): Promise<string> {
  const target = resolve(path);
  // Writing over an open archive or its -wal / -shm would destroy it (own-files.ts).
  await refuseOwnFile(target, 'choose another file for the export');
  const folder = dirname(target);
  const dirInfo = await statOrNull(folder);
  if (!dirInfo || !dirInfo.isDirectory())
    throw new ArchiveError('not-found', `${path}: the folder ${folder} does not exist`);
  const info = await statOrNull(target);
  if (info?.isDirectory()) throw new ArchiveError('conflict', `${path}: is a folder; give a file name`);
  if (info && !options.force) throw new ArchiveError('conflict', `${path}: already exists; pass --force to replace it`);
  return target;
}

/**
 * Runs `write` on a fresh temp file in the target's folder, then moves it into place.
 * On any failure the temp file is removed and the target is untouched.
 */
export async function writeAtomically(
  path: string,
  options: SafeWriteOptions,
  write: (tempPath: string) => Promise<void>,
): Promise<string> {
  const target = await checkTarget(path, options);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    // Exclusive create: never follow or reuse something already at the temp name.
    await (await open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o644)).close();
    await write(temp);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.force) {
      await rename(temp, target);
    } else {
      // link() refuses an existing target atomically: nothing appeared there meanwhile.
      try {
        await link(temp, target);
        await unlink(temp);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST')
          throw new ArchiveError('conflict', `${path}: already exists; pass --force to replace it`);
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
        // File systems without hard links: check, then rename.
        if (await statOrNull(target))
          throw new ArchiveError('conflict', `${path}: already exists; pass --force to replace it`);
        await rename(temp, target);
      }
    }
    return target;
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (error instanceof ArchiveError) throw error;
    // A full disk is no mistake in the command: it says so, with what is left (and exits 1, not 2).
    const full = await diskFullError(error, target);
    if (full) throw full;
    throw new ArchiveError('invalid-input', `${path}: could not be written (${messageOf(error)})`);
  }
}

/** Writes bytes or text to `path` safely (see writeAtomically). */
export async function writeFileSafely(
  path: string,
  data: Uint8Array | string,
  options: SafeWriteOptions = {},
): Promise<string> {
  return writeAtomically(path, options, (temp) => writeFile(temp, data));
}
