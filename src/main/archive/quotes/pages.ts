/** A document's page texts as the anchoring functions read them. */
import type { Db } from '../db/repos/db.js';
import { listPageTextsOf } from '../db/repos/pages.js';
import { joinPages, type JoinedPages } from './selectors.js';

export async function loadPages(db: Db, documentId: number): Promise<JoinedPages> {
  return joinPages(await listPageTextsOf(db, documentId));
}
