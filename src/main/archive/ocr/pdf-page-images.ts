/**
 * The scanned image of a PDF page, taken straight from the file: a scanned page is one image
 * painted over the page, so its own pixels, as decoded by pdf.js, are what OCR should read (no
 * canvas, no resampling). The operator list tells where the image is painted (the current
 * transformation matrix when it is drawn), which maps the recognised words back to the page.
 */
import { getDocument, ImageKind, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ArchiveError, messageOf } from '../errors.js';
import { pdfLoadOptions } from '../importers/pdf.js';
import { oversizedImage } from './oversized-images.js';
import { assertPixelBudget, fromBits, MAX_OCR_PIXELS, toGrey, type GreyImage } from './raster.js';

/** [a, b, c, d, e, f]: PDF user space = unit square of the image through this matrix. */
export type Matrix = [number, number, number, number, number, number];

export interface PageImage {
  image: GreyImage;
  /** Where the image's unit square stands in PDF user space. */
  placement: Matrix;
  /** The share of the page's area the image covers (0..1). */
  coverage: number;
}

interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  // n applied first, then m (PDF's `cm` pre-multiplies the current matrix).
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

/** A point of the image's unit square in user space. */
export function applyMatrix(m: Matrix, u: number, v: number): [number, number] {
  return [m[0] * u + m[2] * v + m[4], m[1] * u + m[3] * v + m[5]];
}

function isMatrix(value: unknown): value is Matrix {
  return Array.isArray(value) && value.length === 6 && value.every((n) => typeof n === 'number');
}

/** The area of the page (its view box) the unit square covers through `m`, as a share of the page. */
function coverageOf(m: Matrix, view: number[]): number {
  const corners = [applyMatrix(m, 0, 0), applyMatrix(m, 1, 0), applyMatrix(m, 0, 1), applyMatrix(m, 1, 1)];
  const [vx0 = 0, vy0 = 0, vx1 = 0, vy1 = 0] = view;
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const w = Math.max(0, Math.min(Math.max(...xs), vx1) - Math.max(Math.min(...xs), vx0));
  const h = Math.max(0, Math.min(Math.max(...ys), vy1) - Math.max(Math.min(...ys), vy0));
  const area = (vx1 - vx0) * (vy1 - vy0);
  return area > 0 ? (w * h) / area : 0;
}

function toGreyImage(img: DecodedImage, what: string): GreyImage {
  assertPixelBudget(img.width, img.height, what);
  const { data } = img;
  if (!data) throw new ArchiveError('unsupported', `${what}: the image could not be decoded`);
  if (img.kind === ImageKind.GRAYSCALE_1BPP) return fromBits(data, img.width, img.height, false);
  const channels = img.kind === ImageKind.RGB_24BPP ? 3 : 4;
  return toGrey(data, img.width, img.height, channels);
}

async function objectOf(page: PDFPageProxy, id: string): Promise<DecodedImage> {
  const objs = id.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => objs.get(id, (value: DecodedImage) => resolve(value)));
}

/** The largest image painted on a page (by the area it covers), or null when it paints none. */
async function largestImage(page: PDFPageProxy, what: string): Promise<PageImage | null> {
  const ops = await page.getOperatorList();
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let best: { id: string | DecodedImage; placement: Matrix; coverage: number } | null = null;
  for (const [i, fn] of ops.fnArray.entries()) {
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform && isMatrix(args)) ctm = multiply(ctm, args);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (isMatrix(args?.[0])) ctm = multiply(ctm, args[0]);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) {
      const ref = args?.[0];
      if (typeof ref !== 'string' && (typeof ref !== 'object' || ref === null)) continue;
      const coverage = coverageOf(ctm, page.view);
      if (!best || coverage > best.coverage) best = { id: ref as string | DecodedImage, placement: ctm, coverage };
    }
  }
  if (!best) return null;
  const decoded = typeof best.id === 'string' ? await objectOf(page, best.id) : best.id;
  return { image: toGreyImage(decoded, what), placement: best.placement, coverage: best.coverage };
}

/**
 * Reads page images of a PDF, one at a time. Images past the pixel cap are dropped by pdf.js
 * itself before decoding (`maxImageSize`), and the page is refused in words (oversized-images.ts).
 */
export class PdfPageImages {
  private constructor(
    private readonly pdf: PDFDocumentProxy,
    private readonly task: { destroy(): Promise<void> },
    private readonly bytes: Uint8Array,
  ) {}

  static async open(bytes: Uint8Array): Promise<PdfPageImages> {
    const task = getDocument({
      ...pdfLoadOptions(bytes),
      maxImageSize: MAX_OCR_PIXELS,
      isOffscreenCanvasSupported: false,
    });
    try {
      return new PdfPageImages(await task.promise, task, bytes);
    } catch (error) {
      await task.destroy().catch(() => undefined);
      throw new ArchiveError('corrupt', `not a readable PDF (${messageOf(error)})`);
    }
  }

  get pageCount(): number {
    return this.pdf.numPages;
  }

  /** The page's largest image, or null when it has none; refuses an image past the cap in words. */
  async pageImage(pageNumber: number): Promise<PageImage | null> {
    const what = `page ${pageNumber}`;
    let image: PageImage | null;
    try {
      const page = await this.pdf.getPage(pageNumber);
      try {
        image = await largestImage(page, what);
      } finally {
        page.cleanup();
      }
    } catch (error) {
      if (error instanceof ArchiveError) throw error;
      throw new ArchiveError('corrupt', `${what}: its image could not be read (${messageOf(error)})`);
    }
    if (image) return image;
    // pdf.js shows no image: none, or one it dropped for its size (a decompression bomb).
    const over = await oversizedImage(this.bytes, pageNumber).catch(() => null);
    if (over) assertPixelBudget(over[0], over[1], what);
    return null;
  }

  async close(): Promise<void> {
    await this.task.destroy().catch(() => undefined);
  }
}
