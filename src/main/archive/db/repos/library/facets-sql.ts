/** The library filter column's counts over live documents: types, dates, authors and tags. */
import { sql } from 'kysely';
import type { DocumentType } from '../../../../../shared/document.js';
import type { Db } from '../db.js';
import { backendOf, notYetOnPostgres } from '../backend.js';
import { taggedDocuments } from './filter-sql.js';

/** How many live documents there are of each type, by type. */
export async function liveTypeCounts(db: Db): Promise<{ type: DocumentType; count: number }[]> {
  if (backendOf(db) === 'postgres') throw notYetOnPostgres('The library table');
  const types = await sql<{ type: string; count: number }>`
    SELECT d.type, count(*) AS count FROM documents d WHERE d.deleted_at IS NULL GROUP BY d.type ORDER BY d.type`.execute(
    db,
  );
  return types.rows.map((r) => ({ type: r.type as DocumentType, count: Number(r.count) }));
}

/** The first and last date among live documents; null when none is dated. */
export async function liveDateSpan(db: Db): Promise<{ from: string; to: string } | null> {
  const dates = await sql<{ first: string | null; last: string | null }>`
    SELECT min(d.date) AS first, max(d.date) AS last FROM documents d WHERE d.deleted_at IS NULL`.execute(db);
  return dates.rows[0]?.first && dates.rows[0].last ? { from: dates.rows[0].first, to: dates.rows[0].last } : null;
}

/** The `limit` authors of most live documents, with how many each wrote. */
export async function liveAuthorCounts(db: Db, limit: number): Promise<{ name: string; count: number }[]> {
  if (backendOf(db) === 'postgres') throw notYetOnPostgres('The library table');
  // A straight scan: every row is read anyway, and in an index's order each read lands elsewhere.
  const authors = await sql<{ name: string; count: number }>`
    SELECT a.value AS name, count(*) AS count FROM documents d NOT INDEXED, json_each(d.authors) a
    WHERE d.deleted_at IS NULL AND d.authors <> '[]'
    GROUP BY a.value ORDER BY count DESC, a.value COLLATE NOCASE LIMIT ${limit}`.execute(db);
  return authors.rows.map((r) => ({ name: r.name, count: Number(r.count) }));
}

/** Tags on live documents or on their live quotes. */
export async function tagsInUse(db: Db): Promise<{ id: number; name: string }[]> {
  const used = await sql<{ id: number; name: string }>`
    SELECT t.id, t.name FROM tags t WHERE EXISTS (
      SELECT 1 FROM (${taggedDocuments}) x JOIN documents d ON d.id = x.document_id AND d.deleted_at IS NULL WHERE x.tag_id = t.id)`.execute(
    db,
  );
  return used.rows;
}

/** For each node, how many live documents stand under one of its tags (each document once). */
export async function liveDocumentsUnderNodes(
  db: Db,
  under: readonly { node: string; tag: number }[],
): Promise<{ name: string; count: number }[]> {
  if (under.length === 0) return [];
  // Each (node, tag) pair finds its tag's rows through the tag indexes: matching names
  // in SQL (LIKE per node and row) took seconds on 100,000 documents.
  const tagCounts = await sql<{ name: string; count: number }>`
    SELECT m.value ->> '$.node' AS name, count(DISTINCT x.document_id) AS count
    FROM json_each(${JSON.stringify(under)}) m
    JOIN (${taggedDocuments}) x ON x.tag_id = m.value ->> '$.tag'
    JOIN documents d ON d.id = x.document_id AND d.deleted_at IS NULL
    GROUP BY m.value ->> '$.node'`.execute(db);
  return tagCounts.rows.map((r) => ({ name: r.name, count: Number(r.count) }));
}

/**
 * The `limit` people and the `limit` organisations named in most live documents. Each
 * entity keeps its count of documents (trash included) behind an index; the trash's share,
 * a handful of documents as a rule, is counted here and taken off. Taking off only lowers
 * counts, so the top `limit` after it are among the top `limit` + (entities it touches) before.
 */
export async function liveEntityCounts(
  db: Db,
  limit: number,
): Promise<{ id: number; name: string; type: string; count: number }[]> {
  const trashed = await sql<{ id: number; n: number }>`
    SELECT m.entity_id AS id, count(DISTINCT m.document_id) AS n FROM entity_mentions m
    WHERE m.document_id IN (SELECT id FROM documents WHERE deleted_at IS NOT NULL)
    GROUP BY m.entity_id`.execute(db);
  const minus = new Map(trashed.rows.map((r) => [r.id, Number(r.n)]));
  const out: { id: number; name: string; type: string; count: number }[] = [];
  for (const type of ['person', 'org'] as const) {
    const rows = await db
      .selectFrom('entities')
      .select(['id', 'name', 'type', 'documents'])
      .where('type', '=', type)
      .where('documents', '>', 0)
      .orderBy('documents', 'desc')
      .limit(limit + minus.size)
      .execute();
    const live = rows
      .map((r) => ({ id: r.id, name: r.name, type: r.type, count: r.documents - (minus.get(r.id) ?? 0) }))
      .filter((r) => r.count > 0)
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name) || a.id - b.id);
    out.push(...live.slice(0, limit));
  }
  return out;
}
