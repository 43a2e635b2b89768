/** A PDF page's text layout, for mapping a selection on screen to page and offsets. */
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import { getDocument } from './documents.js';
import { ArchiveError } from './errors.js';
import type { PageLayout } from './importers/types.js';

/** The layout of one physical page; null for documents of flowing text (no layout stored). */
export async function getPageLayout(
  db: Kysely<Database>,
  documentId: number,
  page: number,
): Promise<PageLayout | null> {
  const doc = await getDocument(db, documentId);
  if (page < 1 || page > doc.pageCount) {
    throw new ArchiveError('invalid-input', `page ${page}: document ${documentId} has ${doc.pageCount} page(s)`);
  }
  const row = await db
    .selectFrom('pages')
    .select('layout')
    .where('document_id', '=', documentId)
    .where('number', '=', page)
    .executeTakeFirst();
  return row?.layout ? (JSON.parse(row.layout) as PageLayout) : null;
}
