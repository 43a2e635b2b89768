/**
 * "Where else does this passage appear?" The same statement is often carried by
 * several reports, re-typed, re-wrapped, a word dropped. The rarest words of a quote
 * pick candidate pages through the search index; a word-level alignment on each
 * candidate (with its neighbouring pages, for passages across a page break) measures
 * how closely the passage stands there.
 */
import type { QuoteSource } from '../../../shared/quote.js';
import type { Db } from '../db/repos/db.js';
import { findDocumentTitle, otherVersions } from '../db/repos/documents.js';
import { listPagesBetween } from '../db/repos/pages.js';
import { candidatePages, pageFrequencies } from '../db/repos/quote-sources.js';
import { ArchiveError } from '../errors.js';
import { alignWords, allowedEdits, tokenize } from './align.js';
import { getQuote } from './quotes.js';
import { joinPages, selectorOf } from './selectors.js';

export interface SourcesOptions {
  /** Lowest similarity listed (default 0.8: one word in five may differ). */
  minSimilarity?: number;
  /** Candidate pages examined (default 200). */
  candidates?: number;
}

/** How many of a quote's rarest words pick the candidate pages. */
const PROBE_WORDS = 4;

/** Other documents holding the quote's passage exactly or nearly: its document's versions first, then most similar first. */
export async function quoteSources(db: Db, quoteId: number, options: SourcesOptions = {}): Promise<QuoteSource[]> {
  const minSimilarity = options.minSimilarity ?? 0.8;
  if (!(minSimilarity > 0 && minSimilarity <= 1))
    throw new ArchiveError('invalid-input', 'minSimilarity: must be above 0 and at most 1');
  const quote = await getQuote(db, quoteId);
  const needle = tokenize(quote.text).map((t) => t.word);
  if (needle.length === 0) return [];
  const distinct = [...new Set(needle)];
  const freq = await pageFrequencies(db, distinct);
  const probes = freq
    .filter((r) => r.doc > 0)
    .sort((a, b) => a.doc - b.doc || b.term.length - a.term.length)
    .slice(0, PROBE_WORDS)
    .map((r) => `"${r.term.replaceAll('"', '""')}"`);
  if (probes.length === 0) return [];
  const candidates = await candidatePages(db, probes.join(' OR '), options.candidates ?? 200, quote.documentId);

  const versions = new Set(await otherVersions(db, quote.documentId));
  const maxEdits = allowedEdits(needle.length, minSimilarity);
  const found = new Map<string, QuoteSource>();
  const titles = new Map<number, string>();
  for (const { document_id: documentId, number } of candidates) {
    // The candidate page with its neighbours: a passage may start before it or run past it.
    const rows = await listPagesBetween(db, documentId, number - 1, number + 1);
    const first = rows[0]?.number ?? number;
    const joined = joinPages(rows.map((r) => r.text));
    const tokens = tokenize(joined.text);
    for (const w of alignWords(
      needle,
      tokens.map((t) => t.word),
      maxEdits,
    )) {
      if (w.similarity < minSimilarity) continue;
      const from = tokens[w.first]?.start ?? 0;
      const to = tokens[w.last - 1]?.end ?? 0;
      const s = selectorOf(joined, from, to);
      const page = s.page + first - 1;
      const key = `${documentId}:${page}:${s.start}`;
      if (found.has(key)) continue;
      if (!titles.has(documentId)) {
        titles.set(documentId, (await findDocumentTitle(db, documentId)) ?? '');
      }
      found.set(key, {
        documentId,
        title: titles.get(documentId) ?? '',
        page,
        pageEnd: s.pageEnd + first - 1,
        similarity: Math.round(w.similarity * 1000) / 1000,
        text: joined.text.slice(from, to),
        version: versions.has(documentId),
      });
    }
  }
  return [...found.values()].sort(
    (a, b) =>
      Number(b.version) - Number(a.version) ||
      b.similarity - a.similarity ||
      a.documentId - b.documentId ||
      a.page - b.page,
  );
}
