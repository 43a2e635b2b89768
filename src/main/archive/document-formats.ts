/** The file format of each of some documents, in one read (for lists that show it, e.g. search hits). */
import type { DocumentFormat } from '../../shared/document.js';
import type { Db } from './db/repos/db.js';
import { formatsOf } from './db/repos/documents.js';

export async function documentFormats(db: Db, ids: readonly number[]): Promise<Map<number, DocumentFormat>> {
  if (ids.length === 0) return new Map();
  return formatsOf(db, ids);
}
