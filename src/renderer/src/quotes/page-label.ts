/** Page numbers the way readers cite them: the PDF's own labels, else the user's offset. */
import type { DocumentRecord } from '../../../shared/document.js';

export function pageLabel(doc: Pick<DocumentRecord, 'pageLabels' | 'pageLabelOffset'>, page: number): string {
  const own = doc.pageLabels?.[page - 1];
  if (own) return own;
  return String(page + doc.pageLabelOffset);
}

/** "p. 2", "pp. 2–3". */
export function pinpoint(doc: Pick<DocumentRecord, 'pageLabels' | 'pageLabelOffset'>, page: number, pageEnd: number): string {
  const first = pageLabel(doc, page);
  if (pageEnd === page) return `p. ${first}`;
  return `pp. ${first}–${pageLabel(doc, pageEnd)}`;
}
