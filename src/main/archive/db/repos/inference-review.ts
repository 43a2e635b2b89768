/**
 * The documents with open suggestions (inferred values at `suggested`, neither accepted nor
 * rejected), for the "Review metadata" view: live documents only, in import order.
 */
import { sql } from 'kysely';
import type { DocumentFormat } from '../../../../shared/document.js';
import { INFERRED_FIELDS, type InferredField } from '../../../../shared/inference.js';
import type { Db } from './db.js';

export interface SuggestionDocumentRow {
  id: number;
  title: string;
  format: DocumentFormat;
  /** The fields with an open suggestion, in the order of INFERRED_FIELDS. */
  fields: InferredField[];
}

/** At most `limit` documents with open suggestions, in id order, and how many there are in all. */
export async function documentsWithSuggestions(
  db: Db,
  limit: number,
): Promise<{ total: number; documents: SuggestionDocumentRow[] }> {
  const result = await sql<{ id: number; title: string; format: string; fields: string; total: number }>`
    SELECT d.id, d.title, d.format, json_group_array(i.field) AS fields, count(*) OVER () AS total
    FROM inferences i JOIN documents d ON d.id = i.document_id
    WHERE i.status = 'suggested' AND d.deleted_at IS NULL
    GROUP BY d.id ORDER BY d.id LIMIT ${limit}`.execute(db);
  const total = Number(result.rows[0]?.total ?? 0);
  const documents = result.rows.map((r) => {
    const named = new Set(JSON.parse(r.fields) as string[]);
    return {
      id: r.id,
      title: r.title,
      format: r.format as DocumentFormat,
      fields: INFERRED_FIELDS.filter((f) => named.has(f)),
    };
  });
  return { total, documents };
}
