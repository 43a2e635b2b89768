/**
 * HTML: one self-contained file (no external resource, no script). Every piece of
 * archive text is escaped; a Content-Security-Policy forbids scripts, frames, forms and
 * loads of any kind, so even a hostile quote cannot run code when the file is opened.
 */
import { createHash } from 'node:crypto';
import { flowAsProse } from '../../../../shared/prose.js';
import type { RenderedExport } from '../render.js';
import type { Span } from '../rich-text.js';
import { itemHeading, paragraphs, summaryLine } from './common.js';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function spansToHtml(spans: readonly Span[]): string {
  return spans
    .map((s) => {
      let html = escapeHtml(s.text);
      if (s.smallCaps) html = `<span class="sc">${html}</span>`;
      if (s.italic) html = `<i>${html}</i>`;
      if (s.bold) html = `<b>${html}</b>`;
      if (s.sup) html = `<sup>${html}</sup>`;
      if (s.sub) html = `<sub>${html}</sub>`;
      return html;
    })
    .join('');
}

const CSS = `
body { font-family: Georgia, "DejaVu Serif", serif; max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #111; }
.summary { color: #555; font-style: italic; }
blockquote { margin: 0.5em 0 0.5em 1.5em; padding-left: 1em; border-left: 3px solid #999; white-space: pre-wrap; }
.citation { margin-left: 2.5em; }
.note, .tags { margin-left: 2.5em; color: #333; }
.sc { font-variant: small-caps; }
.bibliography li { padding-left: 2em; text-indent: -2em; list-style: none; }
.bibliography ul { padding-left: 0; }
`;

/** The CSP: nothing may load or run; only the one inline style block, pinned by its hash. */
export function contentSecurityPolicy(css: string = CSS): string {
  const hash = createHash('sha256').update(css).digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; script-src 'none'; object-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'`;
}

/** The export as one HTML file. */
export function toHtml(rendered: RenderedExport): string {
  const title = escapeHtml(rendered.model.title);
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy())}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="generator" content="Exhibit">',
    `<title>${title}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<h1>${title}</h1>`,
    `<p class="summary">${escapeHtml(summaryLine(rendered))}</p>`,
  ];
  for (const p of paragraphs(rendered.model.introduction)) out.push(`<p>${escapeHtml(p)}</p>`);
  for (const item of rendered.items) {
    const n = item.number;
    out.push(`<section class="quote" id="quote-${n}" data-quote-id="${item.quote.id}">`);
    out.push(`<h2>${escapeHtml(itemHeading(item))}</h2>`);
    const mark = rendered.noteStyle ? `<sup><a href="#note-${n}" id="ref-${n}">${n}</a></sup>` : '';
    out.push(`<blockquote>${escapeHtml(flowAsProse(item.quote.text))}${mark}</blockquote>`);
    if (!rendered.noteStyle) out.push(`<p class="citation">${spansToHtml(item.citation)}</p>`);
    if (item.quote.note) out.push(`<p class="note"><b>Note:</b> ${escapeHtml(item.quote.note)}</p>`);
    if (item.quote.tags.length) out.push(`<p class="tags"><b>Tags:</b> ${escapeHtml(item.quote.tags.join(', '))}</p>`);
    out.push('</section>');
  }
  if (rendered.noteStyle && rendered.items.length) {
    out.push('<section class="notes">', '<h2>Notes</h2>', '<ol>');
    for (const item of rendered.items) {
      out.push(`<li id="note-${item.number}">${spansToHtml(item.citation)} <a href="#ref-${item.number}">↩</a></li>`);
    }
    out.push('</ol>', '</section>');
  }
  out.push('<section class="bibliography">', `<h2>${escapeHtml(rendered.bibliographyHeading)}</h2>`, '<ul>');
  for (const entry of rendered.bibliography) out.push(`<li>${spansToHtml(entry.entry)}</li>`);
  out.push('</ul>', '</section>', '</body>', '</html>', '');
  return out.join('\n');
}
