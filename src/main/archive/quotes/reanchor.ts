/**
 * Following quotes when a document's text changes (a re-extraction, an OCR). In the
 * manner of Hypothesis: first the stored position (is the exact text still there?),
 * then the exact text elsewhere, told apart by its prefix and suffix, then a near match
 * of its words. A quote that cannot be placed without guessing (gone, or several equally
 * good places) is flagged 'orphaned' where it was; nothing moves without a custody entry.
 */
import type { QuoteSelector } from '../../../shared/quote.js';
import { recordHistory } from '../custody.js';
import type { Trx } from '../db/repos/db.js';
import { placeToChanges, quoteRowsOfDocument, updateQuoteRow } from '../db/repos/quotes.js';
import { alignWords, allowedEdits, tokenize, type Token } from './align.js';
import { foldedPages } from './anchor.js';
import { findFolded, fold, foldNeedle } from './normalize.js';
import { loadPages } from './pages.js';
import { contextAt, globalRange, selectorOf, type JoinedPages } from './selectors.js';

export type ReanchorMethod = 'position' | 'exact' | 'context' | 'fuzzy';

/** What is stored of a quote's place. */
export interface StoredAnchor extends QuoteSelector {
  text: string;
  prefix: string;
  suffix: string;
}

export type ReanchorResult =
  | { kind: 'kept'; prefix: string; suffix: string }
  | {
      kind: 'moved';
      method: Exclude<ReanchorMethod, 'position'>;
      selector: QuoteSelector;
      text: string;
      prefix: string;
      suffix: string;
      similarity: number;
    }
  | { kind: 'orphaned'; reason: string };

/** Near matches must keep at least this share of the quote's words in order. */
export const MIN_FUZZY_SIMILARITY = 0.9;
/** Shorter quotes are only followed exactly: a near match of three words proves nothing. */
export const MIN_FUZZY_WORDS = 4;
/** Beyond this many word comparisons, a near match is sought only around the old place. */
const MAX_ALIGNMENT_CELLS = 40_000_000;

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

/** How much of the stored prefix and suffix agree with the text around [from, to). */
function contextScore(joined: JoinedPages, stored: StoredAnchor, from: number, to: number): number {
  const around = contextAt(joined, from, to);
  return (
    commonSuffix(fold(stored.prefix).text, fold(around.prefix).text) +
    commonPrefix(fold(stored.suffix).text, fold(around.suffix).text)
  );
}

