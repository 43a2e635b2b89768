/**
 * DOCX with mammoth, after zip-guard.ts has looked the package over (zip bombs, lying
 * headers, unsafe names, XML entity declarations). mammoth's HTML keeps footnotes,
 * endnotes and text boxes that its raw-text mode drops; it then goes through the same
 * text extractor as HTML pages. External files are never read and images never decoded.
 * Metadata comes from docProps/core.xml and app.xml.
 */
import mammoth from 'mammoth';
import type { DocumentMetadata } from '../../../shared/document.js';
import { ArchiveError, messageOf } from '../errors.js';
import { stripControls } from './decode-text.js';
import { htmlToText } from './html-text.js';
import { partialDate } from './partial-date.js';
import type { ExtractedDocument } from './types.js';
import { scanZip } from './zip-guard.js';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const DOC_PROPS = /^docProps\/(core|app)\.xml$/i;

function isOle(bytes: Uint8Array): boolean {
  return OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** An OLE file named .docx is either Word's encrypted package or an old binary .doc. */
function explainOle(bytes: Uint8Array): ArchiveError {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (
    buffer.includes(Buffer.from('EncryptedPackage', 'utf16le')) ||
    buffer.includes(Buffer.from('EncryptionInfo', 'utf16le'))
  ) {
    return new ArchiveError('encrypted', 'encrypted; a password is needed');
  }
  return new ArchiveError(
    'unsupported',
    'not a DOCX: an old Word (.doc) or other OLE file named .docx; save it as .docx to import it',
  );
}

function decodeXmlText(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (entity: string, name: string) => {
      const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
      const lower = name.toLowerCase();
      if (named[lower]) return named[lower];
      const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    });
}

/** The text of the first `<prefix:local>` element in a small XML part. */
function element(xml: string | undefined, local: string): string | undefined {
  if (!xml) return undefined;
  const m = new RegExp(`<(?:[\\w.-]+:)?${local}\\b[^>]*>([\\s\\S]*?)</(?:[\\w.-]+:)?${local}>`).exec(xml);
  const value = m?.[1] === undefined ? '' : stripControls(decodeXmlText(m[1])).replace(/\s+/g, ' ').trim();
  return value || undefined;
}

function docPropsMetadata(core: string | undefined, app: string | undefined): Partial<DocumentMetadata> {
  const result: Partial<DocumentMetadata> = {};
  const title = element(core, 'title');
  if (title) result.title = title.slice(0, 500);
  const creator = element(core, 'creator');
  if (creator)
    result.authors = creator
      .split(/\s*;\s*/)
      .filter(Boolean)
      .slice(0, 50);
  const description = element(core, 'description') ?? element(core, 'subject');
  if (description) result.description = description.slice(0, 2000);
  const company = element(app, 'Company');
  if (company) result.organization = company.slice(0, 300);
  return result;
}

function explainMammoth(error: unknown): ArchiveError {
  const reason = messageOf(error);
  if (/main document part/i.test(reason))
    return new ArchiveError('corrupt', 'not a Word document: the package has no main document part');
  if (/entity not found|xmldom/i.test(reason))
    return new ArchiveError(
      'corrupt',
      `damaged DOCX: its XML cannot be read (${reason.replace(/^\w*error:\s*/i, '')})`,
    );
  return new ArchiveError('corrupt', `damaged DOCX (${reason})`);
}

/** mammoth's back-links from a note to its reference ("↑"): navigation, not text. */
const NOTE_BACKLINKS = /<a href="#(?:footnote|endnote|comment)-ref-[^"]*">\u2191<\/a>/g;

/** Imports a Word document, only after the package passed the zip guard. */
export async function importDocx(bytes: Uint8Array): Promise<ExtractedDocument> {
  if (isOle(bytes)) throw explainOle(bytes);
  const scan = await scanZip(bytes, 'DOCX', (name) => DOC_PROPS.test(name));
  const props = (name: string) => {
    for (const [key, value] of scan.kept) if (key.toLowerCase() === name) return value.toString('utf8');
    return undefined;
  };
  let html: string;
  const warnings: string[] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        // Pictures are not text: never decode them, never embed them.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        ignoreEmptyParagraphs: true,
      },
    );
    html = result.value;
    const errors = result.messages.filter((m) => m.type === 'error');
    if (errors.length > 0)
      warnings.push(
        `parts of the document could not be read: ${errors
          .map((m) => m.message)
          .slice(0, 3)
          .join('; ')}`,
      );
  } catch (error) {
    throw explainMammoth(error);
  }
  const page = htmlToText(html.replace(NOTE_BACKLINKS, ''));
  if (page.text === '') warnings.push('no text in the document');
  const core = props('docprops/core.xml');
  const metadata = docPropsMetadata(core, props('docprops/app.xml'));
  // The core properties' dates are the file's (when Word or pandoc wrote it), never the document's.
  const created = partialDate(element(core, 'created'));
  const modified = partialDate(element(core, 'modified'));
  if (!metadata.title && page.firstHeading) metadata.title = page.firstHeading;
  return {
    format: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    metadata,
    pages: [{ text: page.text }],
    warnings,
    extra: {
      docx: {
        parts: scan.names.length,
        unpackedBytes: scan.inflated,
        ...(created ? { created } : {}),
        ...(modified ? { modified } : {}),
      },
    },
  };
}
