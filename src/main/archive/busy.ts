/**
 * Waiting out another program's write lock. SQLite's busy timeout (set when the archive
 * opens) waits a few seconds at BEGIN IMMEDIATE; a writer that holds the lock longer (a
 * big import elsewhere, a sqlite3 shell left in a transaction) must not cost a file: the
 * whole transaction is tried again, since a failed BEGIN, or a transaction SQLite rolled
 * back, changed nothing.
 */
import { ArchiveError } from './errors.js';

/** What the user is told, once, while Exhibit waits. */
export const BUSY_MESSAGE = 'the archive is busy: another program is writing; waiting…';

/** How long to wait in all before giving up on one transaction. */
export const MAX_BUSY_WAIT_MS = 10 * 60_000;

/** True for SQLite's SQLITE_BUSY (and SQLITE_LOCKED), as node-sqlite3 reports them. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'SQLITE_BUSY' ||
    code === 'SQLITE_LOCKED' ||
    (error instanceof Error && /^SQLITE_(BUSY|LOCKED)\b/.test(error.message))
  );
}

export interface BusyOptions {
  /** Called once, the first time the archive is found busy. */
  onBusy?: () => void;
  signal?: AbortSignal;
  /** Default MAX_BUSY_WAIT_MS. */
  maxWaitMs?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` (a whole transaction), again and again while the archive is busy. */
export async function retryWhileBusy<T>(work: () => Promise<T>, options: BusyOptions = {}): Promise<T> {
  const started = Date.now();
  const maxWait = options.maxWaitMs ?? MAX_BUSY_WAIT_MS;
  let told = false;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (options.signal?.aborted) throw error;
      if (Date.now() - started > maxWait) {
        throw new ArchiveError(
          'busy',
          `the archive is busy: another program has been writing for more than ${Math.round(maxWait / 60_000)} minutes; try again when it is done`,
        );
      }
      if (!told) options.onBusy?.();
      told = true;
      // Each try already waits the busy timeout at BEGIN; this only keeps a fast failure from spinning.
      await pause(100);
    }
  }
}
