/**
 * Issue 15's choice, measured: on the pages of the CJK documents of the corpus, how three ways
 * of indexing CJK find 2–4 character words that stand inside running text (the right answer:
 * every page holding the word as a substring), and what each index costs.
 * - bigrams: our index form (search/script-text.ts) in unicode61, the word a phrase of bigrams;
 * - trigram: FTS5's trigram tokenizer, the word as a substring (FTS5 finds nothing under 3 characters);
 * - Intl.Segmenter: words cut by ICU's dictionary, the word found where it is one word or a run of whole words.
 *
 *   npx tsx bench/cjk-approaches.ts
 */
import { rmSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { importPaths, openArchive } from '../src/main/archive/index.js';
import { mapIndexText } from '../src/main/archive/search/script-text.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = process.env['EXHIBIT_CORPUS'] ?? resolve(ROOT, '../shared/corpus');
const FILES = [
  join(ROOT, 'tests/fixtures/corpus/pdf-good/debian__project-history.ja.pdf'),
  join(CORPUS, 'pdf-good/debian__project-history.ko.pdf'),
  join(CORPUS, 'pdf-good/pdfplumber__issue-67-example.pdf'),
  join(CORPUS, 'html/readability__gmw.html'),
  join(CORPUS, 'html/readability__hukumusume.html'),
];
const RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+/gu;

const path = join(ROOT, '.tmp', 'cjk-approaches.exhibit');
rmSync(path, { force: true });
const archive = await openArchive(path);
await importPaths(archive, FILES);
const pages = (await archive.db.selectFrom('pages').select(['id', 'text']).execute()).filter((p) => RUN.test(p.text));
RUN.lastIndex = 0;
const runs = [...new Set(pages.flatMap((p) => p.text.match(RUN) ?? []))].filter((r) => [...r].length >= 4).sort();
const words: string[] = [];
for (let i = 0; words.length < 60 && i < runs.length * 4; i++) {
  const run = [...(runs[(i * 7919) % runs.length] ?? '')];
  const n = 2 + (i % 3);
  const w = run
    .slice((i * 31) % Math.max(1, run.length - n + 1))
    .slice(0, n)
    .join('');
  if ([...w].length === n && !words.includes(w)) words.push(w);
}

async function exact(name: string, find: (w: string) => Promise<Set<number>>): Promise<string> {
  let right = 0;
  for (const w of words) {
    const truth = pages.filter((p) => p.text.includes(w)).map((p) => p.id);
    const got = await find(w);
    if (got.size === truth.length && truth.every((id) => got.has(id))) right++;
  }
  return `${name}: ${right}/${words.length} words found on exactly the right pages`;
}
const ids = (rows: { id: number }[]) => new Set(rows.map((r) => r.id));
const db = archive.db;
await sql`CREATE VIRTUAL TABLE tri USING fts5(text, tokenize = 'trigram remove_diacritics 1')`.execute(db);
await sql`CREATE VIRTUAL TABLE bi USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
for (const p of pages) {
  await sql`INSERT INTO tri (rowid, text) VALUES (${p.id}, ${p.text})`.execute(db);
  await sql`INSERT INTO bi (rowid, text) VALUES (${p.id}, ${mapIndexText(p.text).text})`.execute(db);
}
const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
const lines = [
  `${pages.length} CJK pages of ${FILES.length} documents, ${words.length} words of 2–4 characters`,
  await exact('bigrams', async (w) =>
    ids(
      (
        await sql<{
          id: number;
        }>`SELECT rowid AS id FROM bi WHERE bi MATCH ${quote(mapIndexText(w).text.trim())}`.execute(db)
      ).rows,
    ),
  ),
  await exact('trigram', async (w) =>
    ids((await sql<{ id: number }>`SELECT rowid AS id FROM tri WHERE tri MATCH ${quote(w)}`.execute(db)).rows),
  ),
  await exact('Intl.Segmenter', async (w) => {
    const found = new Set<number>();
    for (const p of pages) {
      const segs = [...new Intl.Segmenter(['ja', 'zh', 'ko'], { granularity: 'word' }).segment(p.text)].map(
        (s) => s.segment,
      );
      for (let i = 0; i < segs.length && !found.has(p.id); i++) {
        let joined = '';
        for (let j = i; j < segs.length && joined.length < w.length; j++) joined += segs[j];
        if (joined === w) found.add(p.id);
      }
    }
    return found;
  }),
];
const size = async (prefix: string) =>
  Number(
    (await sql<{ n: number }>`SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE ${prefix + '%'}`.execute(db)).rows[0]
      ?.n ?? 0,
  );
const text = pages.reduce((n, p) => n + Buffer.byteLength(p.text), 0);
lines.push(
  `index size over the pages' ${Math.round(text / 1024)} KiB of text: bigrams ${((await size('bi_')) / text).toFixed(2)}×, trigram ${((await size('tri_')) / text).toFixed(2)}×`,
);
await archive.close();
rmSync(path, { force: true });
process.stdout.write(lines.join('\n') + '\n');
