/** Real archives in temp folders, and the real-world test files. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openArchive, type Archive } from '../../src/main/archive/index.js';
import { CORPUS, SHARED_CORPUS } from './paths.js';

export { CORPUS, FIXTURE_CORPUS, ROOT, SHARED_CORPUS } from './paths.js';

export function corpus(...parts: string[]): string {
  return join(CORPUS, ...parts);
}

/** A file or folder of the whole shared corpus (tests under tests/corpus/, run by `npm run test:corpus`). */
export function sharedCorpus(...parts: string[]): string {
  return join(SHARED_CORPUS, ...parts);
}

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

/** A fresh temp folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'exhibit-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fresh archive file in a temp folder, closed and removed after the test. */
export async function tempArchive(): Promise<Archive & { dir: string }> {
  const dir = tempDir();
  const archive = await openArchive(join(dir, 'test.exhibit'));
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await archive.close();
  };
  cleanups.push(close);
  return Object.assign(Object.create(null) as object, archive, { dir, close }) as Archive & { dir: string };
}
