/** A document's file format in words (PDF, Web page, Text…), read out to screen readers as "format: PDF". */
import type { DocumentFormat } from '../../../shared/document.js';
import { formatLabel } from './format.js';

export function FormatBadge({ format }: { format: DocumentFormat }) {
  return (
    <span className="format-badge" data-format={format}>
      <span className="sr-only">, format: </span>
      <span className="format-name">{formatLabel(format)}</span>
    </span>
  );
}
