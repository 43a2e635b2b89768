/** Real archives in temp folders, and the real-world test files. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import { openArchive, type Archive } from '../../src/main/archive/index.js';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The real-world files the suite needs, kept in the repository (see tests/fixtures/corpus/MANIFEST.tsv). */
export const FIXTURE_CORPUS = resolve(ROOT, 'tests/fixtures/corpus');
/** The whole shared corpus, outside the repository (read-only): for `npm run test:corpus` and benchmarks. */
export const SHARED_CORPUS = resolve(process.env['EXHIBIT_CORPUS'] ?? resolve(ROOT, '../shared/corpus'));
/**
 * Where `corpus()` reads: the fixtures, or the whole shared corpus when `npm run test:corpus`
 * runs the folder-sweeping tests again over every file (it sets EXHIBIT_TEST_CORPUS=shared).
 */
export const CORPUS = process.env['EXHIBIT_TEST_CORPUS'] === 'shared' ? SHARED_CORPUS : FIXTURE_CORPUS;

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
