/**
 * Markdown: the quote document as plain text anyone can read, diff and paste. All
 * archive text is backslash-escaped so no quote, note or title turns into markup,
 * a link or raw HTML.
 */
import { flowAsProse } from '../../../../shared/prose.js';
import type { RenderedExport } from '../render.js';
import type { Span } from '../rich-text.js';
import { itemHeading, paragraphs, summaryLine } from './common.js';

/** Escapes CommonMark's punctuation so text stays text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^(\s*)(\d+)([.)])/gm, '$1$2\\$3')
    .replace(/^(\s*)([-=+#])/gm, '$1\\$2');
}

function spansToMarkdown(spans: readonly Span[]): string {
  return spans
    .map((span) => {
      const body = escapeMarkdown(span.text);
      if (!span.italic && !span.bold) return body;
      const mark = span.bold ? (span.italic ? '***' : '**') : '*';
      // Emphasis may not start or end with white space: keep it outside the marks.
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(body);
      return m && m[2] ? `${m[1]}${mark}${m[2]}${mark}${m[3]}` : body;
    })
    .join('');
}

function blockquote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeMarkdown(line)}`))
    .join('\n');
}

/** The export as a Markdown document. */
export function toMarkdown(rendered: RenderedExport): string {
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(rendered.model.title)}`, '', `*${escapeMarkdown(summaryLine(rendered))}*`, '');
  for (const p of paragraphs(rendered.model.introduction)) out.push(escapeMarkdown(p), '');
  for (const item of rendered.items) {
    out.push(`## ${escapeMarkdown(itemHeading(item))}`, '');
    const quote = blockquote(flowAsProse(item.quote.text));
    out.push(rendered.noteStyle ? `${quote}[^${item.number}]` : quote, '');
    if (!rendered.noteStyle) out.push(spansToMarkdown(item.citation), '');
    if (item.quote.note) out.push(`**Note:** ${escapeMarkdown(item.quote.note)}`, '');
    if (item.quote.tags.length) out.push(`**Tags:** ${escapeMarkdown(item.quote.tags.join(', '))}`, '');
  }
  if (rendered.noteStyle && rendered.items.length) {
    for (const item of rendered.items) out.push(`[^${item.number}]: ${spansToMarkdown(item.citation)}`);
    out.push('');
  }
  out.push(`## ${escapeMarkdown(rendered.bibliographyHeading)}`, '');
  for (const entry of rendered.bibliography) out.push(`- ${spansToMarkdown(entry.entry)}`);
  out.push('');
  return out.join('\n');
}
