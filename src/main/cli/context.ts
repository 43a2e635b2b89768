/** What every command shares: the archive path, JSON mode, output and exit codes. */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Archive, OpenMode } from '../archive/archive.js';
import { BUSY_MESSAGE, retryWhileBusy } from '../archive/busy.js';
import type { ReindexProgress } from '../archive/db/reindex-scripts.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
/** `check` could not run every check because another program was writing: try again. */
export const EXIT_INCOMPLETE = 3;

/** A usage error: exits 2 with the message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The folder Electron calls userData for an app named Exhibit, so CLI and app share the archive. */
export function userDataDir(): string {
  const home = homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Exhibit');
  if (process.platform === 'win32') return join(process.env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Exhibit');
  return join(process.env['XDG_CONFIG_HOME'] ?? join(home, '.config'), 'Exhibit');
}

export function defaultArchivePath(): string {
  return join(userDataDir(), 'archive.exhibit');
}

export interface GlobalOptions {
  archive?: string;
  json?: boolean;
}

export function archivePath(options: GlobalOptions): string {
  return options.archive ?? process.env['EXHIBIT_ARCHIVE'] ?? defaultArchivePath();
}

/**
 * Opens the archive named by --archive / EXHIBIT_ARCHIVE / the default in `mode` and runs
 * `fn` with it and the part of the core that `load` imports, then closes it. Commands that
 * change the archive open it `create` (a new path starts a new archive, as it always has);
 * reading commands use `readArchive`. Each command loads what it
 * uses when it runs, so `exhibit --help` or `exhibit search` never loads pdf.js, citeproc,
 * the importers or the exporters, and a usage error never opens SQLite.
 */
export async function withArchive<M, T>(
  options: GlobalOptions,
  load: () => Promise<M>,
  fn: (archive: Archive, core: M) => Promise<T>,
  mode: OpenMode = 'create',
): Promise<T> {
  const path = archivePath(options);
  if (mode === 'create' && path === defaultArchivePath()) mkdirSync(userDataDir(), { recursive: true });
  const [{ openArchive }, core] = await Promise.all([import('../archive/archive.js'), load()]);
  const archive = await openArchive(path, { mode, onReindex: sayReindex });
  try {
    return await fn(archive, core);
  } finally {
    await archive.close();
  }
}

/**
 * The one-time re-index of an archive made before search in every script (migration 7): on a
 * terminal a line that counts up, elsewhere one line per index when it is done, so a script's
 * log says why that run took longer.
 */
function sayReindex({ index, done, total }: ReindexProgress): void {
  if (total === 0) return;
  const rows = index === 'pages' ? 'pages' : 'quotes and notes';
  if (process.stderr.isTTY) {
    process.stderr.write(`\r\x1b[2Kexhibit: upgrading search for every script: ${rows} ${done} of ${total}`);
    if (done === total) process.stderr.write('\n');
  } else if (done === total) {
    process.stderr.write(`exhibit: upgraded search for every script: ${total} ${rows} re-indexed\n`);
  }
}

let busyTold = false;

/**
 * Tells the user, once per run, that another program holds the archive's write lock and the
 * command waits for it (on a terminal, over any progress line).
 */
export function sayBusy(): void {
  if (!busyTold) process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[2K' : ''}exhibit: ${BUSY_MESSAGE}\n`);
  busyTold = true;
}

/**
 * Runs `transaction`, one call of the core that changes the archive in a single transaction,
 * again while another program holds the write lock, saying so once. Safe to repeat: a
 * SQLITE_BUSY at BEGIN IMMEDIATE (or at COMMIT, which SQLite rolls back) left nothing written.
 * Never wrap work that makes several transactions or writes a file: a retry would redo the
 * part that succeeded.
 */
export function whileBusy<T>(transaction: () => Promise<T>): Promise<T> {
  return retryWhileBusy(transaction, { onBusy: sayBusy });
}

/**
 * `withArchive` for a command whose change is one transaction (`fn`: reads, then one call
 * of the core): `fn` is run again while the archive is busy (see whileBusy).
 */
export function writeArchive<M, T>(
  options: GlobalOptions,
  load: () => Promise<M>,
  fn: (archive: Archive, core: M) => Promise<T>,
): Promise<T> {
  return withArchive(options, load, (archive, core) => whileBusy(() => fn(archive, core)));
}

/** Opens the archive read-only for `fn`: never creates, upgrades or changes a file. */
export function readArchive<M, T>(
  options: GlobalOptions,
  load: () => Promise<M>,
  fn: (archive: Archive, core: M) => Promise<T>,
): Promise<T> {
  return withArchive(options, load, fn, 'read');
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

export function print(line = ''): void {
  process.stdout.write(line + '\n');
}

/** Parses a positive whole number argument or throws a UsageError naming it. */
export function parseId(value: string, what = 'ID'): number {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`${what}: "${value}" is not a positive whole number`);
  return Number(value);
}
