/**
 * Builds the sample case: `npx tsx resources/sample-case/build.ts` writes the documents
 * into resources/sample-case/files/ and their metadata into resources/sample-case/case.json.
 * The output is byte-stable (fixed dates, names and ZIP timestamps), so the committed
 * files can be checked against a fresh build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildLedgerArticle } from './generate/ledger-article.js';
import { buildLetter } from './generate/letter.js';
import { buildMemo } from './generate/memo.js';
import { buildReviewArticle } from './generate/review-article.js';
import { buildStatement } from './generate/statement.js';
import { FICTION_NOTICE, type CaseManifest } from './generate/story.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Writes every document into `outDir` (created if needed); returns the manifest, not written. */
export async function buildSampleCase(outDir: string): Promise<{ files: string[]; manifest: CaseManifest }> {
  mkdirSync(outDir, { recursive: true });
  const generated = [await buildMemo(), await buildLedgerArticle(), await buildLetter(), await buildStatement(), await buildReviewArticle()];
  const manifest: CaseManifest = { notice: FICTION_NOTICE, documents: {} };
  for (const file of generated) {
    writeFileSync(join(outDir, file.fileName), file.bytes);
    Object.assign(manifest.documents, file.entries);
  }
  return { files: generated.map((f) => f.fileName).sort(), manifest };
}

/** The manifest exactly as case.json holds it. */
export function manifestJson(manifest: CaseManifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

async function main(): Promise<void> {
  const { files, manifest } = await buildSampleCase(join(HERE, 'files'));
  writeFileSync(join(HERE, 'case.json'), manifestJson(manifest));
  for (const file of files) process.stdout.write(`wrote resources/sample-case/files/${file}\n`);
  process.stdout.write('wrote resources/sample-case/case.json\n');
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  await main();
}
