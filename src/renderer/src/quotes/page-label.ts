/** Page numbers the way readers cite them, from the shared rules (src/shared/page-label.ts). */
import { pageLabel, pageRangeLabel, type PageLabelSource } from '../../../shared/page-label.js';

export { pageLabel };

/** "p. 2", "pp. 2–3". */
export function pinpoint(doc: PageLabelSource, page: number, pageEnd: number): string {
  const range = pageRangeLabel(doc, page, pageEnd);
  return range.includes('\u2013') ? `pp. ${range}` : `p. ${range}`;
}
