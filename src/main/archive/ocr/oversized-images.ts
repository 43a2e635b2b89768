/**
 * The images on a PDF page too large for OCR, read from the file's structure by pdf-lib
 * (which parses objects without decoding a stream): pdf.js drops such an image unread
 * (`maxImageSize`) and says so only in a console warning, so a page that shows no image is
 * looked at here to tell "no image" from "an image refused".
 */
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFObject } from 'pdf-lib';
import { MAX_OCR_PIXELS } from './raster.js';

function numberIn(dict: PDFDict, key: string): number {
  const value = dict.lookup(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : 0;
}

function imagesIn(resources: PDFObject | undefined, depth: number, found: [number, number][]): void {
  if (!(resources instanceof PDFDict) || depth > 3) return;
  const xobjects = resources.lookup(PDFName.of('XObject'));
  if (!(xobjects instanceof PDFDict)) return;
  for (const [, ref] of xobjects.entries()) {
    const stream = xobjects.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const subtype = stream.dict.lookup(PDFName.of('Subtype'));
    if (subtype === PDFName.of('Image')) found.push([numberIn(stream.dict, 'Width'), numberIn(stream.dict, 'Height')]);
    else if (subtype === PDFName.of('Form')) imagesIn(stream.dict.lookup(PDFName.of('Resources')), depth + 1, found);
  }
}

/** Width and height of the largest image past the cap on page `pageNumber`, or null when none is. */
export async function oversizedImage(bytes: Uint8Array, pageNumber: number): Promise<[number, number] | null> {
  const doc = await PDFDocument.load(bytes, {
    ignoreEncryption: true,
    updateMetadata: false,
    throwOnInvalidObject: false,
  });
  const page = doc.getPages()[pageNumber - 1];
  if (!page) return null;
  const found: [number, number][] = [];
  imagesIn(page.node.Resources(), 0, found);
  const over = found.filter(([w, h]) => w * h > MAX_OCR_PIXELS).sort((a, b) => b[0] * b[1] - a[0] * a[1]);
  return over[0] ?? null;
}
