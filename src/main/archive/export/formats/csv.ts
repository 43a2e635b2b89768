/**
 * CSV: one row a quote, RFC 4180 (comma, CRLF, every field quoted, quotes doubled),
 * with a UTF-8 byte-order mark so spreadsheets read accents right.
 *
 * Spreadsheet formula injection: a cell starting with = + - @ (or a tab or carriage
 * return) would be run as a formula by Excel, LibreOffice and Sheets. Such cells get
 * a leading apostrophe ('), which spreadsheets show as text. The apostrophe is then
 * part of the CSV value: strip one leading apostrophe before such a character when
 * reading the file with a program.
 */
import { plain } from '../rich-text.js';
import type { RenderedExport } from '../render.js';

export const CSV_COLUMNS = [
  'quote_id',
  'text',
  'document',
  'document_id',
  'page',
  'citation',
  'reference',
  'tags',
  'note',
  'sha256',
] as const;

/** Defuses a cell a spreadsheet would read as a formula. */
export function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function field(value: string): string {
  return `"${defuseFormula(value).replace(/"/g, '""')}"`;
}

/** The export as CSV text. */
export function toCsv(rendered: RenderedExport): string {
  const rows = [CSV_COLUMNS.map(field).join(',')];
  for (const item of rendered.items) {
    rows.push(
      [
        String(item.quote.id),
        item.quote.text,
        item.document.title,
        String(item.document.id),
        item.pinpoint,
        item.citationText,
        plain(item.reference),
        item.quote.tags.join('; '),
        item.quote.note ?? '',
        item.document.sha256,
      ]
        .map(field)
        .join(','),
    );
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}
