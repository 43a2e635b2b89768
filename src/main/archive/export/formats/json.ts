/**
 * JSON: the sources as CSL-JSON (what Zotero, Pandoc and every CSL processor read)
 * and the quotes as W3C Web Annotations, each targeting its original by SHA-256 with
 * a TextQuoteSelector (exact, prefix, suffix), a TextPositionSelector (offsets in the
 * document's text, pages joined by a newline) and a FragmentSelector naming the page
 * (RFC 3778, as PDF viewers read "#page=4"). Exhibit's own selectors ride along under
 * `exhibit:` keys so an import can restore a quote exactly.
 */
import { toCslItem, type CslItem } from '../csl/csl-json.js';
import { modelDocuments } from '../model.js';
import type { RenderedExport, RenderedItem } from '../render.js';
import { plain } from '../rich-text.js';

export const EXPORT_JSON_FORMAT = 'exhibit-export';
export const EXPORT_JSON_VERSION = 1;

export interface WebAnnotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  body: { type: 'TextualBody'; purpose: 'commenting' | 'tagging'; value: string; format: 'text/plain' }[];
  target: {
    source: string;
    selector: (
      | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
      | { type: 'TextPositionSelector'; start: number; end: number }
      | { type: 'FragmentSelector'; conformsTo: 'http://tools.ietf.org/rfc/rfc3778'; value: string }
    )[];
  };
  'exhibit:quoteId': number;
  'exhibit:documentId': number;
  'exhibit:source': string;
  'exhibit:page': number;
  'exhibit:pageEnd': number;
  'exhibit:start': number;
  'exhibit:end': number;
  'exhibit:pageLabel': string;
  'exhibit:citation': string;
}

/** `urn:sha256:…`: the original, wherever it is kept. */
export function sourceUrn(sha256: string): string {
  return `urn:sha256:${sha256}`;
}

/**
 * The annotation for a quote. `position` is the quote's place in the document's
 * text with pages joined (null when the pages are not at hand: the selector is left out).
 */
export function toAnnotation(
  item: RenderedItem,
  created: string,
  position: { start: number; end: number } | null,
): WebAnnotation {
  const q = item.quote;
  const body: WebAnnotation['body'] = [];
  if (q.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: q.note, format: 'text/plain' });
  for (const tag of q.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag, format: 'text/plain' });
  const selector: WebAnnotation['target']['selector'] = [
    { type: 'TextQuoteSelector', exact: q.text, prefix: q.prefix, suffix: q.suffix },
  ];
  if (position) selector.push({ type: 'TextPositionSelector', start: position.start, end: position.end });
  selector.push({ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: `page=${q.page}` });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:exhibit:quote:${q.id}`,
    type: 'Annotation',
    motivation: q.note ? 'commenting' : 'highlighting',
    created,
    body,
    target: { source: sourceUrn(item.document.sha256), selector },
    'exhibit:quoteId': q.id,
    'exhibit:documentId': item.document.id,
    'exhibit:source': `doc-${item.document.id}`,
    'exhibit:page': q.page,
    'exhibit:pageEnd': q.pageEnd,
    'exhibit:start': q.start,
    'exhibit:end': q.end,
    'exhibit:pageLabel': item.pinpoint,
    'exhibit:citation': plain(item.citation),
  };
}

export interface ExportJson {
  format: typeof EXPORT_JSON_FORMAT;
  version: number;
  title: string;
  introduction: string | null;
  style: string;
  created: string;
  sources: (CslItem & { 'exhibit:sha256': string; 'exhibit:fileName': string })[];
  annotations: WebAnnotation[];
  bibliography: string[];
}

/**
 * The export as JSON. A quote's TextPositionSelector comes from its `position`; without
 * one it is its page offsets when the document has a single page, else left out.
 */
export function toJson(rendered: RenderedExport): string {
  const value: ExportJson = {
    format: EXPORT_JSON_FORMAT,
    version: EXPORT_JSON_VERSION,
    title: rendered.model.title,
    introduction: rendered.model.introduction,
    style: rendered.model.style,
    created: rendered.createdAt,
    sources: modelDocuments(rendered.model).map((doc) => ({
      ...toCslItem(doc),
      'exhibit:sha256': doc.sha256,
      'exhibit:fileName': doc.fileName,
    })),
    annotations: rendered.items.map((item) => {
      const q = item.quote;
      const known =
        q.position ??
        (item.document.pageCount === 1 && q.page === 1 && q.pageEnd === 1 ? { start: q.start, end: q.end } : null);
      return toAnnotation(item, rendered.createdAt, known);
    }),
    bibliography: rendered.bibliography.map((b) => plain(b.entry)),
  };
  return JSON.stringify(value, null, 2) + '\n';
}
