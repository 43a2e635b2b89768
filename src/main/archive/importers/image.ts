/**
 * Image files (PNG, JPEG, TIFF): a page per image (per TIFF page), stored without text; OCR
 * reads them after the import (ocr/). The page's size is the image's at its stated resolution,
 * in points, so its OCR words are placed as on a PDF page of that size.
 */
import { IMAGE_MIME_TYPES, imageFormatOf, imagePages } from '../ocr/image-files.js';
import { MAX_OCR_PIXELS } from '../ocr/raster.js';
import { ArchiveError } from '../errors.js';
import type { ExtractedDocument } from './types.js';

export async function importImage(bytes: Uint8Array): Promise<ExtractedDocument> {
  const format = imageFormatOf(bytes);
  if (!format) throw new ArchiveError('corrupt', 'not a PNG, JPEG or TIFF image (its first bytes say otherwise)');
  const pages = imagePages(bytes);
  const warnings: string[] = [];
  const tooLarge = pages.flatMap((p, i) => (p.width * p.height > MAX_OCR_PIXELS ? [i + 1] : []));
  if (tooLarge.length)
    warnings.push(
      `page(s) ${tooLarge.join(', ')}: larger than the ${MAX_OCR_PIXELS / 1e6} megapixels OCR reads; kept, not read`,
    );
  return {
    format: 'image',
    mimeType: IMAGE_MIME_TYPES[format],
    metadata: {},
    pages: pages.map((p) => ({
      text: '',
      layout: { width: round((p.width * 72) / p.dpi), height: round((p.height * 72) / p.dpi), items: [] },
    })),
    warnings,
    extra: { image: { format, pages: pages.map((p) => ({ width: p.width, height: p.height, dpi: p.dpi })) } },
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
