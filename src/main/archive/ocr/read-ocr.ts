/** What OCR stored about a document's pages, for `exhibit show` and (later) the reader. */
import type { OcrPageInfo } from '../../../shared/ocr.js';
import type { Db } from '../db/repos/db.js';
import { listOcrPagesOf } from '../db/repos/ocr-pages.js';

/** Per page number, how its text was recognised; pages absent from the map have their own text only. */
export async function ocrPagesOf(db: Db, documentId: number): Promise<Map<number, OcrPageInfo>> {
  return new Map((await listOcrPagesOf(db, documentId)).map((p) => [p.number, p]));
}