/** The one candidate whose context agrees best, or null when none agrees or two tie. */
function byContext(
  joined: JoinedPages,
  stored: StoredAnchor,
  candidates: { from: number; to: number }[],
): { from: number; to: number } | null {
  const scored = candidates
    .map((c) => ({ ...c, score: contextScore(joined, stored, c.from, c.to) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score === 0 || (second && second.score === best.score)) return null;
  return best;
}

function moved(
  joined: JoinedPages,
  method: 'exact' | 'context' | 'fuzzy',
  from: number,
  to: number,
  similarity = 1,
): ReanchorResult {
  return {
    kind: 'moved',
    method,
    selector: selectorOf(joined, from, to),
    text: joined.text.slice(from, to),
    ...contextAt(joined, from, to),
    similarity,
  };
}

/** Words of a document's text, kept while its pages are: several quotes may need them. */
const words = new WeakMap<JoinedPages, Token[]>();

/** Tokens of the joined text, restricted around the old place when the whole would cost too much. */
function haystack(joined: JoinedPages, stored: StoredAnchor, needleWords: number): Token[] {
  let all = words.get(joined);
  if (!all) {
    all = tokenize(joined.text);
    words.set(joined, all);
  }
  if (all.length * needleWords <= MAX_ALIGNMENT_CELLS) return all;
  const from = joined.starts[Math.max(0, stored.page - 3)] ?? 0;
  const to = joined.starts[Math.min(joined.pages.length, stored.pageEnd + 2)] ?? joined.text.length;
  return all.filter((t) => t.start >= from && t.end <= to);
}

/** Where a stored quote stands in new pages (pure). */
export function reanchor(joined: JoinedPages, stored: StoredAnchor): ReanchorResult {
  const range = globalRange(joined, stored);
  if (range && joined.text.slice(range.start, range.end) === stored.text) {
    return { kind: 'kept', ...contextAt(joined, range.start, range.end) };
  }
  const exact = findFolded(foldedPages(joined), foldNeedle(stored.text)).map((r) => ({ from: r.start, to: r.end }));
  if (exact.length === 1 && exact[0]) return moved(joined, 'exact', exact[0].from, exact[0].to);
  if (exact.length > 1) {
    const best = byContext(joined, stored, exact);
    return best
      ? moved(joined, 'context', best.from, best.to)
      : {
          kind: 'orphaned',
          reason: `the passage now stands in ${exact.length} places and its context does not tell which`,
        };
  }
  const needle = tokenize(stored.text).map((t) => t.word);
  if (needle.length < MIN_FUZZY_WORDS) return { kind: 'orphaned', reason: 'the passage is no longer in the text' };
  const hay = haystack(joined, stored, needle.length);
  const windows = alignWords(
    needle,
    hay.map((t) => t.word),
    allowedEdits(needle.length, MIN_FUZZY_SIMILARITY),
  ).filter((w) => w.similarity >= MIN_FUZZY_SIMILARITY);
  const places = windows.map((w) => ({
    from: hay[w.first]?.start ?? 0,
    to: hay[w.last - 1]?.end ?? 0,
    similarity: w.similarity,
  }));
  if (places.length === 0) return { kind: 'orphaned', reason: 'the passage is no longer in the text' };
  const top = places.filter((p) => p.similarity === places[0]?.similarity);
  const chosen = top.length === 1 ? top[0] : byContext(joined, stored, top);
  if (!chosen)
    return {
      kind: 'orphaned',
      reason: `the passage nearly matches ${top.length} places and its context does not tell which`,
    };
  return moved(joined, 'fuzzy', chosen.from, chosen.to, places.find((p) => p.from === chosen.from)?.similarity ?? 0);
}

export interface ReanchorSummary {
  kept: number;
  moved: number;
  orphaned: number;
  /** One line per quote that changed: what happened and why. */
  changes: {
    quoteId: number;
    result: 'moved' | 'orphaned' | 'restored' | 'context';
    method?: ReanchorMethod;
    reason?: string;
  }[];
}

/**
 * Re-anchors every quote of a document (deleted ones too, so a restore brings back a
 * sound quote) against its current pages, inside the caller's transaction, with a
 * custody entry for each quote that changed. Call it whenever the pages change.
 */
export async function reanchorDocumentQuotes(trx: Trx, documentId: number): Promise<ReanchorSummary> {
  const joined = await loadPages(trx, documentId);
  const rows = await quoteRowsOfDocument(trx, documentId);
  const summary: ReanchorSummary = { kept: 0, moved: 0, orphaned: 0, changes: [] };
  const now = new Date().toISOString();
  for (const row of rows) {
    const stored: StoredAnchor = {
      page: row.page,
      pageEnd: row.page_end,
      start: row.start_offset,
      end: row.end_offset,
      text: row.text,
      prefix: row.prefix,
      suffix: row.suffix,
    };
    const before = {
      page: row.page,
      pageEnd: row.page_end,
      start: row.start_offset,
      end: row.end_offset,
      text: row.text,
    };
    const result = reanchor(joined, stored);
    const subject = `quote:${row.id}`;
    if (result.kind === 'kept') {
      summary.kept++;
      const restored = row.status === 'orphaned';
      if (!restored && result.prefix === row.prefix && result.suffix === row.suffix) continue;
      await updateQuoteRow(trx, row.id, {
        prefix: result.prefix,
        suffix: result.suffix,
        status: 'ok',
        updated_at: now,
      });
      await recordHistory(trx, {
        action: 'quote-reanchor',
        documentId,
        subject,
        details: {
          method: 'position',
          from: before,
          to: before,
          status: 'ok',
          context: { prefix: result.prefix, suffix: result.suffix },
        },
      });
      summary.changes.push({ quoteId: row.id, result: restored ? 'restored' : 'context', method: 'position' });
    } else if (result.kind === 'moved') {
      summary.moved++;
      const s = result.selector;
      await updateQuoteRow(trx, row.id, { ...placeToChanges(s, result), updated_at: now });
      await recordHistory(trx, {
        action: 'quote-reanchor',
        documentId,
        subject,
        details: {
          method: result.method,
          similarity: result.similarity,
          from: before,
          to: { ...s, text: result.text },
          status: 'ok',
        },
      });
      summary.changes.push({ quoteId: row.id, result: 'moved', method: result.method });
    } else {
      summary.orphaned++;
      if (row.status === 'orphaned') continue;
      await updateQuoteRow(trx, row.id, { status: 'orphaned', updated_at: now });
      await recordHistory(trx, {
        action: 'quote-orphan',
        documentId,
        subject,
        details: { reason: result.reason, at: before },
      });
      summary.changes.push({ quoteId: row.id, result: 'orphaned', reason: result.reason });
    }
  }
  return summary;
}
