/**
 * A chronology as CSV (one row per fact and source; a fact without sources has one row)
 * and as JSON (each fact with its sources' places, exact text and citations).
 */
import { EXPORT_JSON_FORMAT, EXPORT_JSON_VERSION, sourceUrn } from './json.js';
import { defuseFormula } from './csv.js';
import { plain } from '../rich-text.js';
import type { RenderedExport } from '../render.js';
import { chronologyRows, statusText } from './chronology.js';

export const CHRONOLOGY_CSV_COLUMNS = [
  'fact_id',
  'date',
  'fact',
  'status',
  'tags',
  'note',
  'role',
  'quote_id',
  'quote',
  'document',
  'document_id',
  'page',
  'citation',
  'sha256',
] as const;

const field = (value: string): string => `"${defuseFormula(value).replace(/"/g, '""')}"`;

export function toChronologyCsv(rendered: RenderedExport): string {
  const rows = [CHRONOLOGY_CSV_COLUMNS.map(field).join(',')];
  for (const { fact, sources } of chronologyRows(rendered)) {
    const head = [String(fact.id), fact.date, fact.statement, statusText(fact), fact.tags.join('; '), fact.note ?? ''];
    const tails = sources.length
      ? sources.map((s) => [
          s.role,
          String(s.item.quote.id),
          s.item.quote.text,
          s.item.document.title,
          String(s.item.document.id),
          s.item.pinpoint,
          s.item.citationText,
          s.item.document.sha256,
        ])
      : [['', '', '', '', '', '', '', '']];
    for (const tail of tails) rows.push([...head, ...tail].map(field).join(','));
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}

export function toChronologyJson(rendered: RenderedExport): string {
  const value = {
    format: EXPORT_JSON_FORMAT,
    formatVersion: EXPORT_JSON_VERSION,
    kind: 'chronology',
    title: rendered.model.title,
    introduction: rendered.model.introduction,
    style: rendered.model.style,
    created: rendered.createdAt,
    facts: chronologyRows(rendered).map(({ fact, sources }) => ({
      ...fact,
      sources: sources.map((s) => ({
        quoteId: s.item.quote.id,
        role: s.role,
        documentId: s.item.document.id,
        source: sourceUrn(s.item.document.sha256),
        page: s.item.quote.page,
        pageEnd: s.item.quote.pageEnd,
        start: s.item.quote.start,
        end: s.item.quote.end,
        pageLabel: s.item.pinpoint,
        exact: s.item.quote.text,
        citation: s.item.citationText,
      })),
    })),
    bibliography: rendered.bibliography.map((b) => ({ documentId: b.documentId, entry: plain(b.entry) })),
  };
  return JSON.stringify(value, null, 2) + '\n';
}
