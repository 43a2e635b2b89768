/**
 * What a saved page says of itself beyond its <meta> tags, for the metadata inference:
 * JSON-LD (datePublished, headline, author) and <time datetime> elements. Read with
 * bounded regular expressions over the raw markup; scripts are parsed as JSON, never run.
 */

export interface HtmlFace {
  title: string | null;
  firstHeading: string | null;
  /** Selected <meta> values by lower-cased name or property. */
  meta: Record<string, string>;
  jsonLd: { datePublished: string | null; headline: string | null; authors: string[] };
  /** <time> elements: their datetime attribute and visible text, in document order. */
  times: { datetime: string; text: string; published: boolean }[];
}

const META_KEYS = [
  'og:title',
  'twitter:title',
  'og:site_name',
  'application-name',
  'og:type',
  'author',
  'article:author',
  'byl',
  'article:published_time',
  'article:published',
  'datepublished',
  'og:published_time',
  'date',
  'dc.date',
  'dcterms.date',
  'pubdate',
  'publishdate',
  'parsely-pub-date',
  'citation_publication_date',
];

/** Enough for any head and article top; a 100 MB page is not scanned whole. */
const SCAN_CHARS = 2_000_000;
const MAX_SCRIPTS = 20;

function names(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(names);
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string')
    return [(value as { name: string }).name];
  return [];
}

function walkJsonLd(node: unknown, out: HtmlFace['jsonLd'], depth = 0): void {
  if (depth > 6 || !node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node.slice(0, 50)) walkJsonLd(item, out, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  if (!out.datePublished && typeof record['datePublished'] === 'string') out.datePublished = record['datePublished'];
  if (!out.headline && typeof record['headline'] === 'string') out.headline = record['headline'];
  if (out.authors.length === 0 && record['author'] !== undefined) out.authors = names(record['author']).slice(0, 20);
  if (record['@graph'] !== undefined) walkJsonLd(record['@graph'], out, depth + 1);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** The face of a page: `meta` is the map html-text.ts collected. */
export function htmlFace(
  html: string,
  page: { title: string | null; firstHeading: string | null; meta: Map<string, string> },
): HtmlFace {
  const raw = html.slice(0, SCAN_CHARS);
  const meta: Record<string, string> = {};
  for (const key of META_KEYS) {
    const value = page.meta.get(key)?.replace(/\s+/g, ' ').trim();
    if (value) meta[key] = value.slice(0, 500);
  }
  const jsonLd: HtmlFace['jsonLd'] = { datePublished: null, headline: null, authors: [] };
  const scripts = raw.matchAll(/<script\b[^>]*type\s*=\s*["']?application\/ld\+json[^>]*>([\s\S]*?)<\/script>/gi);
  let count = 0;
  for (const match of scripts) {
    if (++count > MAX_SCRIPTS) break;
    try {
      walkJsonLd(JSON.parse(match[1] ?? ''), jsonLd);
    } catch {
      // A broken JSON-LD block says nothing; the rest of the page still does.
    }
  }
  const times: HtmlFace['times'] = [];
  for (const match of raw.matchAll(/<time\b([^>]*)>([^<]{0,120})/gi)) {
    const attrs = match[1] ?? '';
    const datetime = /\bdatetime\s*=\s*["']([^"']{4,40})["']/i.exec(attrs)?.[1];
    if (!datetime) continue;
    const published = /datePublished|\bpubdate\b|published/i.test(attrs);
    times.push({ datetime, text: decodeEntities(match[2] ?? '').trim(), published });
    if (times.length >= 20) break;
  }
  return { title: page.title, firstHeading: page.firstHeading, meta, jsonLd, times };
}
