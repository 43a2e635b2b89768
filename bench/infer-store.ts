/**
 * What inference (issue 13) adds to the import time of the 20,000-release benchmark: the
 * same releases stored through the core's store path as bench/search.ts stores them
 * (storeDocument in transactions of 500, five pages each, two tags), once without
 * inference, once with it (inferMetadata, the decision, the inferences' rows, the MinHash
 * signature and its LSH bands, the version lookup), and once with the engine's output
 * computed beforehand (the storage side alone), each into a fresh archive, the three
 * alternated for BENCH_INFER_ROUNDS rounds (default 3) and compared by median CPU seconds.
 * Run: `npx tsx bench/infer-store.ts` (BENCH_INFER_DOCS=N for fewer documents).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchive } from '../src/main/archive/index.js';
import {
  inferForStore,
  storeDocument,
  type InferredForStore,
  type StoreInput,
} from '../src/main/archive/import/store.js';
import { addTagsInTransaction } from '../src/main/archive/tags/tags.js';
import { round } from './table.js';
import {
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = process.env['EXHIBIT_CORPUS'] ?? resolve(ROOT, '../shared/corpus');
const WORK = join(ROOT, '.tmp', 'bench-infer-store');
const DOCUMENTS = Math.max(100, Number(process.env['BENCH_INFER_DOCS'] ?? 20_000));
const PAGES = 5;
const BATCH = 500;

interface Release {
  senator: string;
  fileName: string;
  text: string;
}

function releases(): Release[] {
  const dir = join(WORK, 'corpus', 'grimmer-senate-press-releases');
  if (!existsSync(dir)) {
    mkdirSync(join(WORK, 'corpus'), { recursive: true });
    const tar = spawnSync('tar', [
      '-xzf',
      join(CORPUS, 'senate-press-releases-20k.tar.gz'),
      '-C',
      join(WORK, 'corpus'),
    ]);
    if (tar.status !== 0) throw new Error('cannot unpack the press releases');
  }
  const all: Array<{ senator: string; fileName: string; text: string }> = [];
  const seen = new Set<string>();
  for (const senator of readdirSync(dir).sort())
    for (const fileName of readdirSync(join(dir, senator)).sort()) {
      const text = readFileSync(join(dir, senator, fileName), 'utf8').replace(/\r\n?/g, '\n');
      const sha = createHash('sha256').update(text).digest('hex');
      if (seen.has(sha) || text.trim().length < 200) continue;
      seen.add(sha);
      all.push({ senator, fileName, text });
    }
  const step = all.length / Math.min(DOCUMENTS, all.length);
  return Array.from({ length: Math.min(DOCUMENTS, all.length) }, (_, i) => all[Math.floor(i * step)]!);
}

function paginate(text: string): string[] {
  const pages: string[] = [];
  let start = 0;
  for (let i = 1; i <= PAGES; i++) {
    let end = i === PAGES ? text.length : Math.round((text.length * i) / PAGES);
    while (end < text.length && end > start && !/\s/.test(text[end] ?? '')) end++;
    pages.push(text.slice(start, end));
    start = end;
  }
  return pages;
}

interface Run {
  seconds: number;
  cpuSeconds: number;
  queries: number;
  groups: number;
}

/** Counts the statements run through a Kysely instance (a transaction included). */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

type Mode = 'plain' | 'infer' | 'stored';

function inputOf(r: Release): Omit<StoreInput, 'inferred' | 'infer'> {
  const bytes = Buffer.from(r.text, 'utf8');
  return {
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    fileName: r.fileName,
    extracted: {
      format: 'text',
      mimeType: 'text/plain',
      metadata: {},
      pages: paginate(r.text).map((text) => ({ text })),
      warnings: [],
    },
  };
}

/**
 * Stores the releases into a fresh archive. 'plain' without inference, 'infer' running the
 * engine inside the store path, 'stored' with the engine's output computed beforehand (the
 * storage side alone: the inferences' rows, the signature, its bands, the version lookup).
 */
async function storeAll(
  inputs: Array<Omit<StoreInput, 'inferred' | 'infer'>>,
  senators: string[],
  mode: Mode,
  engine: InferredForStore[],
): Promise<Run> {
  const path = join(WORK, `archive-${mode}.exhibit`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const archive = await openArchive(path);
  const counter = new QueryCounter();
  const started = performance.now();
  const cpu = process.cpuUsage();
  let groups = 0;
  try {
    for (let i = 0; i < inputs.length; i += BATCH) {
      await archive.db.transaction().execute(async (plainTrx) => {
        const trx = plainTrx.withPlugin(counter);
        for (let j = i; j < Math.min(i + BATCH, inputs.length); j++) {
          const input = inputs[j]!;
          const id = await storeDocument(trx, {
            ...input,
            infer: mode === 'infer',
            ...(mode === 'stored' ? { inferred: engine[j]! } : {}),
          });
          await addTagsInTransaction(trx, [`senator/${senators[j]!}`, `batch/${j % 10}`], { documentIds: [id] });
        }
      });
    }
    const used = process.cpuUsage(cpu);
    const seconds = (performance.now() - started) / 1000;
    if (mode !== 'plain') {
      const row = await sql<{ n: number }>`select count(*) as n from documents where version_group is not null`.execute(
        archive.db,
      );
      groups = row.rows[0]?.n ?? 0;
    }
    return { seconds, cpuSeconds: (used.user + used.system) / 1e6, queries: counter.count, groups };
  } finally {
    await archive.close();
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const docs = releases();
const ROUNDS = Math.max(1, Number(process.env['BENCH_INFER_ROUNDS'] ?? 3));
process.stderr.write(`${docs.length} releases, ${ROUNDS} rounds\n`);
const inputs = docs.map(inputOf);
const senators = docs.map((d) => d.senator);
const engineCpu = process.cpuUsage();
const engine = inputs.map((input) => inferForStore(input));
const engineUsed = process.cpuUsage(engineCpu);
const runs: Record<Mode, Run[]> = { plain: [], infer: [], stored: [] };
// Alternated, so a load on the shared machine falls on every mode alike.
for (let round = 0; round < ROUNDS; round++)
  for (const mode of ['plain', 'stored', 'infer'] as const) {
    const run = await storeAll(inputs, senators, mode, engine);
    runs[mode].push(run);
    process.stderr.write(`${mode}: ${round} ${JSON.stringify(run)}\n`);
  }
const cpuOf = (mode: Mode) => median(runs[mode].map((r) => r.cpuSeconds));
const wallOf = (mode: Mode) => median(runs[mode].map((r) => r.seconds));
const plainCpu = cpuOf('plain');
console.log(
  JSON.stringify({
    documents: docs.length,
    rounds: ROUNDS,
    engineCpuSeconds: round((engineUsed.user + engineUsed.system) / 1e6, 2),
    medianCpuSeconds: { plain: round(plainCpu, 2), stored: round(cpuOf('stored'), 2), infer: round(cpuOf('infer'), 2) },
    medianWallSeconds: {
      plain: round(wallOf('plain'), 2),
      stored: round(wallOf('stored'), 2),
      infer: round(wallOf('infer'), 2),
    },
    queriesPerDocument: {
      plain: round(runs.plain[0]!.queries / docs.length, 2),
      stored: round(runs.stored[0]!.queries / docs.length, 2),
    },
    storageAddedPercentCpu: round(((cpuOf('stored') - plainCpu) / plainCpu) * 100, 1),
    inferenceAddedPercentCpu: round(((cpuOf('infer') - plainCpu) / plainCpu) * 100, 1),
    documentsInAVersionGroup: runs.stored[0]!.groups,
  }),
);
