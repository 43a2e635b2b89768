/**
 * The search-index reads behind "where else does this passage appear?" (quotes/sources.ts):
 * how many pages hold each word, and the pages the rarest words pick.
 */
import { sql } from 'kysely';
import type { Db } from './db.js';
import { backendOf, notYetOnPostgres } from './backend.js';

/** How many pages (`doc`) hold each of `terms`, for the terms the page index knows. */
export async function pageFrequencies(db: Db, terms: readonly string[]): Promise<{ term: string; doc: number }[]> {
  if (backendOf(db) === 'postgres') throw notYetOnPostgres('Finding where else a passage appears');
  const result = await sql<{
    term: string;
    doc: number;
  }>`SELECT term, doc FROM fts_pages_vocab WHERE term IN (${sql.join(terms)})`.execute(db);
  return result.rows;
}

/**
 * The `limit` pages ranking best for `match` (an FTS5 query), outside document `except`,
 * ordered by document and page.
 */
export async function candidatePages(
  db: Db,
  match: string,
  limit: number,
  except: number,
): Promise<{ document_id: number; number: number }[]> {
  const result = await sql<{ document_id: number; number: number }>`
    SELECT p.document_id, p.number FROM (
      SELECT rowid AS id, bm25(fts_pages) AS rank FROM fts_pages WHERE fts_pages MATCH ${match}
      ORDER BY rank LIMIT ${limit}) c
    JOIN pages p ON p.id = c.id
    WHERE p.document_id <> ${except}
    ORDER BY p.document_id, p.number`.execute(db);
  return result.rows;
}
