/**
 * `exhibit check`: SQLite's own integrity check, foreign keys, the custody chain, the
 * search indexes against the text they index, every original's SHA-256, and every object
 * against the state its latest history entry recorded (state-check.ts), each break
 * reported in a sentence.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Archive } from './archive.js';
import type { CheckProblem, CheckReport } from '../../shared/contract-types.js';
import { verifyHistory, type ChainHead } from './custody.js';
import { staleSearchIndexes } from './search/rebuild.js';
import { checkHead, checkStates } from './state-check.js';

export type { CheckProblem, CheckReport };

export interface CheckOptions {
  /** A chain head recorded earlier (`exhibit history --head`) that the chain must still hold. */
  readonly head?: ChainHead;
}

/** Runs every check and reports each problem found; changes nothing. */
export async function checkArchive(archive: Archive, options: CheckOptions = {}): Promise<CheckReport> {
  const problems: CheckProblem[] = [];
  const { db } = archive;
  const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
  for (const row of integrity.rows) {
    if (row.integrity_check !== 'ok') problems.push({ kind: 'integrity', message: row.integrity_check });
  }
  const fk = await sql<{ table: string; rowid: number; parent: string }>`pragma foreign_key_check`.execute(db);
  for (const row of fk.rows) {
    problems.push({ kind: 'foreign-key', message: `${row.table} row ${row.rowid} points at a missing ${row.parent} row` });
  }
  for (const b of await verifyHistory(db)) problems.push({ kind: 'history', message: b.message });
  for (const table of await staleSearchIndexes(db)) {
    problems.push({
      kind: 'search-index',
      message: `search index ${table} no longer matches the text it indexes, so searches may miss or invent hits; exhibit check --rebuild-search rebuilds it`,
    });
  }

  let originals = 0;
  for await (const row of db.selectFrom('originals').select(['sha256', 'size', 'data']).stream(16)) {
    originals++;
    const actual = createHash('sha256').update(row.data).digest('hex');
    if (actual !== row.sha256 || row.data.byteLength !== row.size) {
      problems.push({ kind: 'original', message: `original ${row.sha256} no longer matches its SHA-256 (now ${actual})` });
    }
  }
  const missing = await db
    .selectFrom('documents')
    .leftJoin('originals', 'originals.sha256', 'documents.sha256')
    .select(['documents.id'])
    .where('originals.sha256', 'is', null)
    .execute();
  for (const row of missing) problems.push({ kind: 'original', message: `document ${row.id} has lost its original` });

  problems.push(...(await checkStates(db)));
  if (options.head) problems.push(...(await checkHead(db, options.head)));

  const documents = await db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const history = await db.selectFrom('history').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { ok: problems.length === 0, documents: Number(documents.n), originals, historyEntries: Number(history.n), problems };
}
