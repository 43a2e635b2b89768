/**
 * What inference (issue 13) adds to the import time of the 20,000-release benchmark: the
 * same releases stored through the core's store path as bench/search.ts stores them
 * (storeDocument in transactions of 500, five pages each, two tags), once without
 * inference and once with it (inferMetadata, the decision, the inferences' rows, the
 * MinHash signature and its LSH bands, the version lookup), each into a fresh archive.
 * Run: `npx tsx bench/infer-store.ts` (BENCH_INFER_DOCS=N for fewer documents).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchive } from '../src/main/archive/index.js';
import { storeDocument } from '../src/main/archive/import/store.js';
import { addTagsInTransaction } from '../src/main/archive/tags/tags.js';
import { round } from './table.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = process.env['EXHIBIT_CORPUS'] ?? resolve(ROOT, '../shared/corpus');
const WORK = join(ROOT, '.tmp', 'bench-infer-store');
const DOCUMENTS = Math.max(100, Number(process.env['BENCH_INFER_DOCS'] ?? 20_000));
const PAGES = 5;
const BATCH = 500;

function releases(): Array<{ senator: string; fileName: string; text: string }> {
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

async function storeAll(
  docs: ReturnType<typeof releases>,
  infer: boolean,
): Promise<{ seconds: number; groups: number }> {
  const path = join(WORK, `archive-${infer ? 'infer' : 'plain'}.exhibit`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const archive = await openArchive(path);
  const started = performance.now();
  let groups = 0;
  try {
    for (let i = 0; i < docs.length; i += BATCH) {
      await archive.db.transaction().execute(async (trx) => {
        for (const [j, r] of docs.slice(i, i + BATCH).entries()) {
          const bytes = Buffer.from(r.text, 'utf8');
          const id = await storeDocument(trx, {
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
            infer,
          });
          await addTagsInTransaction(trx, [`senator/${r.senator}`, `batch/${(i + j) % 10}`], { documentIds: [id] });
        }
      });
    }
    const seconds = (performance.now() - started) / 1000;
    if (infer) {
      const { sql } = await import('kysely');
      const row = await sql<{ n: number }>`select count(*) as n from documents where version_group is not null`.execute(
        archive.db,
      );
      groups = row.rows[0]?.n ?? 0;
    }
    return { seconds, groups };
  } finally {
    await archive.close();
  }
}

const docs = releases();
process.stderr.write(`${docs.length} releases\n`);
const plain = await storeAll(docs, false);
const inferred = await storeAll(docs, true);
const plain2 = await storeAll(docs, false);
const best = Math.min(plain.seconds, plain2.seconds);
console.log(
  JSON.stringify({
    documents: docs.length,
    withoutInferenceSeconds: [round(plain.seconds, 1), round(plain2.seconds, 1)],
    withInferenceSeconds: round(inferred.seconds, 1),
    addedPercent: round(((inferred.seconds - best) / best) * 100, 1),
    documentsInAVersionGroup: inferred.groups,
  }),
);
