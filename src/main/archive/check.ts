/**
 * `exhibit check`: SQLite's own integrity check, foreign keys, the custody chain, the
 * search indexes against the text they index, every original's SHA-256, and every object
 * against the state its latest history entry recorded (state-check.ts), each break
 * reported in a sentence.
 */
import { createHash } from 'node:crypto';
import type { Archive } from './archive.js';
import type { CheckProblem, CheckReport, CheckSkipped } from '../../shared/contract-types.js';
import { verifyHistory, type ChainHead } from './custody.js';
import type { Db } from './db/repos/db.js';
import {
  checkSearchIndex,
  countRows,
  documentsWithoutOriginal,
  foreignKeyBreaks,
  inReadSnapshot,
  integrityProblems,
  streamOriginals,
} from './db/repos/integrity.js';
import { searchIndexTables } from './db/repos/search-index.js';
import { messageOf, sqliteCode } from './errors.js';
import { refreshSearchIndexCaches } from './search/rebuild.js';
import { checkHead, checkStates } from './state-check.js';

export type { CheckProblem, CheckReport, CheckSkipped };

/**
 * FTS5's own check of each search index against the rows its view shows. It runs as a
 * write, so SQLite refuses it on a read-only archive and makes it wait while another
 * program writes: those are reported as not checked, never as a stale index.
 */
async function checkSearchIndexes(
  archive: Archive,
  problems: CheckProblem[],
  notChecked: CheckSkipped[],
): Promise<void> {
  const skip = (reason: CheckSkipped['reason'], tables: readonly string[]) => {
    const why =
      reason === 'busy'
        ? 'busy (another program is writing the archive)'
        : 'read-only (the archive cannot be written, and SQLite checks a search index through a write)';
    notChecked.push({
      kind: 'search-index',
      reason,
      message: `search indexes ${tables.join(', ')}: ${why}: not checked`,
    });
  };
  const tables = searchIndexTables(archive.db);
  if (archive.readOnly) return skip('read-only', tables);
  for (const [i, table] of tables.entries()) {
    try {
      await checkSearchIndex(archive.db, table);
    } catch (error) {
      const code = sqliteCode(error);
      // After one wait for the lock, the others would wait as long again.
      if (code === 'SQLITE_BUSY') return skip('busy', tables.slice(i));
      if (code === 'SQLITE_READONLY') return skip('read-only', tables.slice(i));
      problems.push({
        kind: 'search-index',
        message:
          code === 'SQLITE_CORRUPT'
            ? `search index ${table} no longer matches the text it indexes, so searches may miss or invent hits; exhibit check --rebuild-search rebuilds it`
            : `search index ${table} could not be checked (${messageOf(error)}); exhibit check --rebuild-search rebuilds it`,
      });
    }
  }
}

export interface CheckOptions {
  /** A chain head recorded earlier (`exhibit history --head`) that the chain must still hold. */
  readonly head?: ChainHead;
}

/**
 * Runs every check and reports each problem found; changes nothing. Everything but the
 * search indexes' content check is read in one read transaction, so it sees one state of
 * the archive even while another program (the CLI, a second window) imports into it.
 */
export async function checkArchive(archive: Archive, options: CheckOptions = {}): Promise<CheckReport> {
  const report = await inReadSnapshot(archive.db, (snapshot) => checkOneSnapshot(snapshot, options));
  // FTS5's content check is a write: it runs after the read transaction, on its own.
  await checkSearchIndexes(archive, report.problems, report.notChecked);
  report.ok = report.problems.length === 0;
  return report;
}

async function checkOneSnapshot(db: Db, options: CheckOptions): Promise<CheckReport> {
  const problems: CheckProblem[] = [];
  await refreshSearchIndexCaches(db);
  for (const line of await integrityProblems(db)) problems.push({ kind: 'integrity', message: line });
  for (const row of await foreignKeyBreaks(db)) {
    problems.push({
      kind: 'foreign-key',
      message: `${row.table} row ${row.rowid} points at a missing ${row.parent} row`,
    });
  }
  for (const b of await verifyHistory(db)) problems.push({ kind: 'history', message: b.message });

  let originals = 0;
  for await (const row of streamOriginals(db)) {
    originals++;
    const actual = createHash('sha256').update(row.data).digest('hex');
    if (actual !== row.sha256 || row.data.byteLength !== row.size) {
      problems.push({
        kind: 'original',
        message: `original ${row.sha256} no longer matches its SHA-256 (now ${actual})`,
      });
    }
  }
  for (const id of await documentsWithoutOriginal(db)) {
    problems.push({ kind: 'original', message: `document ${id} has lost its original` });
  }

  // The archive against its history: each object's state against its latest entry's record.
  problems.push(...(await checkStates(db)));
  if (options.head) problems.push(...(await checkHead(db, options.head)));

  return {
    ok: problems.length === 0,
    documents: await countRows(db, 'documents'),
    originals,
    historyEntries: await countRows(db, 'history'),
    problems,
    notChecked: [],
  };
}
