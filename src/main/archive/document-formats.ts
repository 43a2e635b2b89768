/** The file format of each of some documents, in one read (for lists that show it, e.g. search hits). */
import { sql, type Kysely } from 'kysely';
import type { DocumentFormat } from '../../shared/document.js';
import type { Database } from './db/schema.js';

export async function documentFormats(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, DocumentFormat>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{ id: number; format: DocumentFormat }>`
    SELECT d.id, d.format FROM documents d WHERE d.id IN (SELECT value FROM json_each(${JSON.stringify([...new Set(ids)])}))`.execute(
    db,
  );
  return new Map(rows.rows.map((r) => [r.id, r.format]));
}
