/**
 * OCR of several documents (after an import, `exhibit ocr --all`): one engine for the batch,
 * started only when a page needs it and stopped at the end; a document that fails gets a
 * one-line reason and the batch goes on; a cancel stops the batch after storing nothing of the
 * document being read.
 */
import type { Archive } from '../archive.js';
import { listDocumentIdsByFormat } from '../db/repos/ocr-pages.js';
import { ArchiveError, messageOf } from '../errors.js';
import { OcrEngine, type EngineOptions } from './engine.js';
import { OCR_FORMATS, ocrDocument, type OcrDocumentOptions, type OcrDocumentResult } from './ocr-document.js';

export interface OcrBatchOptions extends OcrDocumentOptions, EngineOptions {}

export type OcrBatchResult =
  (OcrDocumentResult & { status: 'done' }) | { documentId: number; status: 'failed' | 'cancelled'; error: string };

/** Live PDF and image documents, for `ocr --all`. */
export function documentsOcrCanRead(archive: Archive): Promise<number[]> {
  return listDocumentIdsByFormat(archive.db, OCR_FORMATS);
}

export async function ocrDocuments(
  archive: Archive,
  ids: readonly number[],
  options: OcrBatchOptions = {},
): Promise<OcrBatchResult[]> {
  const state: { starting: Promise<OcrEngine> | null } = { starting: null };
  const engine = () =>
    (state.starting ??= OcrEngine.start({
      ...(options.languages ? { languages: options.languages } : {}),
      ...(options.tessdata ? { tessdata: options.tessdata } : {}),
      ...(options.workers ? { workers: options.workers } : {}),
    }));
  const results: OcrBatchResult[] = [];
  try {
    for (const documentId of ids) {
      if (options.signal?.aborted) {
        results.push({ documentId, status: 'cancelled', error: `document ${documentId}: OCR was cancelled` });
        continue;
      }
      try {
        results.push({ ...(await ocrDocument(archive, engine, documentId, options)), status: 'done' });
      } catch (error) {
        // A language that is not installed is the command's mistake, not the document's.
        if (error instanceof ArchiveError && error.code === 'invalid-input') throw error;
        const status = error instanceof ArchiveError && error.code === 'cancelled' ? 'cancelled' : 'failed';
        const message = messageOf(error);
        const named = message.startsWith(`document ${documentId}:`) ? message : `document ${documentId}: ${message}`;
        results.push({ documentId, status, error: named });
      }
    }
  } finally {
    if (state.starting) await (await state.starting.catch(() => null))?.close();
  }
  return results;
}
