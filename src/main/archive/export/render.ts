/**
 * An export model rendered once for every writer: each quote's pinpoint and
 * citation, the bibliography, and the warnings about documents a style had to cite
 * with its fallbacks. Writers only lay this out.
 */
import { pageRangeLabel } from '../../../shared/page-label.js';
import { missingForCitation } from './csl/csl-json.js';
import { createCiter } from './csl/citer.js';
import { modelDocuments, type ExportItem, type ExportModel } from './model.js';
import { plain, type Span } from './rich-text.js';

export interface RenderedItem extends ExportItem {
  /** 1-based position in the export; also the footnote number in note styles. */
  number: number;
  /** The printed page or range: "4", "iv", "4–5". */
  pinpoint: string;
  /** "p. 4" or "pp. 4–5", for headings and tables. */
  pageText: string;
  citation: Span[];
  citationText: string;
  /** The document's bibliography entry. */
  reference: Span[];
  referenceText: string;
}

export interface RenderedExport {
  model: ExportModel;
  styleLabel: string;
  bibliographyHeading: string;
  noteStyle: boolean;
  items: RenderedItem[];
  bibliography: { documentId: number; entry: Span[] }[];
  /** Documents cited with a style's fallbacks, in one sentence each. */
  warnings: string[];
  /** ISO time the export was made. */
  createdAt: string;
  /** Set for evidence bundles: printed in every quote document of the bundle. */
  bundleId: string | null;
}

export interface RenderOptions {
  bundleId?: string | null;
  createdAt?: string;
}

/** Renders citations and bibliography for a model. */
export function renderExport(model: ExportModel, options: RenderOptions = {}): RenderedExport {
  const documents = modelDocuments(model);
  const citer = createCiter(model.style, documents);
  const bibliography = citer.bibliography();
  const references = new Map(bibliography.map((b) => [b.documentId, b.entry]));
  // Quotes from the same pages cite alike: ask citeproc once per document and pinpoint.
  const cites = new Map<string, Span[]>();
  const items = model.items.map((item, i): RenderedItem => {
    const pinpoint = pageRangeLabel(item.document, item.quote.page, item.quote.pageEnd);
    const key = `${item.document.id}\u0000${pinpoint}`;
    let citation = cites.get(key);
    if (!citation) {
      citation = citer.cite(item.document.id, pinpoint);
      cites.set(key, citation);
    }
    const reference = references.get(item.document.id) ?? [];
    return {
      ...item,
      number: i + 1,
      pinpoint,
      pageText: `${pinpoint.includes('\u2013') ? 'pp.' : 'p.'} ${pinpoint}`,
      citation,
      citationText: plain(citation),
      reference,
      referenceText: plain(reference),
    };
  });
  const warnings: string[] = [];
  for (const doc of documents) {
    const cited = items
      .filter((item) => item.document.id === doc.id)
      .map((item) => `${item.citationText}\n${item.referenceText}`)
      .join('\n');
    for (const missing of missingForCitation(doc, cited))
      warnings.push(`document ${doc.id} ("${doc.title}"): ${missing}`);
  }
  return {
    model,
    styleLabel: citer.styleLabel,
    bibliographyHeading: citer.bibliographyHeading,
    noteStyle: citer.noteStyle,
    items,
    bibliography,
    warnings,
    createdAt: options.createdAt ?? new Date().toISOString(),
    bundleId: options.bundleId ?? null,
  };
}
