/**
 * The desktop-search side-by-side of bench/import.ts (issue 16): `recollindex` and
 * `exhibit import`, each as a whole process, on the same folders of 5,000 and 20,000 Senate
 * press releases, three alternating runs, medians, documents per second and peak RSS (GNU
 * time's "Maximum resident set size"). The folders are hard links into one unpacking of the
 * corpus under .tmp, so both programs read the same inodes from the same disk cache.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { round } from './table.js';

export interface SideBySideRun {
  seconds: number;
  peakMiB: number;
}

export interface SideBySide {
  documents: number;
  recoll: SideBySideRun[];
  exhibit: SideBySideRun[];
  recollMedian: SideBySideRun;
  exhibitMedian: SideBySideRun;
  recollDocsPerSecond: number;
  exhibitDocsPerSecond: number;
  /** Exhibit ÷ Recoll in documents per second (≥ 1 is the issue's target). */
  ratio: number;
  exhibitImported: number;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** Unpacks the releases once; returns every file, in path order. */
function releases(corpus: string, work: string): string[] {
  const root = join(work, 'corpus');
  const dir = join(root, 'grimmer-senate-press-releases');
  if (!existsSync(dir)) {
    mkdirSync(root, { recursive: true });
    const tar = spawnSync('tar', ['-xzf', join(corpus, 'senate-press-releases-20k.tar.gz'), '-C', root], {
      encoding: 'utf8',
    });
    if (tar.status !== 0) throw new Error(`cannot unpack the press releases: ${tar.stderr}`);
  }
  return readdirSync(dir)
    .sort()
    .flatMap((senator) =>
      readdirSync(join(dir, senator))
        .sort()
        .map((f) => join(dir, senator, f)),
    );
}

/** A folder of `count` releases spread over every senator (hard links, one folder per senator). */
function folderOf(files: readonly string[], count: number, work: string): string {
  const folder = join(work, `releases-${count}`);
  if (existsSync(`${folder}.complete`)) return folder;
  rmSync(folder, { recursive: true, force: true });
  const step = files.length / Math.min(count, files.length);
  for (let i = 0; i < Math.min(count, files.length); i++) {
    const file = files[Math.floor(i * step)] as string;
    const parts = file.split('/');
    const target = join(folder, parts.at(-2) ?? '', parts.at(-1) ?? '');
    mkdirSync(join(target, '..'), { recursive: true });
    linkSync(file, target);
  }
  writeFileSync(`${folder}.complete`, '');
  return folder;
}

/** Runs a command under GNU time; returns wall seconds and peak RSS. */
function timed(command: string, args: readonly string[], scratch: string, cwd: string): SideBySideRun {
  const timeFile = join(scratch, 'time.txt');
  const start = performance.now();
  const run = spawnSync('/usr/bin/time', ['-v', '-o', timeFile, command, ...args], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - start) / 1000;
  if (run.error || (run.status !== 0 && run.status !== 1))
    throw new Error(`${command} failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr.slice(-500)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'));
  return { seconds: round(seconds, 2), peakMiB: round(Number(rss?.[1] ?? NaN) / 1024, 1) };
}

function runRecoll(folder: string, scratch: string, root: string): SideBySideRun {
  const conf = join(scratch, 'recoll');
  rmSync(conf, { recursive: true, force: true });
  mkdirSync(conf, { recursive: true });
  writeFileSync(join(conf, 'recoll.conf'), `topdirs = ${folder}\n`);
  const run = timed('recollindex', ['-c', conf, '-z'], scratch, root);
  rmSync(conf, { recursive: true, force: true });
  return run;
}

/** `BENCH_EXHIBIT_BIN` runs another build of the CLI (a copy of an earlier one, for a before-and-after). */
const exhibitBin = (root: string) => process.env['BENCH_EXHIBIT_BIN'] ?? join(root, 'bin/exhibit.js');

function runExhibit(folder: string, scratch: string, root: string): { run: SideBySideRun; imported: number } {
  const archive = join(scratch, 'side-by-side.exhibit');
  rmSync(archive, { force: true });
  const run = timed(
    join(root, 'node_modules/.bin/node'),
    [exhibitBin(root), '--archive', archive, 'import', folder],
    scratch,
    root,
  );
  const count = spawnSync(
    join(root, 'node_modules/.bin/node'),
    [exhibitBin(root), '--archive', archive, '--json', 'docs'],
    { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const parsed = JSON.parse(count.stdout || '{}') as { documents?: unknown[] } | unknown[];
  const imported = Array.isArray(parsed) ? parsed.length : (parsed.documents?.length ?? NaN);
  for (const suffix of ['', '-wal', '-shm']) rmSync(archive + suffix, { force: true });
  return { run, imported };
}

/** Recoll then Exhibit, `repeats` times, on each folder size. */
export function recollSideBySide(options: {
  root: string;
  corpus: string;
  scratch: string;
  sizes: readonly number[];
  repeats: number;
}): SideBySide[] {
  const work = join(options.root, '.tmp', 'bench-import');
  const files = releases(options.corpus, work);
  return options.sizes.map((size) => {
    const folder = folderOf(files, size, work);
    const documents = Math.min(size, files.length);
    const recoll: SideBySideRun[] = [];
    const exhibit: SideBySideRun[] = [];
    let exhibitImported = 0;
    for (let i = 0; i < options.repeats; i++) {
      process.stderr.write(`  ${documents} releases, run ${i + 1}: recollindex …\n`);
      recoll.push(runRecoll(folder, options.scratch, options.root));
      process.stderr.write(`    ${recoll.at(-1)?.seconds} s, ${recoll.at(-1)?.peakMiB} MiB\n`);
      process.stderr.write(`  ${documents} releases, run ${i + 1}: exhibit import …\n`);
      const out = runExhibit(folder, options.scratch, options.root);
      exhibit.push(out.run);
      process.stderr.write(`    ${out.run.seconds} s, ${out.run.peakMiB} MiB, ${out.imported} documents\n`);
      exhibitImported = out.imported;
    }
    const recollMedian = {
      seconds: median(recoll.map((r) => r.seconds)),
      peakMiB: median(recoll.map((r) => r.peakMiB)),
    };
    const exhibitMedian = {
      seconds: median(exhibit.map((r) => r.seconds)),
      peakMiB: median(exhibit.map((r) => r.peakMiB)),
    };
    const recollDocsPerSecond = round(documents / recollMedian.seconds, 0);
    const exhibitDocsPerSecond = round(documents / exhibitMedian.seconds, 0);
    return {
      documents,
      recoll,
      exhibit,
      recollMedian,
      exhibitMedian,
      recollDocsPerSecond,
      exhibitDocsPerSecond,
      ratio: round(documents / exhibitMedian.seconds / (documents / recollMedian.seconds), 2),
      exhibitImported,
    };
  });
}
