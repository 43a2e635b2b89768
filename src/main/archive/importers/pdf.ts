/**
 * PDF with pdfjs-dist in Node: text per page with its layout, page labels, the
 * document's own metadata, and a count of page images where a page has no text.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { noTextWarning } from '../../../shared/no-text.js';
import { ArchiveError, messageOf } from '../errors.js';
import { MAX_OCR_PIXELS } from '../ocr/raster.js';
import { stripControls } from './decode-text.js';
import type { ExtractedDocument, ExtractedPage, PageLayout } from './types.js';

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** pdf.js must not try to lay out more pages than any real document has. */
const MAX_PAGES = 20_000;

const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintImageMaskXObjectRepeat,
]);

/** Options shared by the importer and verification: the same extraction everywhere. */
export function pdfLoadOptions(bytes: Uint8Array) {
  return {
    // pdf.js takes ownership of (and may detach) the buffer: give it a copy.
    data: new Uint8Array(bytes),
    cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
    wasmUrl: join(PDFJS_DIR, 'wasm') + '/',
    iccUrl: join(PDFJS_DIR, 'iccs') + '/',
    isEvalSupported: false,
    // Images are only counted here (and read by OCR later): one past the OCR cap is not decoded.
    maxImageSize: MAX_OCR_PIXELS,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  };
}

/** `D:20201113094500-08'00'` to `2020-11-13` (or `2020-11`, `2020`). */
export function pdfDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m;
  // Years before PDF existed are placeholders (often the Unix epoch).
  if (!y || Number(y) < 1990) return undefined;
  if (!mo || Number(mo) < 1 || Number(mo) > 12) return y;
  if (!d || Number(d) < 1 || Number(d) > 31) return `${y}-${mo}`;
  return `${y}-${mo}-${d}`;
}

function isTextItem(item: unknown): item is TextItem {
  return typeof item === 'object' && item !== null && 'str' in item;
}

/** Text of one page and where each text item stands in it. */
export async function extractPageText(pdf: PDFDocumentProxy, pageNumber: number): Promise<ExtractedPage> {
  const page = await pdf.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    let text = '';
    const items: PageLayout['items'] = [];
    for (const item of content.items) {
      if (!isTextItem(item)) continue;
      const str = stripControls(item.str);
      const t = item.transform as number[];
      items.push([text.length, str.length, round(t[4] ?? 0), round(t[5] ?? 0), round(item.width), round(item.height)]);
      text += str;
      if (item.hasEOL) text += '\n';
    }
    return { text, layout: { width: round(viewport.width), height: round(viewport.height), items } };
  } finally {
    page.cleanup();
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

async function countImages(pdf: PDFDocumentProxy, pageNumber: number): Promise<number> {
  const page = await pdf.getPage(pageNumber);
  try {
    const ops = await page.getOperatorList();
    return ops.fnArray.filter((fn) => IMAGE_OPS.has(fn)).length;
  } finally {
    page.cleanup();
  }
}

function explain(error: unknown): ArchiveError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new ArchiveError('encrypted', 'encrypted; a password is needed');
  if (name === 'InvalidPDFException') return new ArchiveError('corrupt', `not a readable PDF (${messageOf(error)})`);
  return new ArchiveError('corrupt', `damaged PDF (${messageOf(error)})`);
}

export async function importPdf(bytes: Uint8Array): Promise<ExtractedDocument> {
  const task = getDocument(pdfLoadOptions(bytes));
  let pdf: PDFDocumentProxy;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw explain(error);
  }
  try {
    if (pdf.numPages < 1) throw new ArchiveError('corrupt', 'damaged PDF (no pages)');
    if (pdf.numPages > MAX_PAGES) {
      throw new ArchiveError('corrupt', `damaged PDF (claims ${pdf.numPages} pages; at most ${MAX_PAGES} are read)`);
    }
    const warnings: string[] = [];
    const pages: ExtractedPage[] = [];
    const unreadable: number[] = [];
    let imagesOnTextlessPages = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      try {
        const page = await extractPageText(pdf, n);
        pages.push(page);
        if (page.text.trim() === '') imagesOnTextlessPages += await countImages(pdf, n).catch(() => 0);
      } catch {
        unreadable.push(n);
        pages.push({ text: '', layout: null });
      }
    }
    if (unreadable.length === pdf.numPages) throw new ArchiveError('corrupt', 'damaged PDF (no page could be read)');
    if (unreadable.length > 0) warnings.push(`page(s) ${unreadable.join(', ')} could not be read and are stored empty`);
    const textless = pages.every((p) => p.text.trim() === '');
    if (textless) warnings.push(noTextWarning(imagesOnTextlessPages));

    const meta = await pdf.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    const title = typeof info['Title'] === 'string' ? stripControls(info['Title']).trim() : '';
    const author = typeof info['Author'] === 'string' ? stripControls(info['Author']).trim() : '';
    const labels = await pdf.getPageLabels().catch(() => null);
    const pageLabels =
      labels && labels.length === pdf.numPages && labels.some((l, i) => l !== String(i + 1)) ? labels : null;
    // CreationDate and ModDate are the file's dates (kept in extra.pdf), never the document's.
    return {
      format: 'pdf',
      mimeType: 'application/pdf',
      metadata: {
        ...(title ? { title } : {}),
        ...(author ? { authors: author.split(/\s*;\s*/).filter(Boolean) } : {}),
      },
      pages,
      pageLabels,
      warnings,
      extra: {
        pdf: {
          version: typeof info['PDFFormatVersion'] === 'string' ? info['PDFFormatVersion'] : null,
          producer: typeof info['Producer'] === 'string' ? info['Producer'] : null,
          creator: typeof info['Creator'] === 'string' ? info['Creator'] : null,
          created: typeof info['CreationDate'] === 'string' ? info['CreationDate'] : null,
          modified: typeof info['ModDate'] === 'string' ? info['ModDate'] : null,
        },
        ...(textless ? { imageCount: imagesOnTextlessPages } : {}),
      },
    };
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw explain(error);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
