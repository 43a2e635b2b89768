/** Independent readers for exported files: what another program would see in them. */
import { parseDocument, DomUtils } from 'htmlparser2';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import yauzl from 'yauzl';

/** Every entry of a zip (Buffer or path) as bytes, by name. */
export async function unzip(source: Buffer | string): Promise<{ entries: Map<string, Buffer>; comment: string }> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    const cb = (err: Error | null, z?: yauzl.ZipFile) => (err || !z ? reject(err) : resolve(z));
    if (typeof source === 'string') yauzl.open(source, { lazyEntries: true }, cb);
    else yauzl.fromBuffer(source, { lazyEntries: true }, cb);
  });
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return { entries, comment: zip.comment };
}

/** Text of each w:p paragraph of a WordprocessingML part, with its style id. */
export function wordParagraphs(xml: string): { style: string | null; text: string }[] {
  const doc = parseDocument(xml, { xmlMode: true });
  return DomUtils.getElementsByTagName('w:p', doc.children, true).map((p) => {
    const style = DomUtils.getElementsByTagName('w:pStyle', [p], true)[0]?.attribs['w:val'] ?? null;
    const parts: string[] = [];
    for (const node of DomUtils.getElementsByTagName((name) => name === 'w:t' || name === 'w:br', [p], true)) {
      parts.push(node.name === 'w:br' ? '\n' : DomUtils.textContent(node));
    }
    return { style, text: parts.join('') };
  });
}

/** The text of every page of a PDF, as pdf.js extracts it. */
export async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The visible text of an HTML file and its elements by tag name. */
export function htmlDocument(html: string) {
  const doc = parseDocument(html);
  return {
    text: DomUtils.textContent(doc),
    elements: (tag: string) => DomUtils.getElementsByTagName(tag, doc.children, true),
  };
}

/** Whether a PDF embeds the font programs it uses (every font dictionary has a FontFile2). */
export async function pdfEmbeddedFonts(bytes: Uint8Array): Promise<{ fonts: number; embedded: number }> {
  const doc = await PDFDocument.load(bytes);
  let fonts = 0;
  let embedded = 0;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    if (object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    fonts++;
    if (object.get(PDFName.of('FontFile2'))) embedded++;
  }
  return { fonts, embedded };
}
