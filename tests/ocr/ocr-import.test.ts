/**
 * OCR on real scans, through the core: a scanned PDF and an upside-down image file become
 * searchable on the right page after the import, each page's OCR is recorded with its engine
 * and confidence, the change has its custody entry, and a decompression bomb is refused in
 * words. One archive for the file: OCR is slow, so each scan is read once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../src/main/archive/archive.js';
import { listHistory } from '../../src/main/archive/custody.js';
import { findOcrPage, listOcrPagesOf } from '../../src/main/archive/db/repos/ocr-pages.js';
import { getDocument, getPages } from '../../src/main/archive/documents.js';
import { importPaths } from '../../src/main/archive/import/import-files.js';
import { ocrDocuments, type OcrBatchResult } from '../../src/main/archive/ocr/ocr-documents.js';
import { search } from '../../src/main/archive/search/search.js';
import { corpus } from '../helpers/archive.js';
import { bombPdf } from './bomb.js';

const SCAN = corpus('pdf-good/ocrmypdf__c02-22.pdf');
const UPSIDE_DOWN = corpus('image/constructed__c02-22-upside-down.jpg');

let dir: string;
let archive: Archive;
let scanId: number;
let imageId: number;
let bombId: number;
let results: OcrBatchResult[];

beforeAll(async () => {
  // One archive for the whole file (tempDir() is cleared after each test).
  dir = mkdtempSync(join(tmpdir(), 'exhibit-ocr-'));
  const bomb = join(dir, 'bomb.pdf');
  writeFileSync(bomb, bombPdf());
  archive = await openArchive(join(dir, 'ocr.exhibit'));
  const imported = await importPaths(archive, [SCAN, UPSIDE_DOWN, bomb]);
  expect(imported.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
  [scanId, imageId, bombId] = imported.map((r) => r.documentId ?? 0) as [number, number, number];
  results = await ocrDocuments(archive, [scanId, imageId, bombId], { workers: 2 });
}, 240_000);

afterAll(async () => {
  await archive.close();
  rmSync(dir, { recursive: true, force: true });
});

function pagesOf(documentId: number) {
  const r = results.find((x) => x.documentId === documentId);
  if (r?.status !== 'done') throw new Error(`document ${documentId}: ${JSON.stringify(r)}`);
  return r.pages;
}

describe('OCR of a scanned PDF', () => {
  it('makes a word read from the scan findable on its page', async () => {
    expect(pagesOf(scanId)).toMatchObject([{ page: 1, status: 'read' }]);
    const found = await search(archive.db, 'scrouched');
    expect(found.hits.filter((h) => h.documentId === scanId)).toEqual([
      expect.objectContaining({ kind: 'page', documentId: scanId, page: 1 }),
    ]);
    const [page] = await getPages(archive.db, scanId);
    expect(page?.text).toMatch(/went tip-toeing along a path amongst/);
  });

  it('records the engine, languages, confidence and a box for each word', async () => {
    const ocr = await findOcrPage(archive.db, scanId, 1);
    expect(ocr).toMatchObject({ engine: 'tesseract.js', languages: 'eng', textStart: 0 });
    expect(ocr?.engineVersion).toMatch(/^7\.\d+\.\d+ \(core 7\.\d+\.\d+\)$/);
    expect(ocr?.meanConfidence).toBeGreaterThan(50);
    const [page] = await getPages(archive.db, scanId);
    const word = ocr?.words.find(([start, length]) => page?.text.slice(start, start + length) === 'scrouched');
    // The page is 384 × 470.88 points; the word stands in the text column, right of the picture.
    const [, , x = 0, y = 0, w = 0, h = 0, confidence = 0] = word ?? [];
    expect(x).toBeGreaterThan(384 / 3);
    expect(x + w).toBeLessThanOrEqual(384);
    expect(y).toBeGreaterThan(0);
    expect(y + h).toBeLessThanOrEqual(470.88);
    expect(h).toBeGreaterThan(3);
    expect(h).toBeLessThan(20);
    expect(confidence).toBeGreaterThan(0);
  });

  it('writes one custody entry for the change, and reads nothing again without --force', async () => {
    const entries = (await listHistory(archive.db, scanId)).filter((e) => e.action === 'ocr');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toMatchObject({ engine: 'tesseract.js', languages: 'eng', pages: [{ page: 1 }] });
    const again = await ocrDocuments(archive, [scanId], { workers: 1 });
    expect(again[0]).toMatchObject({ status: 'done', stored: null, pages: [{ page: 1, status: 'skipped' }] });
  });
});

describe('OCR of an image file', () => {
  it('imports a JPEG as a document and reads it upright though it was scanned upside down', async () => {
    const doc = await getDocument(archive.db, imageId);
    expect(doc).toMatchObject({ format: 'image', mimeType: 'image/jpeg', pageCount: 1 });
    expect(pagesOf(imageId)).toMatchObject([{ page: 1, status: 'read' }]);
    const [page] = await getPages(archive.db, imageId);
    expect(page?.text).toMatch(/the trees back towards the end of the/);
    const found = await search(archive.db, 'scrouched');
    expect(found.hits.map((h) => h.documentId).sort()).toEqual([scanId, imageId].sort());
    expect((await listOcrPagesOf(archive.db, imageId))[0]?.meanConfidence).toBeGreaterThan(50);
  });
});

describe('a decompression bomb', () => {
  it('is stored as a document but its page is refused in words, not decoded', async () => {
    const [outcome] = pagesOf(bombId);
    expect(outcome).toMatchObject({ page: 1, status: 'refused' });
    expect(outcome?.status === 'refused' && outcome.reason).toBe(
      'page 1: the image is 35000 × 35000 pixels (1225 megapixels); OCR reads images of at most 100 megapixels',
    );
    expect(await listOcrPagesOf(archive.db, bombId)).toEqual([]);
  });
});
