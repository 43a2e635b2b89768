/** A document's page texts as the anchoring functions read them. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { joinPages, type JoinedPages } from './selectors.js';

export async function loadPages(db: Kysely<Database>, documentId: number): Promise<JoinedPages> {
  const rows = await db
    .selectFrom('pages')
    .select(['number', 'text'])
    .where('document_id', '=', documentId)
    .orderBy('number')
    .execute();
  return joinPages(rows.map((r) => r.text));
}
