/**
 * The pages table: a document's page texts and, for PDFs, each page's text layout (a JSON
 * column decoded here, in one checked place).
 */
import type { Selectable } from 'kysely';
import type { PageLayout } from '../../../../shared/contract-types.js';
import type { PageText } from '../../../../shared/document.js';
import type { PagesTable } from '../schema.js';
import type { Db, Trx } from './db.js';
import { encodeJson, decodeJson } from './json-columns.js';
import { indexText } from '../../search/script-text.js';

export type PageRow = Selectable<PagesTable>;

/** A page to store: its text and, for a PDF, its layout. */
export interface PageToStore {
  text: string;
  layout?: PageLayout | null;
}

/** layout: null for flowing text, and for a value that is not a layout (edited behind the app's back). */
export function decodeLayout(json: string | null): PageLayout | null {
  const value = decodeJson(json);
  if (value === null || typeof value !== 'object') return null;
  const { width, height, items } = value as Record<string, unknown>;
  return typeof width === 'number' && typeof height === 'number' && Array.isArray(items) ? (value as PageLayout) : null;
}

export const encodeLayout = (layout: PageLayout | null | undefined): string | null =>
  layout ? encodeJson(layout) : null;

/** A document's pages (number and text) in order; one page only when `page` is given. */
export async function listPagesOf(db: Db, documentId: number, page?: number): Promise<PageText[]> {
  let query = db.selectFrom('pages').select(['number', 'text']).where('document_id', '=', documentId).orderBy('number');
  if (page !== undefined) query = query.where('number', '=', page);
  return query.execute();
}

/** A document's page texts in page order. */
export async function listPageTextsOf(db: Db, documentId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('pages')
    .select(['number', 'text'])
    .where('document_id', '=', documentId)
    .orderBy('number')
    .execute();
  return rows.map((r) => r.text);
}

/** Pages `first`..`last` of a document (those that exist), in order. */
export async function listPagesBetween(db: Db, documentId: number, first: number, last: number): Promise<PageText[]> {
  return db
    .selectFrom('pages')
    .select(['number', 'text'])
    .where('document_id', '=', documentId)
    .where('number', '>=', first)
    .where('number', '<=', last)
    .orderBy('number')
    .execute();
}

/** The texts of a document's pages 1..`last`, in order. */
export async function listPageTextsUpTo(db: Db, documentId: number, last: number): Promise<string[]> {
  const pages = await db
    .selectFrom('pages')
    .select('text')
    .where('document_id', '=', documentId)
    .where('number', '<=', last)
    .orderBy('number')
    .execute();
  return pages.map((p) => p.text);
}

/** One page's layout; null when it has none (flowing text) or the page does not exist. */
export async function findPageLayout(db: Db, documentId: number, page: number): Promise<PageLayout | null> {
  const row = await db
    .selectFrom('pages')
    .select('layout')
    .where('document_id', '=', documentId)
    .where('number', '=', page)
    .executeTakeFirst();
  return decodeLayout(row?.layout ?? null);
}

/** Stores a new document's pages, numbered from 1, 200 to a statement. */
export async function insertPages(trx: Trx, documentId: number, pages: readonly PageToStore[]): Promise<void> {
  for (let start = 0; start < pages.length; start += 200) {
    await trx
      .insertInto('pages')
      .values(
        pages.slice(start, start + 200).map((page, i) => ({
          document_id: documentId,
          number: start + i + 1,
          text: page.text,
          search_text: indexText(page.text),
          layout: encodeLayout(page.layout),
        })),
      )
      .execute();
  }
}

/** Adds one page to a document. */
export async function insertPage(trx: Trx, documentId: number, number: number, page: PageToStore): Promise<void> {
  await trx
    .insertInto('pages')
    .values({
      document_id: documentId,
      number,
      text: page.text,
      search_text: indexText(page.text),
      layout: encodeLayout(page.layout),
    })
    .execute();
}

/** Replaces one page's text and layout. */
export async function updatePage(trx: Trx, documentId: number, number: number, page: PageToStore): Promise<void> {
  await trx
    .updateTable('pages')
    .set({ text: page.text, search_text: indexText(page.text), layout: encodeLayout(page.layout) })
    .where('document_id', '=', documentId)
    .where('number', '=', number)
    .execute();
}

/** Removes one page from a document. */
export async function deletePage(trx: Trx, documentId: number, number: number): Promise<void> {
  await trx.deleteFrom('pages').where('document_id', '=', documentId).where('number', '=', number).execute();
}
