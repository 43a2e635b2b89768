/**
 * Text read by OCR (issue 14). One row per page whose text came from OCR: the engine and its
 * version, the languages, the page's mean word confidence (0..100) and its words as JSON
 * `[[start, length, x, y, width, height, confidence], …]`: each word's place in the page text
 * (UTF-16 offsets; the OCR text starts at `text_start`, after the page's own text layer when it
 * had one) and its box in PDF user space (x, y the lower-left corner, as a pdf.js text
 * item's), so the reader can lay an invisible text layer over the scan. The page's `layout` keeps
 * the items of its own text layer only. A row goes with its page (ON DELETE CASCADE):
 * text that replaces an OCR text (a re-extraction) deletes it in the same transaction.
 */
export const sql = `
CREATE TABLE ocr_pages (
  page_id INTEGER PRIMARY KEY REFERENCES pages (id) ON DELETE CASCADE,
  engine TEXT NOT NULL,
  engine_version TEXT NOT NULL,
  languages TEXT NOT NULL,
  mean_confidence REAL NOT NULL CHECK (mean_confidence >= 0 AND mean_confidence <= 100),
  text_start INTEGER NOT NULL DEFAULT 0 CHECK (text_start >= 0),
  words TEXT NOT NULL CHECK (json_valid(words)),
  recognised_at TEXT NOT NULL
) STRICT;
`;

export const postgres = `
CREATE TABLE ocr_pages (
  page_id integer PRIMARY KEY REFERENCES pages (id) ON DELETE CASCADE,
  engine text NOT NULL,
  engine_version text NOT NULL,
  languages text NOT NULL,
  mean_confidence double precision NOT NULL CHECK (mean_confidence >= 0 AND mean_confidence <= 100),
  text_start integer NOT NULL DEFAULT 0 CHECK (text_start >= 0),
  words text NOT NULL CHECK (words::json IS NOT NULL),
  recognised_at text NOT NULL
);
`;
