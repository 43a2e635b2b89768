/**
 * A real export model: corpus documents imported into a temp archive, metadata set,
 * and quotes whose selectors are computed from the stored page text (the way the
 * quotes feature stores them).
 */
import {
  getDocument,
  getOriginal,
  getPages,
  importPaths,
  updateMetadata,
  type Archive,
  type MetadataPatch,
} from '../../src/main/archive/index.js';
import type { CitationStyleId, ExportItem, ExportModel } from '../../src/main/archive/export/model.js';
import { globalRange, joinPages, selectorOf, textAt } from '../../src/main/archive/quotes/selectors.js';
import type { QuoteSelector } from '../../src/shared/quote.js';
import { corpus, tempArchive } from './archive.js';

export interface Fixture {
  archive: Archive & { dir: string };
  model: ExportModel;
  pages: Map<number, string[]>;
  /** Each document's original bytes, by document id. */
  originals: Map<number, Uint8Array>;
}

const SOURCES: { path: string; meta: MetadataPatch }[] = [
  {
    path: corpus('text', 'grimmer__07Aug2007Durbin7.txt'),
    meta: {
      title: 'Letter to the CPSC on lead in toys',
      type: 'letter',
      authors: ['Richard J. Durbin', 'Amy Klobuchar'],
      recipients: ['Nancy Nord'],
      date: '2007-08-07',
    },
  },
  {
    path: corpus('text', 'grimmer__18Oct2007Cornyn196.txt'),
    meta: {
      title: 'Cornyn urges DHS to investigate a tuberculosis case at the border',
      type: 'statement',
      authors: ['John Cornyn'],
      organization: 'Office of Senator John Cornyn',
      date: '2007-10-18',
    },
  },
  {
    // 19 pages and no date: cited with "n.d." and a warning; a quote crosses pages 2–3.
    path: corpus('pdf-good', 'formatcorpus__303226.pdf'),
    meta: {
      title: 'Schedules of controlled substances',
      type: 'report',
      authors: [],
      organization: 'Drug Enforcement Administration',
      date: null,
      pageLabelOffset: 10,
    },
  },
  {
    // German, with umlauts and typographic quotes.
    path: corpus('pdf-good', 'pdfplumber__issue-1054-example.pdf'),
    meta: {
      title: 'Gemeinsames Ministerialblatt (Auszug)',
      type: 'other',
      authors: ['Bundesministerium des Innern'],
      date: '2020-03',
    },
  },
];

/** Selectors for the first occurrence of `exact` at or after `from` in the pages joined; null if absent. */
export function findSelectors(
  pages: readonly string[],
  exact: string,
  from = 0,
): (QuoteSelector & { exact: string; prefix: string; suffix: string }) | null {
  const joined = joinPages(pages);
  const at = exact === '' ? -1 : joined.text.indexOf(exact, from);
  if (at < 0) return null;
  const selector = selectorOf(joined, at, at + exact.length);
  const found = textAt(joined, selector);
  return found ? { ...selector, exact: found.text, prefix: found.prefix, suffix: found.suffix } : null;
}

/** A passage of about `length` characters starting at a word on `page`, without line-end hyphens. */
function passage(text: string, from: number, length: number): string {
  const start = text.indexOf(' ', from) + 1;
  let end = text.lastIndexOf(' ', start + length);
  if (end <= start) end = Math.min(text.length, start + length);
  return text.slice(start, end).trim();
}

/** Imports the sources and quotes passages from them; `extra` adds notes and tags. */
export async function exportFixture(style: CitationStyleId = 'chicago'): Promise<Fixture> {
  const archive = await tempArchive();
  const results = await importPaths(
    archive,
    SOURCES.map((s) => s.path),
  );
  const items: ExportItem[] = [];
  const pages = new Map<number, string[]>();
  const originals = new Map<number, Uint8Array>();
  let quoteId = 100;
  for (const [i, source] of SOURCES.entries()) {
    const result = results.find((r) => r.path === source.path);
    if (!result || result.status !== 'imported' || result.documentId === null)
      throw new Error(`fixture: ${source.path} was not imported (${result?.error})`);
    const id = result.documentId;
    await updateMetadata(archive, id, source.meta);
    const document = await getDocument(archive.db, id);
    const texts = (await getPages(archive.db, id)).map((p) => p.text);
    pages.set(id, texts);
    originals.set(id, (await getOriginal(archive.db, id)).data);
    const wanted: string[] = [];
    const firstText = texts.findIndex((t) => t.trim().length > 200);
    const page = Math.max(0, firstText);
    wanted.push(passage(texts[page] ?? '', Math.floor((texts[page] ?? '').length * 0.3), 160));
    if (i === 2 && texts.length > 3) {
      // Across the break between physical pages 2 and 3.
      const two = texts[1] ?? '';
      const three = texts[2] ?? '';
      wanted.push(`${two.slice(-40)}\n${three.slice(0, 40)}`);
    }
    for (const exact of wanted) {
      const sel = findSelectors(texts, exact);
      if (!sel) throw new Error(`fixture: passage not found in document ${id}`);
      const position = globalRange(joinPages(texts), sel);
      quoteId++;
      items.push({
        document,
        quote: {
          id: quoteId,
          documentId: id,
          page: sel.page,
          pageEnd: sel.pageEnd,
          start: sel.start,
          end: sel.end,
          text: sel.exact,
          prefix: sel.prefix,
          suffix: sel.suffix,
          note:
            quoteId === 101
              ? 'Hostile note: <script>alert("x")</script> & =HYPERLINK("http://evil")'
              : quoteId % 2
                ? `Note on quote ${quoteId}: “curly” — dash, café`
                : null,
          tags: quoteId === 101 ? ['=cmd|calc', 'agency/CPSC'] : ['evidence'],
          position,
        },
      });
    }
  }
  return {
    archive,
    pages,
    originals,
    model: {
      title: 'Lead, pursuits & “policy”: <b>quotes</b>',
      introduction: 'Why these quotes matter.\n\nSecond paragraph — with a dash.',
      style,
      items,
    },
  };
}

/** White space collapsed: how text compares across formats that re-wrap it. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
