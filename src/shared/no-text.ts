/**
 * What Exhibit says about pages that hold no text (a scan, a photo): the same plain words
 * in the import summary, the CLI and the reader. Honest about what exists: the pages can
 * be read; their words cannot be selected, quoted or searched until OCR has recognised them
 * (the reader's notices are brought up to date with the reader's OCR text layer).
 */

/** Whether a document's pages hold no text at all. */
export function hasNoText(pageTexts: readonly string[]): boolean {
  return pageTexts.length > 0 && pageTexts.every((t) => t.trim() === '');
}

/** The import warning for a PDF whose pages hold no text; `images` counts its page images. */
export function noTextWarning(images: number): string {
  const what = images > 0 ? 'its pages are images with no text (a scan or a photo)' : 'its pages hold no text';
  return `${what}: it can be read, but its words cannot be selected, quoted or searched until OCR has recognised them (exhibit import does it unless --no-ocr; exhibit ocr does it later)`;
}

/** The reader's notice over a document whose pages hold no text. */
export const NO_TEXT_NOTICE =
  'These pages are images with no text (a scan or a photo). You can read them, but their words cannot be selected, quoted or searched: Exhibit does not recognise text in images (OCR). To quote this document, import a version of it that has text, such as the original file.';

/** The reader's notice over one page without text in a document that has some. */
export function noTextOnPage(page: string): string {
  return `Page ${page} is an image with no text: its words cannot be selected or quoted.`;
}
