/**
 * PDF with pdf-lib: A4 pages, DejaVu fonts embedded (see pdf-fonts.ts) so curly quotes,
 * dashes, accents and most non-Latin scripts print and extract as the same characters,
 * text wrapped to the page with page breaks, each quote's line breaks kept.
 * Limits: no shaping or right-to-left reordering (Arabic and Hebrew print in logical
 * order, unjoined), and scripts DejaVu lacks (Chinese, Japanese, Korean) print as "?"
 * with a warning; the Markdown and HTML copies keep them.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { flowAsProse } from '../../../../shared/prose.js';
import type { RenderedExport } from '../render.js';
import type { Span } from '../rich-text.js';
import { itemHeading, paragraphs, summaryLine } from './common.js';
import { fontBytes, fontkit, hasGlyph, type FontFace } from './pdf-fonts.js';

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 64, bottom: 64, left: 64, right: 64 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const REPLACEMENT = '?';

interface Run {
  text: string;
  face: FontFace;
  width: number;
}
type Line = Run[];

export interface Block {
  spans: Span[];
  size: number;
  /** Left indent of every line, and extra indent of lines after the first (hanging). */
  indent?: number;
  hanging?: number;
  bold?: boolean;
  italic?: boolean;
  spaceBefore?: number;
  spaceAfter?: number;
  /** Draw a rule left of the lines (block quotes). */
  rule?: boolean;
  color?: [number, number, number];
  /** Keep with the next block (headings). */
  keepWithNext?: boolean;
}

class Typesetter {
  readonly warnings = new Set<string>();
  private readonly fonts = new Map<FontFace, PDFFont>();
  private readonly widths = new Map<string, number>();

  constructor(private readonly doc: PDFDocument) {}

  async font(face: FontFace): Promise<PDFFont> {
    let font = this.fonts.get(face);
    if (!font) {
      font = await this.doc.embedFont(fontBytes(face), { subset: true });
      this.fonts.set(face, font);
    }
    return font;
  }

  /** Splits a word into runs by the face that can draw each character. */
  private faces(word: string, primary: FontFace): { text: string; face: FontFace }[] {
    const out: { text: string; face: FontFace }[] = [];
    for (const ch of word) {
      const cp = ch.codePointAt(0) ?? 0;
      let face: FontFace = primary;
      let text = ch;
      if (!hasGlyph(primary, cp)) {
        if (hasGlyph('sans', cp)) face = 'sans';
        else if (/\p{M}|\p{Cf}/u.test(ch))
          continue; // a mark or format character no font draws: leave it out
        else {
          text = REPLACEMENT;
          this.warnings.add(
            'some characters have no glyph in the PDF fonts and print as "?"; the Markdown and HTML copies keep them',
          );
        }
      }
      const last = out[out.length - 1];
      if (last && last.face === face) last.text += text;
      else out.push({ text, face });
    }
    return out;
  }

  async width(text: string, face: FontFace, size: number): Promise<number> {
    const key = `${face}\u0000${text}`;
    let unit = this.widths.get(key);
    if (unit === undefined) {
      unit = (await this.font(face)).widthOfTextAtSize(text, 1000) / 1000;
      this.widths.set(key, unit);
    }
    return unit * size;
  }

  /** Breaks a block into lines no wider than its measure. */
  async lines(block: Block): Promise<Line[]> {
    const indent = block.indent ?? 0;
    const lines: Line[] = [];
    let line: Line = [];
    let used = 0;
    let pendingSpace = false;
    const measure = () => TEXT_WIDTH - indent - (lines.length > 0 ? (block.hanging ?? 0) : 0);
    const newLine = () => {
      lines.push(line);
      line = [];
      used = 0;
      pendingSpace = false;
    };
    for (const span of block.spans) {
      const primary: FontFace = block.bold || span.bold ? 'bold' : block.italic || span.italic ? 'italic' : 'regular';
      for (const token of span.text.match(/\n|[^\S\n]+|[^\s]+/g) ?? []) {
        if (token === '\n') {
          newLine();
          continue;
        }
        if (/^\s+$/.test(token)) {
          pendingSpace = line.length > 0;
          continue;
        }
        const parts = this.faces(token, primary);
        const runs: Run[] = [];
        for (const part of parts) runs.push({ ...part, width: await this.width(part.text, part.face, block.size) });
        const wordWidth = runs.reduce((sum, r) => sum + r.width, 0);
        const space = pendingSpace ? await this.width(' ', primary, block.size) : 0;
        if (line.length > 0 && used + space + wordWidth > measure()) newLine();
        else if (pendingSpace) {
          line.push({ text: ' ', face: primary, width: space });
          used += space;
        }
        pendingSpace = false;
        if (wordWidth <= measure()) {
          line.push(...runs);
          used += wordWidth;
          continue;
        }
        // A word longer than the line (a URL, a hash): break it between characters.
        for (const run of runs) {
          for (const ch of run.text) {
            const w = await this.width(ch, run.face, block.size);
            if (used + w > measure() && line.length > 0) newLine();
            const last = line[line.length - 1];
            if (last && last.face === run.face && last.text !== ' ') {
              last.text += ch;
              last.width += w;
            } else line.push({ text: ch, face: run.face, width: w });
            used += w;
          }
        }
      }
    }
    if (line.length > 0 || lines.length === 0) lines.push(line);
    return lines;
  }
}

