/**
 * Replacing a document's page texts (a re-extraction, an OCR): the pages, the search
 * index (by trigger), the quotes' anchors and the custody entries change in one
 * transaction, so a quote is never left pointing into text that is gone.
 */
import type { Archive } from '../archive.js';
import { recordHistory } from '../custody.js';
import { findDocumentStatus, setPageCount } from '../db/repos/documents.js';
import { deletePage, insertPage, listPagesOf, updatePage } from '../db/repos/pages.js';
import { ArchiveError } from '../errors.js';
import type { PageLayout } from '../importers/types.js';
import { reanchorDocumentQuotes, type ReanchorSummary } from './reanchor.js';

export interface NewPage {
  text: string;
  /** The new text's layout; null or absent drops the old one (it no longer fits). */
  layout?: PageLayout | null;
}

export interface ReplacePagesResult {
  /** Physical pages whose text changed, appeared or went. */
  changedPages: number[];
  quotes: ReanchorSummary;
}

function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

/** Replaces the text of every page of a document and re-anchors its quotes. */
export async function replacePageTexts(
  archive: Archive,
  documentId: number,
  pages: readonly (string | NewPage)[],
  options: { reason?: string } = {},
): Promise<ReplacePagesResult> {
  if (pages.length === 0)
    throw new ArchiveError('invalid-input', `document ${documentId}: a document needs at least one page`);
  const next = pages.map((p) =>
    typeof p === 'string' ? { text: clean(p), layout: null } : { text: clean(p.text), layout: p.layout ?? null },
  );
  return archive.db.transaction().execute(async (trx) => {
    const doc = await findDocumentStatus(trx, documentId);
    if (!doc) throw new ArchiveError('not-found', `document ${documentId}: no such document`);
    if (doc.deletedAt !== null)
      throw new ArchiveError('conflict', `document ${documentId}: in the trash; restore it first`);
    const old = await listPagesOf(trx, documentId);
    const changed: number[] = [];
    for (const [i, page] of next.entries()) {
      const number = i + 1;
      const before = old[i];
      if (!before) {
        await insertPage(trx, documentId, number, page);
        changed.push(number);
      } else if (before.text !== page.text || page.layout) {
        if (before.text !== page.text) changed.push(number);
        await updatePage(trx, documentId, number, page);
      }
    }
    for (const extra of old.slice(next.length)) {
      await deletePage(trx, documentId, extra.number);
      changed.push(extra.number);
    }
    if (changed.length === 0) return { changedPages: [], quotes: { kept: 0, moved: 0, orphaned: 0, changes: [] } };
    await setPageCount(trx, documentId, next.length, new Date().toISOString());
    await recordHistory(trx, {
      action: 'pages-replace',
      documentId,
      details: {
        reason: options.reason ?? null,
        pagesBefore: old.length,
        pagesAfter: next.length,
        changedPages: changed,
      },
    });
    const quotes = await reanchorDocumentQuotes(trx, documentId);
    return { changedPages: changed, quotes };
  });
}
