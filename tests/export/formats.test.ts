import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportModel } from '../../src/main/archive/export/export-file.js';
import { renderExport, type RenderedExport } from '../../src/main/archive/export/render.js';
import type { CitationStyleId, ExportModel } from '../../src/main/archive/export/model.js';
import { flowAsProse } from '../../src/shared/prose.js';
import { tempDir } from '../helpers/archive.js';
import { exportFixture, squash } from '../helpers/export-fixture.js';
import { htmlDocument, parseCsv, pdfEmbeddedFonts, pdfText, unzip, wordParagraphs } from '../helpers/readers.js';

/** Markdown read as a person reads it: escapes, emphasis marks and quote markers gone. */
function markdownText(md: string): string {
  return md
    .replace(/^> ?/gm, '')
    .replace(/\[\^\d+\]:?/g, ' ')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/(?<!\\)\*+/g, '');
}

/** Two note styles (Chicago notes and bibliography, legal) and an in-text one. */
const STYLES = ['chicago', 'legal', 'chicago-author-date'] as const;
const models = new Map<CitationStyleId, ExportModel>();
const rendered = new Map<CitationStyleId, RenderedExport>();

beforeAll(async () => {
  for (const style of STYLES) {
    const { model } = await exportFixture(style);
    models.set(style, model);
    rendered.set(style, renderExport(model));
  }
});

function setup(style: CitationStyleId) {
  const model = models.get(style) as ExportModel;
  const r = rendered.get(style) as RenderedExport;
  return { model, r, dir: tempDir() };
}

