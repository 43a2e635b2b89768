/**
 * The sqlite3 shell built from the very amalgamation node-sqlite3 compiled (same version,
 * same FTS5, same -D options and -O3 as its Release build), so a benchmark can run the
 * same SQL in the bare shell beside our core. Debian's own sqlite3 is older and lacks
 * what FTS5 options we use. Built once into .tmp/sqlite-shell/ (about a minute).
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, '.tmp', 'sqlite-shell');

/** The defines of node_modules/sqlite3/deps/sqlite3.gyp. */
const DEFINES = [
  'SQLITE_THREADSAFE=1',
  'HAVE_USLEEP=1',
  'SQLITE_ENABLE_FTS3',
  'SQLITE_ENABLE_FTS4',
  'SQLITE_ENABLE_FTS5',
  'SQLITE_ENABLE_RTREE',
  'SQLITE_ENABLE_DBSTAT_VTAB=1',
  'SQLITE_ENABLE_MATH_FUNCTIONS',
];

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.error) throw new Error(`${command}: ${r.error.message}`);
  if (r.status !== 0)
    throw new Error(`${command} ${args.slice(0, 3).join(' ')}… failed: ${r.stderr.split('\n').slice(-5).join(' ')}`);
}

/** Where sqlite3.c and shell.c are: node-sqlite3's build folder, else unpacked from its tarball. */
function amalgamation(): { dir: string; version: string } {
  const pkg = dirname(createRequire(import.meta.url).resolve('sqlite3/package.json'));
  const deps = join(pkg, 'deps');
  const tarball = readdirSync(deps).find((f) => /^sqlite-autoconf-\d+\.tar\.gz$/.test(f));
  if (!tarball) throw new Error(`no sqlite-autoconf tarball in ${deps}`);
  const name = tarball.replace(/\.tar\.gz$/, '');
  const built = join(pkg, 'build', 'Release', 'obj', 'gen', name);
  if (existsSync(join(built, 'shell.c')) && existsSync(join(built, 'sqlite3.c'))) return { dir: built, version: name };
  const unpacked = join(CACHE, name);
  if (!existsSync(join(unpacked, 'shell.c'))) {
    mkdirSync(CACHE, { recursive: true });
    run('tar', ['-xzf', join(deps, tarball), '-C', CACHE]);
  }
  return { dir: unpacked, version: name };
}

/** The path of the shell, building it first if needed. */
export function sqliteShell(): { path: string; version: string } {
  const { dir, version } = amalgamation();
  const path = join(CACHE, `sqlite3-${version}`);
  if (!existsSync(path)) {
    mkdirSync(CACHE, { recursive: true });
    process.stderr.write(`building the sqlite3 shell from ${version} (about a minute)…\n`);
    run('gcc', [
      '-O3',
      ...DEFINES.map((d) => `-D${d}`),
      `-I${dir}`,
      join(dir, 'shell.c'),
      join(dir, 'sqlite3.c'),
      '-o',
      path,
      '-lm',
      '-lpthread',
      '-ldl',
    ]);
  }
  return { path, version };
}

/**
 * One sqlite3 shell process kept open on a database, timing one statement at a time
 * (`.timer on`), so a benchmark can interleave it with its own measurements and both
 * meet the same load on a shared machine.
 */
export class ShellSession {
  readonly #child: ChildProcessWithoutNullStreams;
  #buffer = '';
  #waiting: ((line: string) => void) | null = null;
  #lines: string[] = [];
  #stderr = '';

  constructor(shell: string, database: string) {
    this.#child = spawn(shell, [database], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.#child.stdout.setEncoding('utf8');
    this.#child.stderr.setEncoding('utf8');
    this.#child.stdout.on('data', (chunk: string) => this.#receive(chunk));
    this.#child.stderr.on('data', (chunk: string) => {
      this.#stderr += chunk;
    });
    this.#child.stdin.write('.mode list\n.timer on\n');
  }

  #receive(chunk: string): void {
    this.#buffer += chunk;
    let newline = this.#buffer.indexOf('\n');
    while (newline >= 0) {
      const line = this.#buffer.slice(0, newline);
      this.#buffer = this.#buffer.slice(newline + 1);
      if (line.startsWith('Run Time: real ')) {
        const waiting = this.#waiting;
        this.#waiting = null;
        if (waiting) waiting(line);
        else this.#lines.push(line);
      }
      newline = this.#buffer.indexOf('\n');
    }
  }

  /** Runs one statement; resolves to its run time in milliseconds as the shell measured it. */
  time(statement: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const done = (line: string) => resolve(Number(line.split(' ')[3]) * 1000);
      const early = this.#lines.shift();
      if (early) return done(early);
      const timer = setTimeout(
        () => reject(new Error(`sqlite3 shell: no timing after 60 s (${this.#stderr.slice(-300)})`)),
        60_000,
      );
      this.#waiting = (line) => {
        clearTimeout(timer);
        done(line);
      };
      this.#child.stdin.write(`${statement.replace(/\s+/g, ' ').trim()};\n`);
    });
  }

  /** Errors the shell printed so far (a statement it could not run prints no timing). */
  get stderr(): string {
    return this.#stderr;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#child.once('exit', () => resolve());
      this.#child.stdin.end('.quit\n');
    });
  }
}
