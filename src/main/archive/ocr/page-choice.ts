/**
 * Which PDF pages OCR reads. A page is read when it paints an image and either
 *
 * - it has no text of its own (empty or white space), or
 * - its largest image covers at least half of the page, its own text items cover less than 3%
 *   of it and it has fewer than 200 characters of its own (not counting white space): a scan
 *   with a stamp, a Bates number or a header printed over it. (Item boxes alone are not enough:
 *   pdf.js gives some fonts' items no height, and a Federal Register page of 2,500 characters
 *   over a full-page image measured under 3%.) A page whose
 *   text layer is real (a born-digital page, or a scan that already carries an OCR layer) has
 *   its items cover far more (a page of text is 20–40%).
 *
 * Text coverage is the summed area of the text items' boxes over the page's area, from the
 * layout stored at import, so it is decided before any image is decoded.
 */
import type { PageLayout } from '../../../shared/contract-types.js';

export const MIN_IMAGE_COVERAGE = 0.5;
export const MAX_TEXT_COVERAGE = 0.03;
export const MAX_OWN_CHARACTERS = 200;

/** The share of the page its text items cover (0 with no layout or no items). */
export function textCoverage(layout: PageLayout | null, textLength: number): number {
  if (!layout || layout.width <= 0 || layout.height <= 0) return 0;
  let area = 0;
  for (const [start, , , , width, height] of layout.items) if (start < textLength) area += Math.abs(width * height);
  return Math.min(1, area / (layout.width * layout.height));
}

/** Whether a page's own text rules OCR out before its image is looked at. */
export function textRulesOut(ownText: string, layout: PageLayout | null): boolean {
  if (ownText.trim() === '') return false;
  if (ownText.replace(/\s/g, '').length >= MAX_OWN_CHARACTERS) return true;
  return textCoverage(layout, ownText.length) >= MAX_TEXT_COVERAGE;
}

/** Whether a page with this own text and an image of this coverage is read. */
export function shouldRead(ownText: string, imageCoverage: number): boolean {
  if (ownText.trim() === '') return imageCoverage > 0;
  return imageCoverage >= MIN_IMAGE_COVERAGE;
}
