/**
 * The CJK and marks class of bench/search (issue 15). Adds to the benchmark archive 2,000
 * documents of five pages (10,000 pages) cut from the CJK documents of the corpus (the Korean
 * and Japanese Debian histories, the Chinese company report, the Chinese and Japanese web pages
 * and mail), each page a real page's text, and a few constructed Hebrew and Arabic pages with
 * their marks. Then, in the same run:
 * - correctness: for 30 CJK words (2–4 characters, taken from those pages) the pages FTS5 finds
 *   are exactly the pages holding the word as a substring (a plain scan of every page's text);
 *   for 20 Hebrew and Arabic words, with and without their marks, exactly the pages holding the
 *   word, marks dropped on both sides, as a whole word;
 * - speed: the CJK words through `search()` (limit 20, snippets cut from the source, total);
 * - index growth: the index forms stored and the FTS indexes' size before and after.
 */
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { importPaths, search, type Archive } from '../src/main/archive/index.js';
import { storeDocument } from '../src/main/archive/import/store.js';
import { ftsQuery } from '../src/main/archive/search/query.js';

const CJK_FILES = [
  'pdf-good/debian__project-history.ko.pdf',
  'pdf-good/pdfplumber__issue-67-example.pdf',
  'html/readability__gmw.html',
  'html/readability__hukumusume.html',
  'html/readability__pixnet.html',
  'html/readability__qq.html',
  'eml/spamassassin__spamassassin_big5-base64.eml',
  'eml/spamassassin__spamassassin_iso-2022-jp.eml',
];
/** The Japanese Debian history is in the repository's fixture corpus, not the shared one. */
const JAPANESE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../tests/fixtures/corpus/pdf-good/debian__project-history.ja.pdf',
);
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+/gu;
const MARKS = /[\p{Mn}\p{Me}\u0640]/gu;

/** Constructed pointed Hebrew (Genesis 1:1–5, public domain) and vowelled Arabic (written for this bench). */
const MARKED_TEXTS = [
  'בְּרֵאשִׁית בָּרָא אֱלֹהִים אֵת הַשָּׁמַיִם וְאֵת הָאָרֶץ׃ וְהָאָרֶץ הָיְתָה תֹהוּ וָבֹהוּ וְחֹשֶׁךְ עַל־פְּנֵי תְהוֹם וְרוּחַ אֱלֹהִים מְרַחֶפֶת עַל־פְּנֵי הַמָּיִם׃ וַיֹּאמֶר אֱלֹהִים יְהִי אוֹר וַיְהִי־אוֹר׃ וַיַּרְא אֱלֹהִים אֶת־הָאוֹר כִּי־טוֹב וַיַּבְדֵּל אֱלֹהִים בֵּין הָאוֹר וּבֵין הַחֹשֶׁךְ׃ וַיִּקְרָא אֱלֹהִים לָאוֹר יוֹם וְלַחֹשֶׁךְ קָרָא לָיְלָה',
  'كَتَبَ المُحَقِّقُ تَقْرِيرًا عَنِ الشَّرِكَةِ وَقَرَأَ الْقَاضِي الوَثِيقَةَ فِي الْمَحْكَمَةِ. قَالَ الشَّاهِدُ إِنَّ الـمُـديـرَ وَقَّعَ العَقْدَ قَبْلَ الاجْتِمَاعِ، وَأَرْسَلَتِ الوِزَارَةُ رِسَالَةً إِلَى البَنْكِ',
  'בראשית ברא אלהים את השמים ואת הארץ והארץ היתה תהו ובהו',
  'كتب المحقق تقريرا عن الشركة وقرأ القاضي الوثيقة في المحكمة',
];
const MARKED_WORDS = [
  'בְּרֵאשִׁית',
  'אֱלֹהִים',
  'הַשָּׁמַיִם',
  'הָאָרֶץ',
  'וְחֹשֶׁךְ',
  'הַמָּיִם',
  'וַיֹּאמֶר',
  'הָאוֹר',
  'לָיְלָה',
  'תְהוֹם',
  'المُحَقِّقُ',
  'تَقْرِيرًا',
  'الشَّرِكَةِ',
  'الْقَاضِي',
  'الوَثِيقَةَ',
  'الْمَحْكَمَةِ',
  'الـمُـديـرَ',
  'العَقْدَ',
  'الوِزَارَةُ',
  'البَنْكِ',
];

export interface ScriptFigures {
  cjkPages: number;
  words: { cjk: string[]; marked: string[] };
  /** queries whose pages differ from the scan's, with what each found */
  wrong: { query: string; fts: number; scan: number }[];
  checked: number;
  timings: number[];
  searchTextBytes: number;
  cjkTextBytes: number;
}

const strip = (s: string) => s.replace(MARKS, '');

