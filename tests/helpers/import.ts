/** Importing through the real pipeline and reading back what was stored. */
import { expect } from 'vitest';
import {
  checkArchive,
  getDocument,
  getPages,
  importPaths,
  type Archive,
  type ImportResult,
} from '../../src/main/archive/index.js';
import type { DocumentRecord } from '../../src/shared/document.js';

export interface Imported {
  result: ImportResult;
  document: DocumentRecord;
  text: string;
}

/**
 * Imports one file that must import; returns its stored document and text (pages joined).
 * Without inference by default: the importers' tests check what the format itself says;
 * tests/inference/ checks what is read from a document's face.
 */
export async function importOne(
  archive: Archive,
  path: string,
  options: { infer?: boolean } = {},
): Promise<Imported & { all: ImportResult[] }> {
  const all = await importPaths(archive, [path], { infer: options.infer ?? false });
  const result = all[0];
  expect(result, `no result for ${path}`).toBeDefined();
  expect(result?.error ?? null, `${path} should import`).toBeNull();
  expect(result?.status).toBe('imported');
  return { ...(await stored(archive, result as ImportResult)), all };
}

/** The stored document and text behind an imported result. */
export async function stored(archive: Archive, result: ImportResult): Promise<Imported> {
  const id = result.documentId;
  if (id === null) throw new Error(`${result.path} has no document`);
  const document = await getDocument(archive.db, id);
  const pages = await getPages(archive.db, id);
  return { result, document, text: pages.map((p) => p.text).join('\n\f\n') };
}

/** A failure the user can read: one line, starting with the path, no stack trace. */
export function expectReadableFailure(result: ImportResult): void {
  expect(result.status, `${result.path} should fail`).toBe('failed');
  expect(result.documentId).toBeNull();
  const error = result.error ?? '';
  expect(error.startsWith(`${result.path}: `), `error names the file: ${error}`).toBe(true);
  expect(error.length).toBeGreaterThan(result.path.length + 2);
  expect(error, 'one line').not.toMatch(/[\r\n]/);
  expect(error, 'no stack trace').not.toContain('    at ');
  expect(error, 'no stack frame').not.toMatch(/\(\/[^)]*:\d+:\d+\)|node:internal/);
}

/**
 * The archive passes `exhibit check`, and holds exactly the documents that were reported
 * imported, each with all its pages and its original: nothing partial.
 */
export async function expectSoundArchive(archive: Archive, results: readonly ImportResult[]): Promise<void> {
  const report = await checkArchive(archive);
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);
  const imported = results.filter((r) => r.status === 'imported').map((r) => r.documentId);
  const documents = await archive.db
    .selectFrom('documents')
    .select(['id', 'sha256', 'page_count'])
    .orderBy('id')
    .execute();
  expect(documents.map((d) => d.id).sort((a, b) => a - b)).toEqual([...imported].sort((a, b) => (a ?? 0) - (b ?? 0)));
  const pageCounts = await archive.db
    .selectFrom('pages')
    .select((eb) => ['document_id', eb.fn.countAll<number>().as('n')])
    .groupBy('document_id')
    .execute();
  const pagesOf = new Map(pageCounts.map((row) => [row.document_id, Number(row.n)]));
  for (const document of documents) {
    expect(document.page_count, `document ${document.id} has pages`).toBeGreaterThan(0);
    expect(pagesOf.get(document.id), `document ${document.id} has all its pages`).toBe(document.page_count);
  }
  expect(pageCounts.every((row) => documents.some((d) => d.id === row.document_id))).toBe(true);
  const originals = await archive.db.selectFrom('originals').select('sha256').execute();
  expect(originals.map((o) => o.sha256).sort()).toEqual([...new Set(documents.map((d) => d.sha256))].sort());
}
