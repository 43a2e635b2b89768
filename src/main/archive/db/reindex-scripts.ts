/**
 * After migration 7: fills the index form (search/script-text.ts) of every existing page, quote
 * and note that needs one. Writing it fires the search triggers, which re-index each such row,
 * so the indexes are in step when a source's transaction commits. One transaction per index
 * (pages, then quotes); `archive_info` 'script-reindex' names the ones left, so an upgrade
 * interrupted by a crash resumes on the next open, and an archive never shows half an index.
 */
import { CompiledQuery } from 'kysely';
import { indexText } from '../search/script-text.js';
import type { Sqlite3Connection } from './sqlite3-dialect.js';

export const REINDEX_KEY = 'script-reindex';
const BATCH = 500;

/** How far the re-indexing of one source has gone (rows read of all rows). */
export interface ReindexProgress {
  index: 'pages' | 'quotes';
  done: number;
  total: number;
}
export type ReindexListener = (progress: ReindexProgress) => void;

interface SourceSpec {
  table: 'pages' | 'quotes';
  /** source column → index-form column */
  columns: [string, string][];
}
const SOURCES: Record<'pages' | 'quotes', SourceSpec> = {
  pages: { table: 'pages', columns: [['text', 'search_text']] },
  quotes: {
    table: 'quotes',
    columns: [
      ['text', 'search_text'],
      ['note', 'search_note'],
    ],
  },
};

async function rows<R>(connection: Sqlite3Connection, sql: string, params: unknown[] = []): Promise<R[]> {
  return (await connection.executeQuery<R>(CompiledQuery.raw(sql, params))).rows;
}

async function reindexSource(connection: Sqlite3Connection, name: 'pages' | 'quotes', listener?: ReindexListener) {
  const { table, columns } = SOURCES[name];
  const total = (await rows<{ total: number }>(connection, `SELECT count(*) AS total FROM ${table}`))[0]?.total ?? 0;
  let last = 0;
  let done = 0;
  listener?.({ index: name, done, total });
  for (;;) {
    const batch = await rows<Record<string, string | number | null>>(
      connection,
      `SELECT id, ${columns.map(([c]) => c).join(', ')} FROM ${table} WHERE id > ? ORDER BY id LIMIT ${BATCH}`,
      [last],
    );
    if (batch.length === 0) break;
    for (const row of batch) {
      const forms = columns.map(([c]) => indexText(row[c] as string | null));
      if (forms.some((f) => f !== null)) {
        await rows(connection, `UPDATE ${table} SET ${columns.map(([, s]) => `${s} = ?`).join(', ')} WHERE id = ?`, [
          ...forms,
          row.id,
        ]);
      }
    }
    last = Number(batch.at(-1)?.id ?? last);
    done += batch.length;
    listener?.({ index: name, done, total });
  }
}

/** Re-indexes the sources migration 7 left to do; nothing when none are left. */
export async function reindexScripts(connection: Sqlite3Connection, listener?: ReindexListener): Promise<void> {
  const [marker] = await rows<{ value: string }>(connection, `SELECT value FROM archive_info WHERE key = ?`, [
    REINDEX_KEY,
  ]);
  if (!marker) return;
  const left = (JSON.parse(marker.value) as string[]).filter((s): s is 'pages' | 'quotes' => s in SOURCES);
  for (const [i, name] of left.entries()) {
    await connection.exec('BEGIN IMMEDIATE');
    try {
      await reindexSource(connection, name, listener);
      const rest = left.slice(i + 1);
      if (rest.length > 0)
        await rows(connection, `UPDATE archive_info SET value = ? WHERE key = ?`, [JSON.stringify(rest), REINDEX_KEY]);
      else await rows(connection, `DELETE FROM archive_info WHERE key = ?`, [REINDEX_KEY]);
      await connection.exec('COMMIT');
    } catch (error) {
      await connection.exec('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}
