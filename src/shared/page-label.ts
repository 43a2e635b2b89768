/**
 * Page numbers the way readers cite them. Quotes keep the physical page (1-based);
 * what is printed on that page comes from, in order: the offset the user set
 * ("physical page 1 is printed as 1 + offset"), the PDF's own /PageLabels, the
 * physical number. Pure, so the renderer, the core and the exports agree.
 */

/** The part of a document record that decides its page labels. */
export interface PageLabelSource {
  pageLabels: string[] | null;
  pageLabelOffset: number;
}

/** The label printed on physical page `physical` (1-based). */
export function pageLabel(doc: PageLabelSource, physical: number): string {
  if (doc.pageLabelOffset !== 0) return String(physical + doc.pageLabelOffset);
  const label = doc.pageLabels?.[physical - 1];
  if (label !== undefined && label.trim() !== '') return label.trim();
  return String(physical);
}

/**
 * A pinpoint for physical pages `page` to `pageEnd`: "4" or "4–5" (en dash), the form
 * a CSL processor reads as one page or a range (p. 4, pp. 4–5).
 */
export function pageRangeLabel(doc: PageLabelSource, page: number, pageEnd: number = page): string {
  const first = pageLabel(doc, page);
  if (pageEnd <= page) return first;
  const last = pageLabel(doc, pageEnd);
  return first === last ? first : `${first}\u2013${last}`;
}
