/**
 * The ocr_pages table (migration 0008): how each page whose text came from OCR was read,
 * with its words' boxes and confidences (a JSON column decoded here, in one checked place).
 */
import type { OcrPageInfo, OcrPageRecord, OcrWord } from '../../../../shared/ocr.js';
import type { PageLayout } from '../../../../shared/contract-types.js';
import type { Db, Trx } from './db.js';
import { decodeLayout } from './pages.js';
import { decodeJson, encodeJson } from './json-columns.js';

/** What is stored for one page's OCR. */
export type OcrPageToStore = Omit<OcrPageRecord, 'number'>;

function isWord(value: unknown): value is OcrWord {
  return Array.isArray(value) && value.length === 7 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}

/** The words column; a value of the wrong shape (edited behind the app's back) keeps only well-formed words. */
export function decodeWords(json: string | null): OcrWord[] {
  const value = decodeJson(json);
  return Array.isArray(value) ? value.filter(isWord) : [];
}

async function pageId(db: Db, documentId: number, number: number): Promise<number | null> {
  const row = await db
    .selectFrom('pages')
    .select('id')
    .where('document_id', '=', documentId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Records (or replaces) how a stored page's text was recognised. */
export async function saveOcrPage(trx: Trx, documentId: number, number: number, ocr: OcrPageToStore): Promise<void> {
  const id = await pageId(trx, documentId, number);
  if (id === null) throw new Error(`document ${documentId} has no page ${number}`);
  const row = {
    page_id: id,
    engine: ocr.engine,
    engine_version: ocr.engineVersion,
    languages: ocr.languages,
    mean_confidence: ocr.meanConfidence,
    text_start: ocr.textStart,
    words: encodeJson(ocr.words),
    recognised_at: ocr.recognisedAt,
  };
  await trx
    .insertInto('ocr_pages')
    .values(row)
    .onConflict((oc) => oc.column('page_id').doUpdateSet(row))
    .execute();
}

/** Forgets that a page's text came from OCR (its text was replaced by other means). */
export async function deleteOcrPage(trx: Trx, documentId: number, number: number): Promise<void> {
  const id = await pageId(trx, documentId, number);
  if (id !== null) await trx.deleteFrom('ocr_pages').where('page_id', '=', id).execute();
}

/** Which of a document's pages were read by OCR, and how, in page order (without the words). */
export async function listOcrPagesOf(db: Db, documentId: number): Promise<OcrPageInfo[]> {
  const rows = await db
    .selectFrom('ocr_pages')
    .innerJoin('pages', 'pages.id', 'ocr_pages.page_id')
    .select(['pages.number', 'engine', 'engine_version', 'languages', 'mean_confidence', 'text_start', 'recognised_at'])
    .where('pages.document_id', '=', documentId)
    .orderBy('pages.number')
    .execute();
  return rows.map((r) => ({
    number: r.number,
    engine: r.engine,
    engineVersion: r.engine_version,
    languages: r.languages,
    meanConfidence: r.mean_confidence,
    textStart: r.text_start,
    recognisedAt: r.recognised_at,
  }));
}

/** One page's OCR with its words; null when its text did not come from OCR. */
export async function findOcrPage(db: Db, documentId: number, number: number): Promise<OcrPageRecord | null> {
  const row = await db
    .selectFrom('ocr_pages')
    .innerJoin('pages', 'pages.id', 'ocr_pages.page_id')
    .select([
      'pages.number',
      'engine',
      'engine_version',
      'languages',
      'mean_confidence',
      'text_start',
      'recognised_at',
      'words',
    ])
    .where('pages.document_id', '=', documentId)
    .where('pages.number', '=', number)
    .executeTakeFirst();
  if (!row) return null;
  return {
    number: row.number,
    engine: row.engine,
    engineVersion: row.engine_version,
    languages: row.languages,
    meanConfidence: row.mean_confidence,
    textStart: row.text_start,
    recognisedAt: row.recognised_at,
    words: decodeWords(row.words),
  };
}

/** Live documents of these formats, by id: what `ocr --all` looks at. */
export async function listDocumentIdsByFormat(db: Db, formats: readonly string[]): Promise<number[]> {
  if (formats.length === 0) return [];
  const rows = await db
    .selectFrom('documents')
    .select('id')
    .where('format', 'in', [...formats])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** A page as OCR decides on it: its text, its layout, and where an earlier OCR text starts (null when none). */
export interface PageForOcr {
  number: number;
  text: string;
  layout: PageLayout | null;
  ocrTextStart: number | null;
}

/** A document's pages with their layouts and what OCR read of them before, in order. */
export async function listPagesForOcr(db: Db, documentId: number): Promise<PageForOcr[]> {
  const rows = await db
    .selectFrom('pages')
    .leftJoin('ocr_pages', 'ocr_pages.page_id', 'pages.id')
    .select(['pages.number', 'pages.text', 'pages.layout', 'ocr_pages.text_start'])
    .where('pages.document_id', '=', documentId)
    .orderBy('pages.number')
    .execute();
  return rows.map((r) => ({
    number: r.number,
    text: r.text,
    layout: decodeLayout(r.layout),
    ocrTextStart: r.text_start ?? null,
  }));
}
