/**
 * Bringing a bundle's quotes in: each one is found at its place in this archive's text
 * of its document, matched to a quote already here, or kept flagged orphaned where the
 * bundle put it. Runs inside the bundle import's transaction.
 */
import { recordHistory } from '../custody.js';
import type { Trx } from '../db/repos/db.js';
import { findSameQuote, updateQuoteRow } from '../db/repos/quotes.js';
import { messageOf } from '../errors.js';
import type { ManifestQuote } from '../export/manifest.js';
import { loadPages } from '../quotes/pages.js';
import { cleanNote, insertQuoteInTransaction } from '../quotes/quotes.js';
import { placeClaim, textAt, type JoinedPages } from '../quotes/selectors.js';
import { normalizeTagName } from '../tags/names.js';
import { addTagsInTransaction } from '../tags/tags.js';
import type { BundleQuoteOutcome } from './results.js';

/** Tag names that are valid here; the others become warnings. */
export function validTags(names: readonly string[], where: string, warnings: string[]): string[] {
  const ok: string[] = [];
  for (const name of names) {
    try {
      ok.push(normalizeTagName(name));
    } catch (error) {
      warnings.push(`${where}: tag "${name}" left out (${messageOf(error)})`);
    }
  }
  return ok;
}

export interface QuoteContext {
  trx: Trx;
  bundleId: string;
  warnings: string[];
  pages: Map<number, JoinedPages>;
}

/** Brings one quote in, or says why not. Returns whether anything changed. */
export async function importQuote(
  ctx: QuoteContext,
  q: ManifestQuote,
  documentId: number,
  trashed: boolean,
): Promise<{ outcome: BundleQuoteOutcome; changed: boolean }> {
  const { trx } = ctx;
  const where = `quote ${q.id} of the bundle`;
  if (trashed) {
    return {
      outcome: {
        bundleQuoteId: q.id,
        quoteId: null,
        status: 'skipped',
        reason: `document ${documentId} is in the trash here; restore it and import the bundle again`,
      },
      changed: false,
    };
  }
  let joined = ctx.pages.get(documentId);
  if (!joined) {
    joined = await loadPages(trx, documentId);
    ctx.pages.set(documentId, joined);
  }
  const tags = validTags(q.tags, where, ctx.warnings);
  const place = placeClaim(joined, q);
  const selector =
    place.kind === 'at-place' || place.kind === 'on-its-pages'
      ? place.selector
      : { page: q.page, pageEnd: q.pageEnd, start: q.start, end: q.end };
  const existing = await findSameQuote(trx, documentId, selector, q.exact);
  if (existing) {
    let changed = (await addTagsInTransaction(trx, tags, { quoteIds: [existing.id] })) > 0;
    const note = cleanNote(q.note);
    if (note !== null && existing.note === null) {
      await updateQuoteRow(trx, existing.id, { note, updated_at: new Date().toISOString() });
      await recordHistory(trx, {
        action: 'quote-edit',
        documentId,
        subject: `quote:${existing.id}`,
        details: { changes: { note: { from: null, to: note } }, bundleId: ctx.bundleId, bundleQuoteId: q.id },
      });
      changed = true;
    } else if (note !== null && note !== existing.note) {
      ctx.warnings.push(`${where} is quote ${existing.id} here, whose own note was kept (the bundle's differs)`);
    }
    return { outcome: { bundleQuoteId: q.id, quoteId: existing.id, status: 'existing' }, changed };
  }
  const found = place.kind === 'at-place' || place.kind === 'on-its-pages' ? textAt(joined, selector) : null;
  const historyDetails = { bundleId: ctx.bundleId, bundleQuoteId: q.id };
  if (found) {
    const record = await insertQuoteInTransaction(
      trx,
      documentId,
      { selector, ...found },
      { note: q.note, tags, historyDetails },
    );
    return { outcome: { bundleQuoteId: q.id, quoteId: record.id, status: 'imported' }, changed: true };
  }
  const reason =
    place.kind === 'out-of-range'
      ? `page ${q.page}–${q.pageEnd}, offsets ${q.start}–${q.end} fall outside this archive's text of document ${documentId}`
      : `its text is not at page ${q.page}, offsets ${q.start}–${q.end} of this archive's text of document ${documentId}`;
  const record = await insertQuoteInTransaction(
    trx,
    documentId,
    { selector, text: q.exact, prefix: q.prefix, suffix: q.suffix, status: 'orphaned' },
    { note: q.note, tags, historyDetails: { ...historyDetails, orphaned: reason } },
  );
  return {
    outcome: {
      bundleQuoteId: q.id,
      quoteId: record.id,
      status: 'orphaned',
      reason: `${reason}; kept flagged orphaned where the bundle put it`,
    },
    changed: true,
  };
}
