/**
 * A tiny, byte-stable PDF writer over pdf-lib: DejaVu fonts (curly quotes and dashes
 * need a real Unicode font), fixed metadata dates, and paragraph wrapping that refuses
 * to overflow a page, so each page holds exactly the text the case says it does.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkitModule from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/** @pdf-lib/fontkit is a UMD bundle: under Node's ESM loader its API sits on `default`. */
const fontkit = (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule;

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export type FontFamily = 'sans' | 'serif';
export type FontStyle = 'regular' | 'bold' | 'italic';
export type Fonts = Record<FontStyle, PDFFont>;

const FONT_FILES: Record<FontFamily, Record<FontStyle, string>> = {
  sans: { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italic: 'DejaVuSans-Oblique.ttf' },
  serif: { regular: 'DejaVuSerif.ttf', bold: 'DejaVuSerif-Bold.ttf', italic: 'DejaVuSerif-Italic.ttf' },
};

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** The application the fictional author "used"; also keeps pdf-lib's default out. */
  creator: string;
  created: Date;
}

/** US Letter, one-inch margins, room for the footer. */
export const PAGE = { width: 612, height: 792, left: 72, right: 540, top: 720, bottom: 96 } as const;

export async function createPdf(info: PdfInfo, family: FontFamily): Promise<{ pdf: PDFDocument; fonts: Fonts }> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  pdf.setTitle(info.title, { showInWindowTitleBar: true });
  pdf.setAuthor(info.author);
  pdf.setSubject(info.subject);
  pdf.setKeywords(info.keywords);
  pdf.setCreator(info.creator);
  pdf.setProducer('Exhibit sample-case generator (pdf-lib)');
  pdf.setCreationDate(info.created);
  pdf.setModificationDate(info.created);
  pdf.setLanguage('en-US');
  const embed = (style: FontStyle) => {
    const file = FONT_FILES[family][style];
    // A fixed subset tag (six capitals, as PDF wants) instead of pdf-lib's random suffix.
    const tag = `EXH${family === 'sans' ? 'A' : 'B'}${style.slice(0, 2).toUpperCase()}`;
    return pdf.embedFont(readFileSync(join(FONT_DIR, file)), { subset: true, customName: `${tag}+${file.replace(/\.ttf$/, '')}` });
  };
  const fonts: Fonts = { regular: await embed('regular'), bold: await embed('bold'), italic: await embed('italic') };
  return { pdf, fonts };
}

/** One paragraph (or heading) as laid out on a page. */
export interface Block {
  text: string;
  style?: FontStyle;
  size?: number;
  /** Space above, in points. */
  before?: number;
  /** Left indent of every line, in points. */
  indent?: number;
  align?: 'left' | 'center';
  /** A hairline under the block. */
  rule?: boolean;
}

/** Greedy word wrap; a word longer than the line stands on its own line. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws the blocks from the top of the page down; throws rather than overflow into the footer. */
export function drawBlocks(page: PDFPage, fonts: Fonts, blocks: readonly Block[], label: string): void {
  let y = PAGE.top;
  for (const block of blocks) {
    const size = block.size ?? 11;
    const font = fonts[block.style ?? 'regular'];
    const indent = block.indent ?? 0;
    const width = PAGE.right - PAGE.left - indent;
    const leading = size * 1.4;
    y -= block.before ?? size * 0.7;
    for (const line of wrap(block.text, font, size, width)) {
      y -= leading;
      if (y < PAGE.bottom) throw new Error(`${label}: the text does not fit on the page (at "${line.slice(0, 40)}")`);
      const lineWidth = font.widthOfTextAtSize(line, size);
      const x = block.align === 'center' ? (PAGE.width - lineWidth) / 2 : PAGE.left + indent;
      page.drawText(line, { x, y, size, font, color: rgb(0.1, 0.1, 0.1) });
    }
    if (block.rule) {
      y -= size * 0.6;
      page.drawLine({ start: { x: PAGE.left, y }, end: { x: PAGE.right, y }, thickness: 0.6, color: rgb(0.4, 0.4, 0.4) });
    }
  }
}

/** The footer every page carries: the fiction notice and "Page n of m". */
export function drawFooter(page: PDFPage, fonts: Fonts, notice: string, pageNumber: number, pageCount: number): void {
  const size = 8;
  page.drawLine({ start: { x: PAGE.left, y: 70 }, end: { x: PAGE.right, y: 70 }, thickness: 0.4, color: rgb(0.5, 0.5, 0.5) });
  page.drawText(notice, { x: PAGE.left, y: 58, size, font: fonts.italic, color: rgb(0.35, 0.35, 0.35) });
  const label = `Page ${pageNumber} of ${pageCount}`;
  page.drawText(label, {
    x: PAGE.right - fonts.regular.widthOfTextAtSize(label, size),
    y: 44,
    size,
    font: fonts.regular,
    color: rgb(0.35, 0.35, 0.35),
  });
}

/** Lays out each page's blocks, adds footers, and saves without anything time-dependent. */
export async function writePages(
  pdf: PDFDocument,
  fonts: Fonts,
  pages: readonly (readonly Block[])[],
  notice: string,
  label: string,
): Promise<Uint8Array> {
  pages.forEach((blocks, i) => {
    const page = pdf.addPage([PAGE.width, PAGE.height]);
    drawBlocks(page, fonts, blocks, `${label} page ${i + 1}`);
    drawFooter(page, fonts, notice, i + 1, pages.length);
  });
  return pdf.save({ useObjectStreams: false });
}
