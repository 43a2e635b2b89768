/**
 * A real read-only view of a folder, as write-protected media give: a read-only bind
 * mount (needs root and mount rights, as in this project's sandbox). Where the mount is
 * refused the caller skips with the reason printed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const mounts: string[] = [];

afterEach(() => {
  for (let point = mounts.pop(); point !== undefined; point = mounts.pop()) {
    execFileSync('umount', [point]);
    rmdirSync(point);
  }
});

/** The folder `dir` seen through a read-only mount, or the reason none could be made. */
export function readOnlyView(dir: string): { path: string } | { skip: string } {
  const point = mkdtempSync(join(tmpdir(), 'exhibit-ro-'));
  try {
    execFileSync('mount', ['--bind', dir, point], { stdio: 'pipe' });
  } catch (error) {
    rmdirSync(point);
    return { skip: `a read-only bind mount is not permitted here (${String(error).split('\n')[0]})` };
  }
  mounts.push(point);
  try {
    execFileSync('mount', ['-o', 'remount,bind,ro', point], { stdio: 'pipe' });
  } catch (error) {
    return { skip: `the bind mount could not be made read-only (${String(error).split('\n')[0]})` };
  }
  return { path: point };
}
