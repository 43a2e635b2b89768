/**
 * OCR of stored documents: which pages to read (page-choice.ts), their images (page-sources.ts),
 * the engine's pool (engine.ts), and the result stored in one transaction per document
 * (store-ocr.ts). The document is usable the whole time; cancelling stores nothing of the
 * document being read, and a page refused (too large, unreadable) is said in words while the
 * other pages are read.
 */
import type { Archive } from '../archive.js';
import { retryWhileBusy } from '../busy.js';
import { getDocument, getOriginal } from '../documents.js';
import { listPagesForOcr, type PageForOcr } from '../db/repos/ocr-pages.js';
import { ArchiveError, messageOf } from '../errors.js';
import type { OcrEngine, RecognisedPage } from './engine.js';
import { shouldRead, textRulesOut } from './page-choice.js';
import { imageSource, pdfSource, placeWord, type PageSource, type SourcePage } from './page-sources.js';
import { storeOcrReadings, type PageReading, type StoredOcr } from './store-ocr.js';

/** The formats OCR reads. */
export const OCR_FORMATS = ['pdf', 'image'] as const;

export type PageOutcome =
  | { page: number; status: 'read'; meanConfidence: number; words: number }
  | { page: number; status: 'skipped'; reason: string }
  | { page: number; status: 'refused'; reason: string };

export interface OcrProgress {
  documentId: number;
  pageCount: number;
  outcome: PageOutcome;
}

export interface OcrDocumentOptions {
  /** Read again pages OCR has read before. */
  force?: boolean;
  signal?: AbortSignal;
  onPage?: (progress: OcrProgress) => void;
  /** Called when another program holds the archive's write lock and storing waits for it. */
  onBusy?: () => void;
}

export interface OcrDocumentResult {
  documentId: number;
  pages: PageOutcome[];
  stored: StoredOcr | null;
}

/** The engine, started only when a page needs it (most documents have none). */
export type EngineProvider = () => Promise<OcrEngine>;

function ownTextOf(page: PageForOcr): string {
  if (page.ocrTextStart === null) return page.text;
  return page.ocrTextStart > 0 ? page.text.slice(0, page.ocrTextStart - 1) : '';
}

function cancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ArchiveError('cancelled', 'OCR was cancelled; nothing of this document was stored');
}

/** Reads what needs reading in one document and stores it. */
export async function ocrDocument(
  archive: Archive,
  engine: EngineProvider,
  documentId: number,
  options: OcrDocumentOptions = {},
): Promise<OcrDocumentResult> {
  const { signal } = options;
  const doc = await getDocument(archive.db, documentId);
  if (doc.deletedAt) throw new ArchiveError('conflict', `document ${documentId}: in the trash; restore it first`);
  const isPdf = doc.format === 'pdf';
  if (!isPdf && doc.format !== 'image') return { documentId, pages: [], stored: null };
  const pages = await listPagesForOcr(archive.db, documentId);
  const outcomes: PageOutcome[] = [];
  const report = (outcome: PageOutcome) => {
    outcomes.push(outcome);
    options.onPage?.({ documentId, pageCount: pages.length, outcome });
  };
  const todo = pages.filter((page) => {
    if (page.ocrTextStart !== null && !options.force) {
      report({ page: page.number, status: 'skipped', reason: 'read by OCR before (--force reads it again)' });
      return false;
    }
    if (isPdf && textRulesOut(ownTextOf(page), page.layout)) {
      report({ page: page.number, status: 'skipped', reason: 'has a text layer' });
      return false;
    }
    return true;
  });
  if (todo.length === 0) return { documentId, pages: outcomes, stored: null };

  const bytes = new Uint8Array((await getOriginal(archive.db, documentId)).data);
  const source: PageSource = isPdf ? await pdfSource(bytes) : imageSource(bytes);
  const readings: PageReading[] = [];
  const refused: { page: number; reason: string }[] = [];
  try {
    let ocr: OcrEngine | null = null;
    let failure: ArchiveError | null = null;
    const inFlight = new Set<Promise<void>>();
    for (const page of todo) {
      cancelled(signal);
      if (failure) break;
      const ownText = ownTextOf(page);
      let image: SourcePage | null;
      try {
        image = await source.read(page.number);
      } catch (error) {
        const reason = error instanceof ArchiveError ? error.message : `page ${page.number}: ${messageOf(error)}`;
        refused.push({ page: page.number, reason });
        report({ page: page.number, status: 'refused', reason });
        continue;
      }
      if (!image || !shouldRead(ownText, image.coverage)) {
        report({ page: page.number, status: 'skipped', reason: image ? 'a small image beside its text' : 'no image' });
        continue;
      }
      ocr ??= await engine();
      const held: SourcePage = image;
      const job: Promise<void> = ocr
        .recognise(held.image, { dpi: held.dpi, ...(signal ? { signal } : {}) })
        .then((read: RecognisedPage) => {
          const words = read.words.map((w) => placeWord(w, held, 0));
          readings.push({
            number: page.number,
            textBefore: page.text,
            ownText,
            layout: page.layout,
            text: read.text,
            words,
            meanConfidence: read.meanConfidence,
          });
          report({ page: page.number, status: 'read', meanConfidence: read.meanConfidence, words: words.length });
        })
        .catch((error: unknown) => {
          // A cancel ends the document; a page the engine fails on is said and the rest go on.
          if (error instanceof ArchiveError && error.code === 'cancelled') failure ??= error;
          else {
            const reason = `page ${page.number}: OCR failed (${messageOf(error)})`;
            refused.push({ page: page.number, reason });
            report({ page: page.number, status: 'refused', reason });
          }
        })
        .finally(() => inFlight.delete(job));
      inFlight.add(job);
      // One page waiting per worker beyond those being read: decoded pages are large.
      while (inFlight.size > ocr.workerCount) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failure) throw failure;
  } finally {
    await source.close();
  }
  cancelled(signal);
  readings.sort((a, b) => a.number - b.number);
  if (readings.length === 0) return { documentId, pages: outcomes, stored: null };
  const engineInUse = await engine();
  const run = { engine: engineInUse.engine, engineVersion: engineInUse.version, languages: engineInUse.languages };
  // Another program writing makes the store wait, not fail: the pages' reading is not redone.
  const stored = await retryWhileBusy(() => storeOcrReadings(archive, documentId, readings, run, refused), {
    ...(options.onBusy ? { onBusy: options.onBusy } : {}),
  });
  return { documentId, pages: outcomes.sort((a, b) => a.page - b.page), stored };
}
