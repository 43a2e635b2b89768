/** What every chronology writer lays out: each fact with its sources rendered (citation, pinpoint, role). */
import type { ExportFact } from '../model.js';
import type { RenderedExport, RenderedItem } from '../render.js';

export interface ChronologySource {
  role: ExportFact['sources'][number]['role'];
  item: RenderedItem;
}

export interface ChronologyRow {
  fact: ExportFact;
  sources: ChronologySource[];
}

/** The chronology's rows; empty when the export is no chronology. */
export function chronologyRows(rendered: RenderedExport): ChronologyRow[] {
  const items = new Map(rendered.items.map((item) => [item.quote.id, item]));
  return (rendered.model.facts ?? []).map((fact) => ({
    fact,
    sources: fact.sources.flatMap((s) => {
      const item = items.get(s.quoteId);
      return item ? [{ role: s.role, item }] : [];
    }),
  }));
}

/** The status as printed, with "unsupported" when no quote supports the fact. */
export function statusText(fact: ExportFact): string {
  return fact.unsupported ? `${fact.status}, unsupported` : fact.status;
}

export const roleLabel = (role: ChronologySource['role']): string => (role === 'supports' ? 'Supports' : 'Contradicts');
