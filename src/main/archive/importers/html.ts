/**
 * HTML pages: readable text only (see html-text.ts), the charset the page declares, and
 * the metadata a saved news page usually states (author, publication date, site, address).
 */
import type { DocumentMetadata } from '../../../shared/document.js';
import { decodeText } from './decode-text.js';
import { htmlFace } from './html-face.js';
import { htmlToText, type HtmlText } from './html-text.js';
import { partialDate } from './partial-date.js';
import type { ExtractedDocument, ImportHints } from './types.js';

/** How far into the file a charset declaration is looked for (the HTML standard says 1024). */
const SNIFF_BYTES = 4096;

/**
 * The charset a page declares in `<meta charset>`, `<meta http-equiv>` or an XML
 * declaration. A declared UTF-16 on bytes read as ASCII is impossible, so it is ignored.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  const xml = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/i.exec(head);
  const label = (meta?.[1] ?? xml?.[1] ?? '').toLowerCase();
  if (!label || label.startsWith('utf-16') || label.startsWith('utf16')) return null;
  return label;
}

const DATE_KEYS = [
  'article:published_time',
  'datepublished',
  'og:published_time',
  'published_time',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.created',
  'pubdate',
  'publishdate',
  'publish-date',
  'parsely-pub-date',
  'sailthru.date',
  'citation_publication_date',
  'article:modified_time',
];

const AUTHOR_KEYS = [
  'author',
  'article:author',
  'dc.creator',
  'dcterms.creator',
  'byl',
  'parsely-author',
  'sailthru.author',
  'citation_author',
];

function first(meta: Map<string, string>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = meta.get(key)?.replace(/\s+/g, ' ').trim();
    if (value) return value;
  }
  return undefined;
}

function httpUrl(value: string | null | undefined): string | undefined {
  const url = value?.trim();
  return url && /^https?:\/\/\S+$/i.test(url) && url.length <= 2000 ? url : undefined;
}

/** Metadata guessed from what the page says of itself; nothing is invented. */
export function htmlMetadata(page: HtmlText): Partial<DocumentMetadata> {
  const { meta } = page;
  const result: Partial<DocumentMetadata> = {};
  const title = page.title || page.firstHeading || first(meta, ['og:title', 'twitter:title']);
  if (title) result.title = title;
  const author = first(meta, AUTHOR_KEYS);
  // article:author is often a profile address, not a name.
  if (author && !/^https?:\/\//i.test(author)) {
    const authors = author
      .replace(/^by\s+/i, '')
      .split(/\s*;\s*/)
      .map((a) => a.trim())
      .filter(Boolean)
      .slice(0, 50);
    if (authors.length) result.authors = authors;
  }
  for (const key of DATE_KEYS) {
    const date = partialDate(meta.get(key));
    if (date) {
      result.date = date;
      break;
    }
  }
  const source = first(meta, ['og:site_name', 'application-name', 'dc.publisher', 'citation_publisher']);
  if (source) result.source = source.slice(0, 300);
  const url = httpUrl(page.canonical) ?? httpUrl(meta.get('og:url'));
  if (url) result.url = url;
  const description = first(meta, ['description', 'og:description', 'twitter:description', 'dc.description']);
  if (description) result.description = description.slice(0, 2000);
  const ogType = meta.get('og:type')?.trim().toLowerCase();
  if (ogType === 'article' || meta.has('article:published_time')) result.type = 'article';
  return result;
}

/** Imports a saved page; a container's charset hint applies when the page declares none. */
export async function importHtml(
  bytes: Uint8Array,
  _fileName?: string,
  hints?: ImportHints,
): Promise<ExtractedDocument> {
  const declared = declaredCharset(bytes) ?? hints?.charset ?? null;
  const decoded = decodeText(bytes, declared);
  const page = htmlToText(decoded.text);
  const warnings = [...decoded.warnings];
  if (page.text === '') warnings.push('no readable text in the page');
  return {
    format: 'html',
    mimeType: 'text/html',
    metadata: htmlMetadata(page),
    pages: [{ text: page.text }],
    warnings,
    extra: { encoding: decoded.encoding, declaredCharset: declared },
    face: htmlFace(decoded.text, page),
  };
}
