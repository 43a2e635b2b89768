/**
 * A full disk in words: "the disk is full (3 MB free on /data)". SQLite says SQLITE_FULL
 * and Node says ENOSPC; neither names the place or what is left.
 */
import { stat, statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ArchiveError } from './errors.js';

/** True for SQLite's SQLITE_FULL and the file system's ENOSPC (and EDQUOT, a full quota). */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return true;
  return error instanceof Error && /^SQLITE_FULL\b|\bENOSPC\b/.test(error.message);
}

/** The mount point holding `path`: the highest folder above it on the same device. */
async function mountPointOf(path: string): Promise<string> {
  let dir = resolve(path);
  let device = (await stat(dir).catch(() => null))?.dev;
  while (device === undefined && dirname(dir) !== dir) {
    dir = dirname(dir);
    device = (await stat(dir).catch(() => null))?.dev;
  }
  for (let parent = dirname(dir); parent !== dir; dir = parent, parent = dirname(dir)) {
    const info = await stat(parent).catch(() => null);
    if (!info || info.dev !== device) break;
  }
  return dir;
}

/** "the disk is full (N MB free on MOUNT)" for the disk that holds `path`. */
export async function diskFullReason(path: string): Promise<string> {
  try {
    const mount = await mountPointOf(dirname(resolve(path)));
    const fs = await statfs(mount);
    const freeMb = Math.floor((Number(fs.bavail) * Number(fs.bsize)) / 1_000_000);
    return `the disk is full (${freeMb} MB free on ${mount})`;
  } catch {
    return 'the disk is full';
  }
}

/** The error to show when writing at `path` failed for want of space; null when `error` is something else. */
export async function diskFullError(error: unknown, path: string): Promise<ArchiveError | null> {
  if (!isDiskFull(error)) return null;
  return new ArchiveError('disk-full', `${path}: ${await diskFullReason(path)}`);
}
