/**
 * The library's reads of versions (documents grouped by `version_group`, migration 0006):
 * which live documents stand in a group, and the other live versions of the rows shown.
 */
import { sql } from 'kysely';
import type { DocumentFormat } from '../../../../../shared/document.js';
import type { DocumentVersion } from '../../../../../shared/library-query.js';
import type { Db } from '../db.js';

/** Every live document in a group of versions, with its group: few rows, off the partial index. */
export async function liveVersionGroups(db: Db): Promise<Map<number, number>> {
  const result = await sql<{ rows: string | null }>`
    SELECT json_group_array(json_array(id, version_group)) AS rows FROM documents
    WHERE version_group IS NOT NULL AND deleted_at IS NULL`.execute(db);
  const rows = JSON.parse(result.rows[0]?.rows ?? '[]') as [number, number][];
  return new Map(rows);
}

/**
 * For each of these documents (a JSON array of ids) in a group, the group's other live
 * documents in id order (the order they were imported), each with its format and live quotes.
 */
export async function otherVersionsIn(db: Db, idList: string): Promise<Map<number, DocumentVersion[]>> {
  const result = await sql<{ shown: number; id: number; format: string; quotes: number }>`
    SELECT me.id AS shown, d.id, d.format,
      (SELECT count(*) FROM quotes q WHERE q.document_id = d.id AND q.deleted_at IS NULL) AS quotes
    FROM documents me JOIN documents d ON d.version_group = me.version_group
    WHERE me.id IN (SELECT value FROM json_each(${idList})) AND me.version_group IS NOT NULL
      AND d.id <> me.id AND d.deleted_at IS NULL
    ORDER BY me.id, d.id`.execute(db);
  const byShown = new Map<number, DocumentVersion[]>();
  for (const r of result.rows) {
    const version = { id: r.id, format: r.format as DocumentFormat, quoteCount: Number(r.quotes) };
    const list = byShown.get(r.shown);
    if (list) list.push(version);
    else byShown.set(r.shown, [version]);
  }
  return byShown;
}

/** Whether any two live documents are versions of one text (search groups its hits only then). */
export async function hasLiveVersions(db: Db): Promise<boolean> {
  const result = await sql<{ found: number }>`
    SELECT EXISTS (SELECT 1 FROM documents WHERE version_group IS NOT NULL AND deleted_at IS NULL) AS found`.execute(
    db,
  );
  return Number(result.rows[0]?.found ?? 0) === 1;
}
