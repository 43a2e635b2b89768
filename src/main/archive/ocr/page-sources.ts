/**
 * Where a stored document's page images come from: the scanned image painted on a PDF page,
 * or a page of an image file. Each comes with its placement (the image's unit square in the
 * page's user space, as PDF draws images) and its resolution, so recognised words land on the
 * page where they are printed.
 */
import type { OcrWord } from '../../../shared/ocr.js';
import type { RecognisedWord } from './engine.js';
import { imagePages } from './image-files.js';
import { applyMatrix, PdfPageImages, type Matrix } from './pdf-page-images.js';
import type { GreyImage } from './raster.js';

export interface SourcePage {
  image: GreyImage;
  placement: Matrix;
  /** The share of the page the image covers (0..1). */
  coverage: number;
  dpi: number;
}

export interface PageSource {
  /** The page's image, null when it has none; throws an ArchiveError in words when it cannot be read. */
  read(pageNumber: number): Promise<SourcePage | null>;
  close(): Promise<void>;
}

/** Pixels per inch of an image drawn through `m` (its width in points is the length of m's first column). */
function dpiOf(width: number, m: Matrix): number {
  const points = Math.hypot(m[0], m[1]);
  return points > 0 ? (width * 72) / points : 300;
}

export async function pdfSource(bytes: Uint8Array): Promise<PageSource> {
  const pdf = await PdfPageImages.open(bytes);
  return {
    async read(n) {
      const page = await pdf.pageImage(n);
      return page && { ...page, dpi: dpiOf(page.image.width, page.placement) };
    },
    close: () => pdf.close(),
  };
}

export function imageSource(bytes: Uint8Array): PageSource {
  const pages = imagePages(bytes);
  return {
    read(n) {
      const page = pages[n - 1];
      if (!page) return Promise.resolve(null);
      const scale = 72 / page.dpi;
      const placement: Matrix = [page.width * scale, 0, 0, page.height * scale, 0, 0];
      return Promise.resolve({ image: page.decode(), placement, coverage: 1, dpi: page.dpi });
    },
    close: () => Promise.resolve(),
  };
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/** A recognised word's pixel box, placed on the page: [start, length, x, y, width, height, confidence] in user space. */
export function placeWord(word: RecognisedWord, page: SourcePage, offset: number): OcrWord {
  const { width, height } = page.image;
  const [ax, ay] = applyMatrix(page.placement, word.x0 / width, 1 - word.y0 / height);
  const [bx, by] = applyMatrix(page.placement, word.x1 / width, 1 - word.y1 / height);
  const x = Math.min(ax, bx);
  const y = Math.min(ay, by);
  return [
    word.start + offset,
    word.length,
    r2(x),
    r2(y),
    r2(Math.max(ax, bx) - x),
    r2(Math.max(ay, by) - y),
    Math.round(word.confidence),
  ];
}
