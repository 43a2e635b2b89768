/** What OCR stored about a page, as the core, the CLI and (later) the reader see it. */

/** One recognised word: its place in the page text, its box in PDF user space, its confidence (0..100). */
export type OcrWord = [
  start: number,
  length: number,
  x: number,
  y: number,
  width: number,
  height: number,
  confidence: number,
];

/** How a page's text was recognised. */
export interface OcrPageInfo {
  /** Physical page number, from 1. */
  number: number;
  engine: string;
  engineVersion: string;
  /** Tesseract language codes joined by "+", e.g. "eng" or "eng+fra". */
  languages: string;
  /** Mean word confidence, 0..100. */
  meanConfidence: number;
  /** Where the OCR text starts in the page text (0, or after the page's own text layer). */
  textStart: number;
  recognisedAt: string;
}

export interface OcrPageRecord extends OcrPageInfo {
  words: OcrWord[];
}
