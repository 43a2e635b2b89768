/**
 * `npm run bench [-- NAME...]`: runs each benchmark module listed below (or the named
 * ones), prints its table and writes bench/results/<name>.json with the machine it ran on.
 * `npm run bench -- --list` loads every module and names them, running none.
 * Add a benchmark by adding a line to BENCHES.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './machine.js';
import type { BenchModule } from './types.js';

const BENCHES: (() => Promise<{ bench: BenchModule }>)[] = [
  () => import('./import.js'),
  () => import('./search.js'),
  () => import('./export.js'),
  () => import('./renderer.js'),
  () => import('./cli.js'),
  () => import('./infer.js'),
  () => import('./entities.js'),
];

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results');

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const machine = describeMachine();
  process.stdout.write(
    `machine: ${machine.cores} cores, ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}\n`,
  );
  const modules = await Promise.all(BENCHES.map(async (load) => (await load()).bench));
  if (wanted.includes('--list')) {
    for (const m of modules) process.stdout.write(`${m.name}: ${m.description}\n`);
    return;
  }
  const unknown = wanted.filter((name) => !modules.some((m) => m.name === name));
  if (unknown.length) {
    process.stderr.write(
      `bench: no benchmark named ${unknown.join(', ')} (there are: ${modules.map((m) => m.name).join(', ')})\n`,
    );
    process.exitCode = 2;
    return;
  }
  mkdirSync(RESULTS, { recursive: true });
  for (const bench of modules.filter((m) => wanted.length === 0 || wanted.includes(m.name))) {
    process.stdout.write(`\n== ${bench.name}: ${bench.description}\n`);
    const started = new Date();
    const report = await bench.run();
    process.stdout.write(`${report.table}\n\n${report.summary.join('\n')}\n`);
    const file = join(RESULTS, `${bench.name}.json`);
    const json = {
      name: bench.name,
      description: bench.description,
      ranAt: started.toISOString(),
      machine,
      summary: report.summary,
      ...report.data,
    };
    writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
    process.stdout.write(`wrote ${file}\n`);
  }
}

await main();
