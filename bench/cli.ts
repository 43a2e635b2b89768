/**
 * bench/cli: the command line as people run it in loops, whole process from spawn to exit.
 * A 5,000-document archive is imported by `exhibit import` from the first 5,000 files (in path
 * order) of the Senate press releases of the shared corpus; then, each RUNS times after one
 * warm-up: `node -e 0` (Node's own start-up, for reference), `exhibit --help`, and for each
 * word `exhibit search WORD --json` beside ripgrep's `rg -l -w WORD` over the same extracted
 * files, run by run in turn so that both meet the same load on a shared machine. Median and
 * p90 of each, and the median CPU time (user + system, through GNU time when installed).
 *
 *   npx tsx bench/cli.ts           (writes bench/results/cli.json)
 *   npm run bench -- cli
 *
 * The extracted files and the archive are kept in .tmp/bench-cli between runs (the archive
 * is rebuilt when its stamp is missing or names other files). BENCH_CLI_RUNS=10 by default.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeMachine, toolVersion } from './machine.js';
import { formatTable, round } from './table.js';
import type { BenchModule, BenchReport } from './types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = process.env['EXHIBIT_CORPUS'] ?? resolve(ROOT, '../shared/corpus');
const WORK = join(ROOT, '.tmp', 'bench-cli');
const FILES = join(WORK, 'files');
const ARCHIVE = join(WORK, 'archive.exhibit');
const STAMP = join(WORK, 'archive.json');
const BIN = join(ROOT, 'bin', 'exhibit.js');
const DOCUMENTS = 5_000;
const RUNS = Math.max(3, Number(process.env['BENCH_CLI_RUNS'] ?? 10));
/** A common word, two middling ones and a rare one. */
const WORDS = ['senator', 'veterans', 'appropriations', 'ethanol'];
const TARGET_HELP_MS = 100;
const TARGET_SEARCH_MS = 150;

interface Figures {
  median: number;
  p90: number;
  /** CPU time (user + system) of the process, median: steadier than wall time on a shared machine. */
  cpuMedian: number | null;
  runs: number[];
}

interface Timed {
  ms: number;
  cpuMs: number | null;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}

function figures(timed: Timed[]): Figures {
  const runs = timed.map((t) => t.ms);
  const cpu = timed.map((t) => t.cpuMs).filter((c): c is number => c !== null);
  return {
    median: round(percentile(runs, 50), 1),
    p90: round(percentile(runs, 90), 1),
    cpuMedian: cpu.length === timed.length ? round(percentile(cpu, 50), 0) : null,
    runs: runs.map((r) => round(r, 1)),
  };
}

/** GNU time reports the child's CPU time; its own exec adds about a millisecond to every command alike. */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const CPU_FILE = join(WORK, 'cpu.txt');

