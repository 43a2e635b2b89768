/**
 * Citations and bibliographies with citeproc-js, the CSL processor Zotero and
 * Mendeley use, over the styles in resources/csl. Every citation is rendered on its
 * own as a first cite (no ibid., no "subsequent" short forms), so a quote carries a
 * complete cite wherever it is copied: a CSV row, a JSON annotation, a footnote. Only
 * `chicago-short-notes`, whose style has no other form, prints short notes.
 */
import CSL from 'citeproc';
import type { DocumentRecord } from '../../../../shared/document.js';
import { ArchiveError, messageOf } from '../../errors.js';
import type { CitationStyleId } from '../model.js';
import { spansFromHtml, type Span } from '../rich-text.js';
import { cslId, toCslItem, type CslItem } from './csl-json.js';
import { localeXml, STYLES, styleXml } from './styles.js';

export interface Citer {
  /** True for note styles (cites go in footnotes), false for in-text styles. */
  readonly noteStyle: boolean;
  readonly styleLabel: string;
  readonly bibliographyHeading: string;
  /** The citation of a document at a pinpoint (a page label or a range "2–3"). */
  cite(documentId: number, pinpoint: string | null): Span[];
  /** One entry per document, in the style's order, with the document it stands for. */
  bibliography(): { documentId: number; entry: Span[] }[];
}

/** Builds a processor for these documents in this style. */
export function createCiter(style: CitationStyleId, documents: readonly DocumentRecord[]): Citer {
  const items = new Map<string, CslItem>();
  for (const doc of documents) items.set(cslId(doc.id), toCslItem(doc));
  let engine: InstanceType<typeof CSL.Engine>;
  try {
    engine = new CSL.Engine(
      {
        retrieveLocale: () => localeXml(),
        // citeproc may annotate items it is given: hand it a copy.
        retrieveItem: (id: string) => structuredClone(items.get(id)),
      },
      styleXml(style),
      'en-US',
      true,
    );
    engine.setOutputFormat('html');
    engine.updateItems([...items.keys()]);
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError('corrupt', `style ${style}: the citation processor could not load it (${messageOf(error)})`);
  }
  const noteStyle = engine.opt.xclass === 'note';
  return {
    noteStyle,
    styleLabel: STYLES[style].label,
    bibliographyHeading: STYLES[style].bibliographyHeading,
    cite(documentId, pinpoint) {
      const id = cslId(documentId);
      if (!items.has(id))
        throw new ArchiveError('not-found', `document ${documentId}: not among the documents of this export`);
      const html = engine.makeCitationCluster([{ id, ...(pinpoint ? { locator: pinpoint, label: 'page' } : {}) }]);
      return spansFromHtml(html);
    },
    bibliography() {
      const result = engine.makeBibliography();
      if (!result) return [];
      const [params, entries] = result;
      return entries.map((html, i) => ({
        documentId: Number((params.entry_ids[i]?.[0] ?? '').replace(/^doc-/, '')),
        entry: spansFromHtml(html),
      }));
    },
  };
}
