/**
 * A chronology as DOCX: a table of date, fact, status and sources, each source's quote
 * cited as a footnote in note styles (after the quote, in the cell, for in-text styles),
 * then the bibliography.
 */
import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { RenderedExport } from '../render.js';
import { chronologyRows, roleLabel, statusText, type ChronologySource } from './chronology.js';
import { paragraphs, xmlSafe } from './common.js';
import { runs } from './docx.js';

const cell = (children: Paragraph[], width: number): TableCell =>
  new TableCell({
    children: children.length ? children : [new Paragraph('')],
    width: { size: width, type: WidthType.PERCENTAGE },
  });

const header = (text: string, width: number): TableCell =>
  cell([new Paragraph({ children: [new TextRun({ text, bold: true })] })], width);

/** The chronology as a .docx file. */
export async function toChronologyDocx(rendered: RenderedExport): Promise<Buffer> {
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  let nextNote = 1;
  const sourceParagraph = (source: ChronologySource): Paragraph => {
    const children: (TextRun | FootnoteReferenceRun)[] = [
      new TextRun({ text: `${roleLabel(source.role)}: `, bold: true }),
      new TextRun(xmlSafe(`“${source.item.quote.text.replace(/\s+/g, ' ')}” (${source.item.pageText})`)),
    ];
    if (rendered.noteStyle) {
      footnotes[nextNote] = { children: [new Paragraph({ children: runs(source.item.citation) })] };
      children.push(new FootnoteReferenceRun(nextNote++));
    } else children.push(new TextRun(' '), ...runs(source.item.citation));
    return new Paragraph({ children });
  };
  const rows = [
    new TableRow({
      tableHeader: true,
      children: [header('Date', 14), header('Fact', 36), header('Status', 12), header('Sources', 38)],
    }),
  ];
  for (const { fact, sources } of chronologyRows(rendered)) {
    const factParagraphs = [new Paragraph({ children: [new TextRun(xmlSafe(fact.statement))] })];
    if (fact.note)
      factParagraphs.push(new Paragraph({ children: [new TextRun({ text: xmlSafe(fact.note), italics: true })] }));
    if (fact.tags.length)
      factParagraphs.push(
        new Paragraph({ children: [new TextRun({ text: `Tags: ${xmlSafe(fact.tags.join(', '))}` })] }),
      );
    rows.push(
      new TableRow({
        children: [
          cell([new Paragraph(xmlSafe(fact.date))], 14),
          cell(factParagraphs, 36),
          cell([new Paragraph(statusText(fact))], 12),
          cell(sources.map(sourceParagraph), 38),
        ],
      }),
    );
  }
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlSafe(rendered.model.title))] }),
    ...paragraphs(rendered.model.introduction).map((p) => new Paragraph({ children: [new TextRun(xmlSafe(p))] })),
    new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }),
  ];
  if (rendered.bibliography.length) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [new TextRun(xmlSafe(rendered.bibliographyHeading))],
      }),
    );
    for (const entry of rendered.bibliography)
      children.push(new Paragraph({ indent: { left: 720, hanging: 720 }, children: runs(entry.entry) }));
  }
  const doc = new Document({
    creator: 'Exhibit',
    title: xmlSafe(rendered.model.title),
    footnotes,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