class Writer {
  private page!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    private readonly type: Typesetter,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - MARGIN.top;
  }

  async block(block: Block, next?: Block): Promise<void> {
    const lines = await this.type.lines(block);
    const leading = block.size * 1.35;
    if (this.y < PAGE.height - MARGIN.top) this.y -= block.spaceBefore ?? 0;
    // A heading is not left alone at the foot of a page.
    const keep = block.keepWithNext && next ? next.size * 1.35 * 2 : 0;
    if (this.y - leading * Math.min(lines.length, 2) - keep < MARGIN.bottom) this.newPage();
    for (const [i, line] of lines.entries()) {
      if (this.y - leading < MARGIN.bottom) this.newPage();
      this.y -= leading;
      let x = MARGIN.left + (block.indent ?? 0) + (i > 0 ? (block.hanging ?? 0) : 0);
      const color = block.color ? rgb(...block.color) : rgb(0, 0, 0);
      // One text object per stretch of one face, spaces included, so readers extract words with their spaces.
      for (const run of merge(line)) {
        if (run.text.trim() !== '')
          this.page.drawText(run.text, { x, y: this.y, size: block.size, font: await this.type.font(run.face), color });
        x += run.width;
      }
      if (block.rule) {
        const rx = MARGIN.left + (block.indent ?? 0) - 10;
        this.page.drawLine({
          start: { x: rx, y: this.y - leading * 0.3 },
          end: { x: rx, y: this.y + leading * 0.75 },
          thickness: 1.5,
          color: rgb(0.6, 0.6, 0.6),
        });
      }
    }
    this.y -= block.spaceAfter ?? 0;
  }
}

function merge(line: Line): Line {
  const out: Line = [];
  for (const run of line) {
    const last = out[out.length - 1];
    if (last && last.face === run.face) {
      last.text += run.text;
      last.width += run.width;
    } else out.push({ ...run });
  }
  return out;
}

export const GREY: [number, number, number] = [0.33, 0.33, 0.33];

function blocks(rendered: RenderedExport): Block[] {
  const out: Block[] = [
    { spans: [{ text: rendered.model.title }], size: 18, bold: true, spaceAfter: 6 },
    { spans: [{ text: summaryLine(rendered) }], size: 9, italic: true, color: GREY, spaceAfter: 10 },
  ];
  for (const p of paragraphs(rendered.model.introduction)) out.push({ spans: [{ text: p }], size: 11, spaceAfter: 6 });
  for (const item of rendered.items) {
    out.push({
      spans: [{ text: itemHeading(item) }],
      size: 12.5,
      bold: true,
      spaceBefore: 12,
      spaceAfter: 4,
      keepWithNext: true,
    });
    out.push({ spans: [{ text: flowAsProse(item.quote.text) }], size: 11, indent: 24, rule: true, spaceAfter: 4 });
    const citation: Span[] = rendered.noteStyle ? [{ text: `${item.number}. ` }, ...item.citation] : item.citation;
    out.push({ spans: citation, size: 9.5, indent: 24, color: GREY, spaceAfter: 3 });
    if (item.quote.note)
      out.push({
        spans: [{ text: 'Note: ', bold: true }, { text: item.quote.note }],
        size: 9.5,
        indent: 24,
        spaceAfter: 2,
      });
    if (item.quote.tags.length)
      out.push({
        spans: [{ text: 'Tags: ', bold: true }, { text: item.quote.tags.join(', ') }],
        size: 9.5,
        indent: 24,
      });
  }
  out.push({
    spans: [{ text: rendered.bibliographyHeading }],
    size: 14,
    bold: true,
    spaceBefore: 18,
    spaceAfter: 6,
    keepWithNext: true,
  });
  for (const entry of rendered.bibliography) out.push({ spans: entry.entry, size: 10, hanging: 24, spaceAfter: 4 });
  return out;
}

/** The export as a PDF; `warnings` says what could not be printed as is. */
export async function toPdf(
  rendered: RenderedExport,
  layout: (rendered: RenderedExport) => Block[] = blocks,
): Promise<{ bytes: Uint8Array; warnings: string[] }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  doc.setTitle(rendered.model.title);
  doc.setCreator('Exhibit');
  doc.setProducer('Exhibit (pdf-lib)');
  doc.setSubject(summaryLine(rendered));
  const created = new Date(rendered.createdAt);
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  const type = new Typesetter(doc);
  const writer = new Writer(doc, type);
  const list = layout(rendered);
  for (const [i, block] of list.entries()) await writer.block(block, list[i + 1]);
  const footer = await type.font('regular');
  const total = writer.pages.length;
  writer.pages.forEach((page, i) => {
    const label = `${i + 1} / ${total}`;
    page.drawText(label, {
      x: PAGE.width / 2 - footer.widthOfTextAtSize(label, 8) / 2,
      y: MARGIN.bottom / 2,
      size: 8,
      font: footer,
      color: rgb(...GREY),
    });
  });
  const bytes = await doc.save({ useObjectStreams: true });
  return { bytes, warnings: [...type.warnings] };
}
