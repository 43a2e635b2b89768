/** A chronology as PDF: each fact under its date and status, its sources with numbered citations, then the bibliography. */
import type { RenderedExport } from '../render.js';
import type { Span } from '../rich-text.js';
import { chronologyRows, roleLabel, statusText } from './chronology.js';
import { paragraphs } from './common.js';
import { GREY, toPdf, type Block } from './pdf.js';

function chronologyBlocks(rendered: RenderedExport): Block[] {
  const out: Block[] = [{ spans: [{ text: rendered.model.title }], size: 18, bold: true, spaceAfter: 10 }];
  for (const p of paragraphs(rendered.model.introduction)) out.push({ spans: [{ text: p }], size: 11, spaceAfter: 6 });
  let note = 0;
  for (const { fact, sources } of chronologyRows(rendered)) {
    out.push({
      spans: [{ text: `${fact.date}  ·  ${statusText(fact)}` }],
      size: 10,
      bold: true,
      color: GREY,
      spaceBefore: 10,
      keepWithNext: true,
    });
    out.push({ spans: [{ text: fact.statement }], size: 12, spaceAfter: 3 });
    if (fact.note) out.push({ spans: [{ text: fact.note, italic: true }], size: 10, indent: 12, spaceAfter: 2 });
    if (fact.tags.length)
      out.push({ spans: [{ text: 'Tags: ', bold: true }, { text: fact.tags.join(', ') }], size: 9.5, indent: 12 });
    for (const s of sources) {
      const cite: Span[] = rendered.noteStyle ? [{ text: `${++note}. ` }, ...s.item.citation] : s.item.citation;
      out.push({
        spans: [
          { text: `${roleLabel(s.role)}: `, bold: true },
          { text: `“${s.item.quote.text.replace(/\s+/g, ' ')}” (${s.item.pageText}) ` },
        ],
        size: 10,
        indent: 24,
        rule: true,
        spaceAfter: 1,
      });
      out.push({ spans: cite, size: 9, indent: 24, color: GREY, spaceAfter: 3 });
    }
  }
  if (rendered.bibliography.length) {
    out.push({
      spans: [{ text: rendered.bibliographyHeading }],
      size: 14,
      bold: true,
      spaceBefore: 18,
      spaceAfter: 6,
      keepWithNext: true,
    });
    for (const entry of rendered.bibliography) out.push({ spans: entry.entry, size: 10, hanging: 24, spaceAfter: 4 });
  }
  return out;
}

export function toChronologyPdf(rendered: RenderedExport): Promise<{ bytes: Uint8Array; warnings: string[] }> {
  return toPdf(rendered, chronologyBlocks);
}