describe.each(STYLES)('exports in %s style', (style) => {
  it('Markdown shows every quote, its citation and its page, and a bibliography', async () => {
    const { model, r, dir } = setup(style);
    const out = join(dir, 'quotes.md');
    await exportModel(model, 'md', out);
    const md = readFileSync(out, 'utf8');
    const text = squash(markdownText(md));
    for (const item of r.items) {
      expect(text).toContain(squash(flowAsProse(item.quote.text)));
      expect(text).toContain(squash(item.citationText));
      expect(text).toContain(`${item.pageText}`);
    }
    if (r.noteStyle) expect(md).toMatch(/\[\^1\]: /);
    else expect(md).not.toMatch(/\[\^1\]/);
    expect(md).toContain(`## ${r.bibliographyHeading}`);
    for (const b of r.bibliography) expect(text).toContain(squash(b.entry.map((s) => s.text).join('')));
    // The hostile note is text, not markup.
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>');
  });

  it('HTML is one escaped file whose policy forbids scripts and loads', async () => {
    const { model, r, dir } = setup(style);
    const out = join(dir, 'quotes.html');
    await exportModel(model, 'html', out);
    const html = readFileSync(out, 'utf8');
    const doc = htmlDocument(html);
    expect(doc.elements('script')).toHaveLength(0);
    const csp =
      doc.elements('meta').find((m) => m.attribs['http-equiv'] === 'Content-Security-Policy')?.attribs['content'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'none'");
    expect(html).not.toMatch(/\b(src|href)="(https?:|\/\/)/);
    const text = squash(doc.text);
    for (const item of r.items) {
      expect(text).toContain(squash(flowAsProse(item.quote.text)));
      expect(text).toContain(squash(item.citationText));
      expect(text).toContain(item.pageText);
    }
    expect(text).toContain('<script>alert("x")</script>');
    expect(doc.elements('b').some((b) => b.children.length && html.includes('&lt;b&gt;quotes&lt;/b&gt;'))).toBe(true);
  });

  it('DOCX has headings, block-quote paragraphs, and footnotes for note styles', async () => {
    const { model, r, dir } = setup(style);
    const out = join(dir, 'quotes.docx');
    await exportModel(model, 'docx', out);
    const { entries } = await unzip(out);
    const body = wordParagraphs(entries.get('word/document.xml')?.toString('utf8') ?? '');
    const footnotes = wordParagraphs(entries.get('word/footnotes.xml')?.toString('utf8') ?? '');
    const quotes = body.filter((p) => p.style === 'Quote').map((p) => p.text);
    const headings = body.filter((p) => p.style === 'Heading2').map((p) => p.text);
    expect(body.some((p) => p.style === 'Title')).toBe(true);
    expect(quotes).toHaveLength(r.items.length);
    const bodyText = squash(body.map((p) => p.text).join(' '));
    const noteText = squash(footnotes.map((p) => p.text).join(' '));
    for (const [i, item] of r.items.entries()) {
      // Flowed as prose: the PDF's line ends are not Word line breaks (src/shared/prose.ts).
      expect(quotes[i]).toBe(flowAsProse(item.quote.text));
      expect(headings[i]).toContain(item.pageText);
      expect(r.noteStyle ? noteText : bodyText).toContain(squash(item.citationText));
    }
    expect(entries.get('word/document.xml')?.toString('utf8').includes('w:footnoteReference')).toBe(r.noteStyle);
    expect(body.filter((p) => p.style === 'Bibliography')).toHaveLength(r.bibliography.length);
    if (style === 'chicago') {
      // Chicago notes and bibliography: a full note with author, title, date and page, and an inverted entry.
      expect(noteText).toContain(
        'Richard J. Durbin and Amy Klobuchar to Nancy Nord, “Letter to the CPSC on Lead in Toys,” Letter, August 7, 2007, 1.',
      );
      expect(noteText).toContain('Drug Enforcement Administration, “Schedules of Controlled Substances,” n.d., 12–13.');
      expect(body.filter((p) => p.style === 'Bibliography').map((p) => squash(p.text))).toContain(
        'Durbin, Richard J., and Amy Klobuchar. Letter to Nancy Nord. “Letter to the CPSC on Lead in Toys.” Letter, August 7, 2007.',
      );
      expect(body.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['Bibliography']);
    }
  });
});

describe('other formats', () => {
  it('PDF embeds its fonts and extracts with every quote, citation and page', async () => {
    const { model, r, dir } = setup('chicago');
    const out = join(dir, 'quotes.pdf');
    const result = await exportModel(model, 'pdf', out);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const fonts = await pdfEmbeddedFonts(bytes);
    expect(fonts.fonts).toBeGreaterThan(0);
    expect(fonts.embedded).toBe(fonts.fonts);
    // Page footers ("1 / 2") are drawn last on each page: leave them out.
    const text = squash((await pdfText(bytes)).map((p) => p.replace(/\d+ \/ \d+\s*$/, '')).join('\n'));
    for (const item of r.items) {
      expect(text).toContain(squash(flowAsProse(item.quote.text)));
      expect(text).toContain(squash(item.citationText));
      expect(text).toContain(item.pageText);
    }
    // Curly quotes, dashes and accents come back as themselves.
    expect(text).toContain('“curly” — dash, café');
    expect(text).toContain('<script>alert("x")</script>');
    expect(result.warnings.some((w) => w.includes('no date'))).toBe(true);
  });

  it('PDF wraps long text onto new pages and marks characters it cannot draw', async () => {
    const { model, dir } = setup('chicago');
    const long = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(400);
    const first = model.items[0];
    if (!first) throw new Error('no items');
    const big: ExportModel = {
      ...model,
      style: 'apa',
      items: [{ ...first, quote: { ...first.quote, text: `${long}한국어 ${'x'.repeat(300)}` } }],
    };
    const out = join(dir, 'long.pdf');
    const result = await exportModel(big, 'pdf', out);
    const pages = await pdfText(readFileSync(out));
    expect(pages.length).toBeGreaterThan(3);
    expect(squash(pages.join(' '))).toContain(squash(long.slice(0, 2000)));
    expect(result.warnings.join(' ')).toContain('print as "?"');
  });

  it('CSV has one RFC 4180 row a quote and defuses formulas', async () => {
    const { model, r, dir } = setup('chicago');
    const out = join(dir, 'quotes.csv');
    await exportModel(model, 'csv', out);
    const raw = readFileSync(out, 'utf8');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(raw.slice(1));
    const [header, ...body] = rows;
    expect(header).toEqual([
      'quote_id',
      'text',
      'document',
      'document_id',
      'page',
      'citation',
      'reference',
      'tags',
      'note',
      'sha256',
    ]);
    expect(body).toHaveLength(r.items.length);
    for (const [i, item] of r.items.entries()) {
      const row = body[i] ?? [];
      expect(row[1]).toBe(item.quote.text);
      expect(row[2]).toBe(item.document.title);
      expect(row[4]).toBe(item.pinpoint);
      expect(row[5]).toBe(item.citationText);
      expect(row[9]).toBe(item.document.sha256);
    }
    const hostile = body.find((row) => row[0] === '101') ?? [];
    expect(hostile[7]).toBe("'=cmd|calc; agency/CPSC");
    for (const row of body) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('JSON holds CSL-JSON sources and Web Annotations with their selectors', async () => {
    const { model, r, dir } = setup('legal');
    const out = join(dir, 'quotes.json');
    await exportModel(model, 'json', out);
    const json = JSON.parse(readFileSync(out, 'utf8')) as {
      sources: { id: string; type: string; title: string; issued?: { 'date-parts': number[][] } }[];
      annotations: {
        type: string;
        target: {
          source: string;
          selector: { type: string; exact?: string; prefix?: string; start?: number; end?: number; value?: string }[];
        };
        'exhibit:citation': string;
        'exhibit:page': number;
      }[];
    };
    expect(json.sources.map((s) => s.type)).toEqual(['letter', 'speech', 'report', 'document']);
    expect(json.sources[0]?.issued).toEqual({ 'date-parts': [[2007, 8, 7]] });
    expect(json.annotations).toHaveLength(r.items.length);
    for (const [i, item] of r.items.entries()) {
      const a = json.annotations[i];
      expect(a?.type).toBe('Annotation');
      expect(a?.target.source).toBe(`urn:sha256:${item.document.sha256}`);
      const quote = a?.target.selector.find((s) => s.type === 'TextQuoteSelector');
      const position = a?.target.selector.find((s) => s.type === 'TextPositionSelector');
      const page = a?.target.selector.find((s) => s.type === 'FragmentSelector');
      expect(quote?.exact).toBe(item.quote.text);
      expect(quote?.prefix).toBe(item.quote.prefix);
      expect(position).toEqual({
        type: 'TextPositionSelector',
        start: item.quote.position?.start,
        end: item.quote.position?.end,
      });
      expect(page?.value).toBe(`page=${item.quote.page}`);
      expect(a?.['exhibit:citation']).toBe(item.citationText);
    }
  });
});
