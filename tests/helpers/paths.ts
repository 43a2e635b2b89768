/**
 * Where the suite's files are. Kept apart from archive.ts, which registers vitest hooks:
 * benchmarks read the same paths from outside vitest (bench/infer.ts via the labelled set).
 */
import { resolve } from 'node:path';

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
