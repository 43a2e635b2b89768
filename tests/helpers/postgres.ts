/**
 * A throwaway PostgreSQL cluster for the tests that run the core on PostgreSQL: initdb into a
 * temp folder, pg_ctl start listening only on a unix socket in that folder, one fresh
 * database per test, and the folder removed when the file's tests end. As root (CI's
 * container) initdb refuses to run, so the cluster runs as the `postgres` system user that
 * Debian's package creates (runuser), and root connects through the socket.
 *
 * Where PostgreSQL's binaries are missing, `postgresUnavailable` says why in one line and the
 * PostgreSQL half of a parameterised test is skipped with that reason printed.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const SUPERUSER = 'exhibit_test';

/** The folder holding initdb and pg_ctl: $EXHIBIT_PG_BIN, else Debian's newest /usr/lib/postgresql/N/bin. */
function binDir(): string | null {
  const given = process.env['EXHIBIT_PG_BIN'];
  if (given) return existsSync(join(given, 'initdb')) ? given : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

function systemUser(name: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

const BIN = binDir();
const AS_ROOT = userInfo().uid === 0;
const RUN_AS = AS_ROOT ? systemUser('postgres') : null;

/** Why the PostgreSQL tests cannot run here, or null when they can. */
export const postgresUnavailable: string | null =
  BIN === null
    ? 'PostgreSQL binaries not found (apt-get install postgresql, or set EXHIBIT_PG_BIN to the folder holding initdb)'
    : AS_ROOT && RUN_AS === null
      ? 'running as root and no `postgres` system user to run the cluster as (initdb refuses root)'
      : null;

function run(command: string, args: string[]): void {
  const [file, argv] = AS_ROOT ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface TestCluster {
  /** The socket's folder. */
  readonly dir: string;
  /** A connection string to database `name` (socket form). */
  url(name: string): string;
  stop(): void;
}

/** Starts a cluster in a fresh temp folder (a second or two). */
export function startCluster(): TestCluster {
  if (postgresUnavailable !== null || BIN === null) throw new Error(postgresUnavailable ?? 'no PostgreSQL');
  const dir = mkdtempSync(join(tmpdir(), 'exhibit-pg-'));
  if (RUN_AS) chownSync(dir, RUN_AS.uid, RUN_AS.gid);
  const data = join(dir, 'data');
  run(join(BIN, 'initdb'), ['-D', data, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = `-k ${dir} -c listen_addresses='' -c fsync=off -c full_page_writes=off`;
  run(join(BIN, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  let stopped = false;
  return {
    dir,
    url: (name) => `postgres://${SUPERUSER}@/${name}?host=${encodeURIComponent(dir)}`,
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        run(join(BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

let cluster: TestCluster | null = null;
let made = 0;

afterAll(() => cluster?.stop());

/**
 * A fresh, empty database on this test file's cluster (started on first use, stopped and
 * removed after the file's tests): its connection string.
 */
export function freshDatabase(): string {
  cluster ??= startCluster();
  made += 1;
  const name = `exhibit_${process.pid}_${made}`;
  execFileSync(join(BIN ?? '', 'psql'), ['-X', '-q', '-d', cluster.url('postgres'), '-c', `CREATE DATABASE ${name}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return cluster.url(name);
}
