/** Real archives in temp folders, and the shared corpus. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import { openArchive, type Archive } from '../../src/main/archive/index.js';

export const ROOT = resolve(import.meta.dirname, '../..');
/** ../shared/corpus beside the project (read-only). */
export const CORPUS = resolve(ROOT, '../shared/corpus');

export function corpus(...parts: string[]): string {
  return join(CORPUS, ...parts);
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
