/**
 * What the library's filter column offers (types, the tag tree, authors, the date span)
 * with counts over every live document (a tag: the documents carrying it or holding a
 * quote that does), in a few grouped queries: the renderer no longer holds every row to
 * count them itself.
 */
import { sql, type Kysely } from 'kysely';
import type { DocumentType } from '../../shared/document.js';
import type { LibraryFacets } from '../../shared/library-query.js';
import type { Database } from './db/schema.js';
import { taggedDocuments } from './library-filter-sql.js';
import { ancestorNames, descendantsPattern } from './tags/names.js';

/** Authors offered for completion; beyond this the list helps nobody. */
const MAX_AUTHORS = 2000;

export async function libraryFacets(db: Kysely<Database>): Promise<LibraryFacets> {
  const types = await sql<{ type: string; count: number }>`
    SELECT d.type, count(*) AS count FROM documents d WHERE d.deleted_at IS NULL GROUP BY d.type ORDER BY d.type`.execute(db);
  const dates = await sql<{ first: string | null; last: string | null }>`
    SELECT min(d.date) AS first, max(d.date) AS last FROM documents d WHERE d.deleted_at IS NULL`.execute(db);
  // A straight scan: every row is read anyway, and in an index's order each read lands elsewhere.
  const authors = await sql<{ name: string; count: number }>`
    SELECT a.value AS name, count(*) AS count FROM documents d NOT INDEXED, json_each(d.authors) a
    WHERE d.deleted_at IS NULL AND d.authors <> '[]'
    GROUP BY a.value ORDER BY count DESC, a.value COLLATE NOCASE LIMIT ${MAX_AUTHORS}`.execute(db);
  const documents = types.rows.reduce((n, r) => n + Number(r.count), 0);

  // Tags in use on live documents or on their live quotes, their parents added, then each
  // counted with its children: the documents the library's tag filter would show (a
  // document carrying two tags under one parent, or a tag on it and on a quote, counts once).
  const used = await sql<{ name: string }>`
    SELECT DISTINCT t.name FROM tags t JOIN (${taggedDocuments}) x ON x.tag_id = t.id
    JOIN documents d ON d.id = x.document_id WHERE d.deleted_at IS NULL`.execute(db);
  const nodes = new Set<string>();
  for (const { name } of used.rows) for (const n of [...ancestorNames(name), name]) nodes.add(n);
  const nodeList = [...nodes].map((name) => ({ name, pattern: descendantsPattern(name) }));
  const tagCounts =
    nodeList.length === 0
      ? { rows: [] }
      : await sql<{ name: string; count: number }>`
    SELECT p.value ->> '$.name' AS name, count(DISTINCT x.document_id) AS count
    FROM json_each(${JSON.stringify(nodeList)}) p
    JOIN tags t ON t.name = p.value ->> '$.name' OR t.name LIKE p.value ->> '$.pattern' ESCAPE '\\'
    JOIN (${taggedDocuments}) x ON x.tag_id = t.id
    JOIN documents d ON d.id = x.document_id AND d.deleted_at IS NULL
    GROUP BY p.key`.execute(db);

  return {
    documents,
    types: types.rows.map((r) => ({ type: r.type as DocumentType, count: Number(r.count) })),
    tags: tagCounts.rows.map((r) => ({ name: r.name, count: Number(r.count) })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    authors: authors.rows.map((r) => ({ name: r.name, count: Number(r.count) })),
    dates: dates.rows[0]?.first && dates.rows[0].last ? { from: dates.rows[0].first, to: dates.rows[0].last } : null,
  };
}
