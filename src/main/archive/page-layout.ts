/** A PDF page's text layout, for mapping a selection on screen to page and offsets. */
import type { Db } from './db/repos/db.js';
import { findPageLayout } from './db/repos/pages.js';
import { getDocument } from './documents.js';
import { ArchiveError } from './errors.js';
import type { PageLayout } from './importers/types.js';

/** The layout of one physical page; null for documents of flowing text (no layout stored). */
export async function getPageLayout(db: Db, documentId: number, page: number): Promise<PageLayout | null> {
  const doc = await getDocument(db, documentId);
  if (page < 1 || page > doc.pageCount) {
    throw new ArchiveError('invalid-input', `page ${page}: document ${documentId} has ${doc.pageCount} page(s)`);
  }
  return findPageLayout(db, documentId, page);
}
