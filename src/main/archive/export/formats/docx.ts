/**
 * DOCX with the `docx` package: real Word headings (so the navigation pane and a table
 * of contents work), each quote in Word's "Quote" paragraph style, cites as footnotes
 * for note styles and after the quote for in-text styles, and a bibliography with
 * hanging indents.
 */
import { BorderStyle, Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { proseParagraphs } from '../../../../shared/prose.js';
import type { RenderedExport } from '../render.js';
import type { Span } from '../rich-text.js';
import { itemHeading, paragraphs, summaryLine, xmlSafe } from './common.js';

/** Rich-text spans as docx runs (shared with the chronology's table). */
export function runs(spans: readonly Span[]): TextRun[] {
  return spans.map(
    (s) =>
      new TextRun({
        text: xmlSafe(s.text),
        ...(s.italic ? { italics: true } : {}),
        ...(s.bold ? { bold: true } : {}),
        ...(s.smallCaps ? { smallCaps: true } : {}),
        ...(s.sup ? { superScript: true } : {}),
        ...(s.sub ? { subScript: true } : {}),
      }),
  );
}

function labelled(label: string, value: string): Paragraph {
  return new Paragraph({
    style: 'QuoteDetail',
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(xmlSafe(value))],
  });
}

/** The export as a .docx file. */
export async function toDocx(rendered: RenderedExport): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlSafe(rendered.model.title))] }),
    new Paragraph({ children: [new TextRun({ text: xmlSafe(summaryLine(rendered)), italics: true })] }),
  ];
  for (const p of paragraphs(rendered.model.introduction))
    children.push(new Paragraph({ children: [new TextRun(xmlSafe(p))] }));
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  for (const item of rendered.items) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(xmlSafe(itemHeading(item)))] }),
    );
    // The quote flowed as prose: one Word paragraph per paragraph of the source.
    const quoteParagraphs: (TextRun | FootnoteReferenceRun)[][] = proseParagraphs(item.quote.text).map((p) => [
      new TextRun(xmlSafe(p)),
    ]);
    if (quoteParagraphs.length === 0) quoteParagraphs.push([]);
    if (rendered.noteStyle) {
      footnotes[item.number] = { children: [new Paragraph({ children: runs(item.citation) })] };
      quoteParagraphs[quoteParagraphs.length - 1]?.push(new FootnoteReferenceRun(item.number));
    }
    for (const quoteRuns of quoteParagraphs) children.push(new Paragraph({ style: 'Quote', children: quoteRuns }));
    if (!rendered.noteStyle) children.push(new Paragraph({ style: 'QuoteDetail', children: runs(item.citation) }));
    if (item.quote.note) children.push(labelled('Note', item.quote.note));
    if (item.quote.tags.length) children.push(labelled('Tags', item.quote.tags.join(', ')));
  }
  children.push(
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(xmlSafe(rendered.bibliographyHeading))] }),
  );
  for (const entry of rendered.bibliography)
    children.push(new Paragraph({ style: 'Bibliography', children: runs(entry.entry) }));

  const doc = new Document({
    creator: 'Exhibit',
    title: xmlSafe(rendered.model.title),
    description: xmlSafe(summaryLine(rendered)),
    styles: {
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          paragraph: {
            indent: { left: 720, right: 720 },
            spacing: { before: 120, after: 120 },
            border: { left: { style: BorderStyle.SINGLE, size: 12, color: '999999', space: 8 } },
          },
        },
        {
          id: 'QuoteDetail',
          name: 'Quote Detail',
          basedOn: 'Normal',
          next: 'Normal',
          paragraph: { indent: { left: 720 } },
        },
        {
          id: 'Bibliography',
          name: 'Bibliography',
          basedOn: 'Normal',
          next: 'Bibliography',
          paragraph: { indent: { left: 720, hanging: 720 } },
        },
      ],
    },
    footnotes,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