/** Adds the CJK and marked pages; returns the CJK pages' texts. */
export async function addScriptPages(archive: Archive, corpus: string): Promise<{ pages: number; bytes: number }> {
  const imported = await importPaths(archive, [JAPANESE, ...CJK_FILES.map((f) => join(corpus, f))]);
  const ids = imported.map((r) => r.documentId).filter((id): id is number => typeof id === 'number');
  const source = (
    await archive.db
      .selectFrom('pages')
      .select('text')
      .where('document_id', 'in', ids.length ? ids : [0])
      .execute()
  )
    .map((r) => r.text)
    .filter((t) => (t.match(CJK_RUN) ?? []).join('').length >= 40);
  let bytes = 0;
  let pages = 0;
  for (let d = 0; d < 2000; d += 250) {
    await archive.db.transaction().execute(async (trx) => {
      for (let i = d; i < d + 250; i++) {
        const texts = Array.from({ length: 5 }, (_, p) => `${source[(i * 5 + p) % source.length] ?? ''}\n[${i}-${p}]`);
        const text = texts.join('\n');
        const data = Buffer.from(text, 'utf8');
        bytes += data.byteLength;
        pages += 5;
        await storeDocument(trx, {
          bytes: data,
          sha256: createHash('sha256').update(data).digest('hex'),
          fileName: `cjk-${i}.txt`,
          extracted: {
            format: 'text',
            mimeType: 'text/plain',
            metadata: { title: `CJK ${i}` },
            pages: texts.map((t) => ({ text: t })),
            warnings: [],
          },
        });
      }
    });
  }
  for (const [i, text] of MARKED_TEXTS.entries()) {
    const data = Buffer.from(text, 'utf8');
    await archive.db.transaction().execute((trx) =>
      storeDocument(trx, {
        bytes: data,
        sha256: createHash('sha256').update(data).digest('hex'),
        fileName: `marked-${i}.txt`,
        extracted: { format: 'text', mimeType: 'text/plain', metadata: {}, pages: [{ text }], warnings: [] },
      }),
    );
  }
  return { pages: pages + source.length, bytes };
}

/** 30 CJK words of 2–4 characters spread over the CJK pages' runs. */
function cjkWords(texts: string[]): string[] {
  const runs = [...new Set(texts.flatMap((t) => t.match(CJK_RUN) ?? []))].filter((r) => [...r].length >= 4).sort();
  const words: string[] = [];
  for (let i = 0; words.length < 30 && i < runs.length * 4; i++) {
    const run = [...(runs[(i * 7919) % runs.length] ?? '')];
    const length = 2 + (i % 3);
    const start = (i * 31) % Math.max(1, run.length - length + 1);
    const word = run.slice(start, start + length).join('');
    if ([...word].length === length && !words.includes(word)) words.push(word);
  }
  return words;
}

/** Correctness against a plain scan, and the CJK words' speed through search(). */
export async function measureScripts(archive: Archive, repeats: number): Promise<ScriptFigures> {
  const all = await archive.db
    .selectFrom('pages')
    .innerJoin('documents', 'documents.id', 'pages.document_id')
    .select(['pages.id', 'pages.text'])
    .where('documents.deleted_at', 'is', null)
    .execute();
  const cjkTexts = all.map((p) => p.text).filter((t) => (t.match(CJK_RUN) ?? []).length > 0);
  const cjk = cjkWords(cjkTexts);
  const wrong: ScriptFigures['wrong'] = [];
  const found = async (query: string) =>
    new Set(
      (
        await sql<{ id: number }>`SELECT rowid AS id FROM fts_pages WHERE fts_pages MATCH ${ftsQuery(query)}`.execute(
          archive.db,
        )
      ).rows.map((r) => r.id),
    );
  const compare = (query: string, fts: Set<number>, scan: number[]) => {
    if (scan.length !== fts.size || scan.some((id) => !fts.has(id)))
      wrong.push({ query, fts: fts.size, scan: scan.length });
  };
  for (const word of cjk)
    compare(
      word,
      await found(word),
      all.filter((p) => p.text.includes(word)).map((p) => p.id),
    );
  const words = (t: string) => strip(t).split(/[^\p{L}\p{N}]+/u);
  let checked = cjk.length;
  for (const word of MARKED_WORDS) {
    const scan = all.filter((p) => words(p.text).includes(strip(word))).map((p) => p.id);
    for (const query of [word, strip(word)]) {
      compare(query, await found(query), scan);
      checked++;
    }
  }
  const timings: number[] = [];
  for (let r = 0; r < repeats; r++) {
    for (const word of cjk) {
      const started = performance.now();
      await search(archive.db, word);
      timings.push(performance.now() - started);
    }
  }
  const searchTextBytes = Number(
    (await sql<{ n: number }>`SELECT sum(length(CAST(search_text AS BLOB))) AS n FROM pages`.execute(archive.db))
      .rows[0]?.n ?? 0,
  );
  return {
    cjkPages: cjkTexts.length,
    words: { cjk, marked: MARKED_WORDS },
    wrong,
    checked,
    timings,
    searchTextBytes,
    cjkTextBytes: cjkTexts.reduce((n, t) => n + Buffer.byteLength(t), 0),
  };
}