function spawnTimed(command: string, args: readonly string[]): Timed & { run: SpawnSyncReturns<string> } {
  const [file, argv] = GNU_TIME ? [GNU_TIME, ['-o', CPU_FILE, '-f', '%U %S', command, ...args]] : [command, [...args]];
  const started = performance.now();
  const run = spawnSync(file, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  let cpuMs: number | null = null;
  if (GNU_TIME) {
    const [user, system] = readFileSync(CPU_FILE, 'utf8').trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
    if (user !== undefined && system !== undefined && Number.isFinite(user + system)) cpuMs = (user + system) * 1000;
  }
  return { ms, cpuMs, run };
}

function mustSucceed(what: string, run: SpawnSyncReturns<string>, okStatuses: readonly number[] = [0]): void {
  if (run.error) throw new Error(`${what}: ${run.error.message}`);
  if (!okStatuses.includes(run.status ?? -1))
    throw new Error(`${what} exited ${run.status}: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`);
}

/** Every file under `dir`, as paths relative to it, in path order. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )) {
      if (entry.isDirectory()) walk(join(d, entry.name));
      else out.push(relative(dir, join(d, entry.name)));
    }
  };
  walk(dir);
  return out;
}

/** The first DOCUMENTS press releases, copied to FILES (once). */
function prepareFiles(): string[] {
  const corpus = join(WORK, 'corpus');
  if (!existsSync(corpus)) {
    mkdirSync(corpus, { recursive: true });
    const tar = spawnSync('tar', ['-xzf', join(CORPUS, 'senate-press-releases-20k.tar.gz'), '-C', corpus], {
      encoding: 'utf8',
    });
    if (tar.status !== 0) {
      rmSync(corpus, { recursive: true, force: true });
      throw new Error(`cannot unpack the press releases: ${tar.stderr}`);
    }
  }
  const chosen = listFiles(corpus).slice(0, DOCUMENTS);
  const present = existsSync(FILES) ? listFiles(FILES) : [];
  if (present.join('\n') !== chosen.join('\n')) {
    rmSync(FILES, { recursive: true, force: true });
    for (const file of chosen) cpSync(join(corpus, file), join(FILES, file));
  }
  return chosen;
}

interface Stamp {
  files: string[];
  imported: number;
  duplicates: number;
  importSeconds: number;
}

/** Imports FILES through `exhibit import` unless the archive of these very files is already there. */
function prepareArchive(files: string[]): Stamp {
  if (existsSync(STAMP) && existsSync(ARCHIVE)) {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as Stamp;
    if (stamp.files.join('\n') === files.join('\n')) return stamp;
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(ARCHIVE + suffix, { force: true });
  rmSync(STAMP, { force: true });
  process.stderr.write(`importing ${files.length} files into ${relative(ROOT, ARCHIVE)}…\n`);
  const { ms, run } = spawnTimed(process.execPath, [BIN, '--archive', ARCHIVE, '--json', 'import', FILES]);
  mustSucceed('exhibit import', run);
  const { results } = JSON.parse(run.stdout) as { results: { status: string }[] };
  const stamp: Stamp = {
    files,
    imported: results.filter((r) => r.status === 'imported').length,
    duplicates: results.filter((r) => r.status === 'duplicate').length,
    importSeconds: round(ms / 1000, 1),
  };
  writeFileSync(STAMP, JSON.stringify(stamp) + '\n');
  return stamp;
}

interface WordFigures {
  word: string;
  /** Hits exhibit reports (pages, quotes, notes, metadata). */
  hits: number;
  /** Files rg lists (case-sensitive, as `rg -l -w` is). */
  rgFiles: number;
  exhibit: Figures;
  rg: Figures;
}

/** Runs the measures; each list of runs starts with a warm-up that is not counted. */
function measure(): { node: Figures; help: Figures; words: WordFigures[] } {
  const node: Timed[] = [];
  const help: Timed[] = [];
  for (let i = -1; i < RUNS; i++) {
    const bare = spawnTimed(process.execPath, ['-e', '0']);
    mustSucceed('node -e 0', bare.run);
    const h = spawnTimed(process.execPath, [BIN, '--help']);
    mustSucceed('exhibit --help', h.run);
    if (i < 0) continue;
    node.push(bare);
    help.push(h);
  }
  const words = WORDS.map((word): WordFigures => {
    const exhibit: Timed[] = [];
    const rg: Timed[] = [];
    let hits = 0;
    let rgFiles = 0;
    for (let i = -1; i < RUNS; i++) {
      const e = spawnTimed(process.execPath, [BIN, '--archive', ARCHIVE, 'search', word, '--json']);
      mustSucceed(`exhibit search ${word}`, e.run);
      // rg exits 1 when nothing matches.
      const r = spawnTimed('rg', ['-l', '-w', word, FILES]);
      mustSucceed(`rg -l -w ${word}`, r.run, [0, 1]);
      hits = (JSON.parse(e.run.stdout) as { total: number }).total;
      rgFiles = r.run.stdout.split('\n').filter(Boolean).length;
      if (i < 0) continue;
      exhibit.push(e);
      rg.push(r);
    }
    return { word, hits, rgFiles, exhibit: figures(exhibit), rg: figures(rg) };
  });
  return { node: figures(node), help: figures(help), words };
}

export async function run(): Promise<BenchReport> {
  if (spawnSync('rg', ['--version']).error)
    throw new Error('rg (ripgrep) is not installed: the CLI benchmark compares against it');
  // The bench measures the CLI users run: bin/exhibit.js over a fresh out/cli.
  mustSucceed('build-cli', spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, encoding: 'utf8' }));
  mkdirSync(WORK, { recursive: true });
  const files = prepareFiles();
  const stamp = prepareArchive(files);
  const loadBefore = loadavg()[0] ?? 0;
  const { node, help, words } = measure();
  // Wall times mean little without the machine's load (2 cores shared with other work).
  const load = { before: round(loadBefore, 1), after: round(loadavg()[0] ?? 0, 1) };
  const searchMedians = words.map((w) => w.exhibit.median);
  const meets = { help: help.median < TARGET_HELP_MS, search: searchMedians.every((m) => m < TARGET_SEARCH_MS) };
  const table = formatTable(
    ['command', 'median ms', 'p90 ms', 'CPU ms', 'rg median ms', 'rg p90 ms', 'rg CPU ms', 'exhibit hits', 'rg files'],
    [
      ['node -e 0 (Node start-up)', node.median, node.p90, node.cpuMedian, null, null, null, null, null],
      ['exhibit --help', help.median, help.p90, help.cpuMedian, null, null, null, null, null],
      ...words.map((w) => [
        `exhibit search ${w.word} --json`,
        w.exhibit.median,
        w.exhibit.p90,
        w.exhibit.cpuMedian,
        w.rg.median,
        w.rg.p90,
        w.rg.cpuMedian,
        w.hits,
        w.rgFiles,
      ]),
    ],
  );
  const summary = [
    `${stamp.imported} documents (${files.length} files, ${stamp.duplicates} duplicates) imported by exhibit import in ${stamp.importSeconds} s; whole process, ${RUNS} runs after a warm-up, exhibit and rg in turn; load average ${load.before} before, ${load.after} after`,
    `targets (median): --help < ${TARGET_HELP_MS} ms ${meets.help ? 'met' : 'MISSED'} (${help.median} ms); search --json < ${TARGET_SEARCH_MS} ms ${meets.search ? 'met' : 'MISSED'} (${Math.min(...searchMedians)}–${Math.max(...searchMedians)} ms; rg -l -w ${Math.min(...words.map((w) => w.rg.median))}–${Math.max(...words.map((w) => w.rg.median))} ms)`,
  ];
  return {
    table,
    summary,
    data: {
      runs: RUNS,
      loadAverage: load,
      ripgrep: toolVersion('rg', ['--version']),
      archive: {
        documents: stamp.imported,
        files: files.length,
        duplicates: stamp.duplicates,
        importSeconds: stamp.importSeconds,
      },
      targets: { helpMs: TARGET_HELP_MS, searchMs: TARGET_SEARCH_MS, met: meets },
      node,
      help,
      search: words,
    },
  };
}

export const bench: BenchModule = {
  name: 'cli',
  description:
    'whole-process exhibit --help and exhibit search --json on 5,000 documents, beside rg -l -w over the same files',
  run,
};

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const started = new Date();
  const report = await run();
  process.stdout.write(`${report.table}\n\n${report.summary.join('\n')}\n`);
  const file = join(ROOT, 'bench', 'results', 'cli.json');
  mkdirSync(dirname(file), { recursive: true });
  const json = {
    name: bench.name,
    description: bench.description,
    ranAt: started.toISOString(),
    machine: describeMachine(),
    summary: report.summary,
    ...report.data,
  };
  writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
  process.stdout.write(`wrote ${file}\n`);
}
