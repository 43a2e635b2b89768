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
import { ancestorNames } from './tags/names.js';

/** Authors offered for completion; beyond this the list helps nobody. */
const MAX_AUTHORS = 2000;

export async function libraryFacets(db: Kysely<Database>): Promise<LibraryFacets> {
  const types = await sql<{ type: string; count: number }>`
    SELECT d.type, count(*) AS count FROM documents d WHERE d.deleted_at IS NULL GROUP BY d.type ORDER BY d.type`.execute(
    db,
  );
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
  const used = await sql<{ id: number; name: string }>`
    SELECT t.id, t.name FROM tags t WHERE EXISTS (
      SELECT 1 FROM (${taggedDocuments}) x JOIN documents d ON d.id = x.document_id AND d.deleted_at IS NULL WHERE x.tag_id = t.id)`.execute(
    db,
  );
  const under = tagsUnderEachNode(used.rows);
  const tagCounts =
    under.length === 0
      ? { rows: [] }
      : // Each (node, tag) pair finds its tag's rows through the tag indexes: matching names
        // in SQL (LIKE per node and row) took seconds on 100,000 documents.
        await sql<{ name: string; count: number }>`
    SELECT m.value ->> '$.node' AS name, count(DISTINCT x.document_id) AS count
    FROM json_each(${JSON.stringify(under)}) m
    JOIN (${taggedDocuments}) x ON x.tag_id = m.value ->> '$.tag'
    JOIN documents d ON d.id = x.document_id AND d.deleted_at IS NULL
    GROUP BY m.value ->> '$.node'`.execute(db);

  return {
    documents,
    types: types.rows.map((r) => ({ type: r.type as DocumentType, count: Number(r.count) })),
    tags: tagCounts.rows
      .map((r) => ({ name: r.name, count: Number(r.count) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    authors: authors.rows.map((r) => ({ name: r.name, count: Number(r.count) })),
    dates: dates.rows[0]?.first && dates.rows[0].last ? { from: dates.rows[0].first, to: dates.rows[0].last } : null,
  };
}

/**
 * Every node of the tag tree (each tag in use and each of its parents, named as written)
 * with each tag it stands over, itself included. Names compare without regard to ASCII
 * case, as the tags table does, so "Agency" and the parent "agency" of "agency/LAPD" each
 * count both.
 */
function tagsUnderEachNode(tags: readonly { id: number; name: string }[]): { node: string; tag: number }[] {
  const fold = (name: string) => name.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const spellings = new Map<string, Set<string>>();
  for (const { name } of tags) {
    for (const node of [...ancestorNames(name), name]) {
      const key = fold(node);
      const set = spellings.get(key) ?? new Set<string>();
      set.add(node);
      spellings.set(key, set);
    }
  }
  const pairs: { node: string; tag: number }[] = [];
  for (const { id, name } of tags) {
    for (const node of [...ancestorNames(name), name]) {
      for (const spelling of spellings.get(fold(node)) ?? []) pairs.push({ node: spelling, tag: id });
    }
  }
  return pairs;
}
