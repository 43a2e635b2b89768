/**
 * The inference's cost over Senate press releases, against the cost of storing them: a
 * fixed sample (every tenth release by sorted path, up to INFER_SPEED_DOCS, default 2,000)
 * read through the text importer and inferred; then imported without inference (read,
 * SHA-256, text importer, the core's storeDocument) into a fresh temp archive, one
 * transaction per 500 documents, as an import does. Each is timed in BENCH_ROUNDS rounds
 * (default 3: a fresh archive each) and each document's fastest time counts.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '../src/main/archive/index.js';
import { storeDocument } from '../src/main/archive/import/store.js';
import { IMPORTERS } from '../src/main/archive/importers/index.js';
import type { ExtractedDocument } from '../src/main/archive/importers/types.js';
import { inferMetadata } from '../src/main/archive/infer/index.js';

const SAMPLE = Math.max(10, Number(process.env['INFER_SPEED_DOCS'] ?? 2000));
const TRANSACTION_DOCUMENTS = 500;
const ROUNDS = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 3));

export interface Timing {
  documents: number;
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

export interface SpeedFigures {
  corpus: string;
  /** Each document's fastest of the rounds. */
  infer: Timing;
  /** The first round alone: what one import pays, disturbance included. */
  inferFirstRound: Timing;
  /** Importing each document without inference: read, SHA-256, extract, store (fastest of the rounds). */
  store: Timing;
  /** The import's mean with its share of the commits (the least of the rounds'). */
  storeMeanWithCommits: number;
  /** Inference's mean over the import's: the share inference adds to import time. */
  inferOverStore: number;
}

function timing(ms: number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { documents: sorted.length, mean, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}

/** Where the releases are unpacked: the search bench's folder, or EXHIBIT_SENATE. */
export function senateFolder(root: string): string | null {
  const candidates = [
    process.env['EXHIBIT_SENATE'],
    join(root, '.tmp/bench-search/corpus/grimmer-senate-press-releases'),
    '/work/main/.tmp/bench-search/corpus/grimmer-senate-press-releases',
  ];
  return candidates.find((c): c is string => !!c && existsSync(c)) ?? null;
}

/** Every tenth release by sorted path: the same sample on every run. */
export function sampleReleases(folder: string, count = SAMPLE): string[] {
  const all = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const step = Math.max(1, Math.floor(all.length / count));
  return all
    .filter((_, i) => i % step === 0)
    .slice(0, count)
    .map((f) => join(folder, f));
}

export async function measureSpeed(root: string): Promise<SpeedFigures | null> {
  const folder = senateFolder(root);
  if (!folder) return null;
  const docs: { file: string; name: string; doc: ExtractedDocument }[] = [];
  for (const file of sampleReleases(folder)) {
    const bytes = new Uint8Array(readFileSync(file));
    const name = file.slice(folder.length + 1);
    docs.push({ file, name, doc: await IMPORTERS.text(bytes, name) });
  }
  // A warm-up pass (JIT, chrono's compiled patterns), then ROUNDS measured ones; each
  // document's least disturbed time counts (the machine is shared, as in the other benches).
  for (const d of docs.slice(0, 200)) inferMetadata(d.doc);
  const inferMs = docs.map(() => Infinity);
  const firstRoundMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++)
    for (const [i, d] of docs.entries()) {
      const started = performance.now();
      inferMetadata(d.doc);
      const ms = performance.now() - started;
      if (round === 0) firstRoundMs.push(ms);
      inferMs[i] = Math.min(inferMs[i] ?? Infinity, ms);
    }
  const importMs = docs.map(() => Infinity);
  let commitsPerDocument = Infinity;
  const dir = mkdtempSync(join(tmpdir(), 'exhibit-infer-speed-'));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const archive = await openArchive(join(dir, `speed-${round}.exhibit`));
      let inDocuments = 0;
      const started = performance.now();
      try {
        for (let i = 0; i < docs.length; i += TRANSACTION_DOCUMENTS) {
          await archive.db.transaction().execute(async (trx) => {
            for (const [j, d] of docs.slice(i, i + TRANSACTION_DOCUMENTS).entries()) {
              const t0 = performance.now();
              const bytes = new Uint8Array(readFileSync(d.file));
              const extracted = await IMPORTERS.text(bytes, d.name);
              await storeDocument(trx, {
                bytes,
                sha256: createHash('sha256').update(bytes).digest('hex'),
                fileName: d.name,
                extracted,
              });
              const ms = performance.now() - t0;
              inDocuments += ms;
              importMs[i + j] = Math.min(importMs[i + j] ?? Infinity, ms);
            }
          });
        }
        commitsPerDocument = Math.min(commitsPerDocument, (performance.now() - started - inDocuments) / docs.length);
      } finally {
        await archive.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const infer = timing(inferMs);
  const store = timing(importMs);
  const perDocument = store.mean + commitsPerDocument;
  return {
    corpus: folder,
    infer,
    inferFirstRound: timing(firstRoundMs),
    store,
    storeMeanWithCommits: perDocument,
    inferOverStore: infer.mean / perDocument,
  };
}
