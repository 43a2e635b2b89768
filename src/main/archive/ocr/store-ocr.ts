/**
 * Storing what OCR read of a document, in one transaction: the pages' new texts (their search
 * index follows by trigger), each page's OCR record (engine, languages, words, confidences),
 * the custody entry and the document's quotes re-anchored by the existing rules. A page whose
 * text changed while OCR ran is left as it is: the reading was of a text no longer there.
 */
import type { OcrWord } from '../../../shared/ocr.js';
import type { PageLayout } from '../../../shared/contract-types.js';
import type { Archive } from '../archive.js';
import { recordHistory } from '../custody.js';
import { findDocumentStatus, setPageCount } from '../db/repos/documents.js';
import { listPagesOf, updatePage } from '../db/repos/pages.js';
import { saveOcrPage } from '../db/repos/ocr-pages.js';
import { ArchiveError } from '../errors.js';
import { reanchorDocumentQuotes, type ReanchorSummary } from '../quotes/reanchor.js';

/** One page read by OCR, ready to store. */
export interface PageReading {
  number: number;
  /** The page's text when OCR began; the reading is stored only if it is still this. */
  textBefore: string;
  /** The page's own text layer (kept before the OCR text), '' for a pure scan. */
  ownText: string;
  layout: PageLayout | null;
  /** The recognised text, and its words with offsets into it. */
  text: string;
  words: OcrWord[];
  meanConfidence: number;
}

export interface OcrRun {
  engine: string;
  engineVersion: string;
  languages: string;
}

export interface StoredOcr {
  /** Pages whose text changed. */
  changedPages: number[];
  /** Pages left alone because their text changed while OCR ran. */
  stalePages: number[];
  quotes: ReanchorSummary;
}

/** The page text with the OCR text after the page's own, and where the OCR text starts. */
export function joinTexts(ownText: string, ocrText: string): { text: string; textStart: number } {
  if (ownText.trim() === '') return { text: ocrText, textStart: 0 };
  return { text: `${ownText}\n${ocrText}`, textStart: ownText.length + 1 };
}

export async function storeOcrReadings(
  archive: Archive,
  documentId: number,
  readings: readonly PageReading[],
  run: OcrRun,
  refused: readonly { page: number; reason: string }[],
): Promise<StoredOcr> {
  return archive.db.transaction().execute(async (trx) => {
    const doc = await findDocumentStatus(trx, documentId);
    if (!doc) throw new ArchiveError('not-found', `document ${documentId}: no such document`);
    if (doc.deletedAt !== null)
      throw new ArchiveError('conflict', `document ${documentId}: moved to the trash while OCR ran; nothing stored`);
    const current = new Map((await listPagesOf(trx, documentId)).map((p) => [p.number, p.text]));
    const changed: number[] = [];
    const stale: number[] = [];
    const at = new Date().toISOString();
    for (const r of readings) {
      if (current.get(r.number) !== r.textBefore) {
        stale.push(r.number);
        continue;
      }
      const { text, textStart } = joinTexts(r.ownText, r.text);
      await updatePage(trx, documentId, r.number, { text, layout: r.layout });
      await saveOcrPage(trx, documentId, r.number, {
        engine: run.engine,
        engineVersion: run.engineVersion,
        languages: run.languages,
        meanConfidence: Math.max(0, Math.min(100, r.meanConfidence)),
        textStart,
        words: r.words.map((w) => [w[0] + textStart, ...w.slice(1)] as OcrWord),
        recognisedAt: at,
      });
      if (text !== r.textBefore) changed.push(r.number);
    }
    if (changed.length === 0 && readings.length - stale.length === 0)
      return { changedPages: [], stalePages: stale, quotes: { kept: 0, moved: 0, orphaned: 0, changes: [] } };
    await setPageCount(trx, documentId, doc.pageCount, at);
    await recordHistory(trx, {
      action: 'ocr',
      documentId,
      details: {
        engine: run.engine,
        engineVersion: run.engineVersion,
        languages: run.languages,
        pages: readings
          .filter((r) => !stale.includes(r.number))
          .map((r) => ({ page: r.number, meanConfidence: r.meanConfidence, words: r.words.length })),
        ...(refused.length ? { refused } : {}),
      },
    });
    const quotes = await reanchorDocumentQuotes(trx, documentId);
    return { changedPages: changed, stalePages: stale, quotes };
  });
}
