/**
 * Archives written by every earlier schema version (tests/fixtures/archives, each made by
 * the CLI of the build that wrote that version) are upgraded by today's code with nothing
 * lost: every document, quote, tag and collection where it was, the custody history kept
 * and still one chain, `check` clean, and search finding exactly the pages that hold a word.
 */
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { checkArchive, openArchive, search } from '../../src/main/archive/index.js';
import { SCHEMA_VERSION } from '../../src/main/archive/db/migrations/index.js';
import { ROOT, tempDir } from '../helpers/archive.js';

const FIXTURES = join(ROOT, 'tests/fixtures/archives');
/** The versions there is a fixture of, from the file names. */
const EARLIER_VERSIONS = readdirSync(FIXTURES)
  .map((name) => /^schema-(\d+)\.exhibit$/.exec(name)?.[1])
  .filter((v): v is string => v !== undefined)
  .map(Number)
  .sort((a, b) => a - b);

type Row = Record<string, unknown>;

/** Reads a query's rows straight from the file, without Exhibit's code (which would migrate it). */
function rawRows(path: string, query: string): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (openError) => {
      if (openError) return reject(openError);
      db.all(query, (error, rows: Row[]) => {
        db.close();
        if (error) reject(error);
        else resolve(rows);
      });
    });
  });
}

async function hasTable(path: string, table: string): Promise<boolean> {
  const rows = await rawRows(path, `select name from sqlite_master where type = 'table' and name = '${table}'`);
  return rows.length === 1;
}

interface Snapshot {
  version: number;
  documents: Row[];
  pages: Row[];
  quotes: Row[];
  tags: Row[];
  collections: Row[];
  history: Row[];
}

async function snapshot(path: string): Promise<Snapshot> {
  const [{ user_version: version }] = (await rawRows(path, 'pragma user_version')) as [{ user_version: number }];
  const quotesExist = await hasTable(path, 'quotes');
  return {
    version,
    documents: await rawRows(
      path,
      'select id, sha256, title, type, authors, date, deleted_at from documents order by id',
    ),
    pages: await rawRows(path, 'select document_id, number, text from pages order by document_id, number'),
    quotes: quotesExist
      ? await rawRows(
          path,
          'select id, document_id, page, page_end, start_offset, end_offset, text, note, deleted_at from quotes order by id',
        )
      : [],
    tags: quotesExist
      ? await rawRows(
          path,
          `select t.name, 'document' as kind, dt.document_id as target from document_tags dt join tags t on t.id = dt.tag_id
           union all
           select t.name, 'quote', qt.quote_id from quote_tags qt join tags t on t.id = qt.tag_id
           order by 1, 2, 3`,
        )
      : [],
    collections: (await hasTable(path, 'collections'))
      ? await rawRows(
          path,
          `select c.name, c.title, i.quote_id, i.position from collections c
           join collection_items i on i.collection_id = c.id order by c.name, i.position`,
        )
      : [],
    history: await rawRows(path, 'select id, action, document_id, subject, hash from history order by id'),
  };
}

/** Live pages on which `word` stands as a whole word, ignoring case: what search must find. */
function pagesHolding(before: Snapshot, word: string): string[] {
  const live = new Set(before.documents.filter((d) => d.deleted_at === null).map((d) => d.id));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'iu');
  return before.pages
    .filter((p) => live.has(p.document_id) && pattern.test(String(p.text)))
    .map((p) => `${String(p.document_id)}:${String(p.number)}`)
    .sort();
}

describe.each(EARLIER_VERSIONS)('an archive written at schema version %i', (version) => {
  it('is upgraded with every document, quote, tag, collection and history entry kept', async () => {
    const path = join(tempDir(), `schema-${version}.exhibit`);
    copyFileSync(join(FIXTURES, `schema-${version}.exhibit`), path);
    const before = await snapshot(path);
    expect(before.version).toBe(version);
    expect(before.documents.length).toBeGreaterThan(1);
    if (version >= 2) expect(before.quotes.length).toBeGreaterThan(0);
    if (version >= 3) expect(before.collections.length).toBeGreaterThan(0);

    const archive = await openArchive(path);
    try {
      const report = await checkArchive(archive);
      expect(report.problems).toEqual([]);
      const after = await snapshot(path);
      expect(after.version).toBe(SCHEMA_VERSION);
      expect(after.documents).toEqual(before.documents);
      expect(after.pages).toEqual(before.pages);
      expect(after.quotes).toEqual(before.quotes);
      expect(after.tags).toEqual(before.tags);
      expect(after.collections).toEqual(before.collections);
      // The history written before the upgrade is untouched; an upgrade may only append.
      expect(after.history.slice(0, before.history.length)).toEqual(before.history);

      // Every quote still covers its own characters on its page.
      for (const quote of after.quotes.filter((q) => q.page === q.page_end)) {
        const page = after.pages.find((p) => p.document_id === quote.document_id && p.number === quote.page);
        expect(String(page?.text).slice(Number(quote.start_offset), Number(quote.end_offset))).toBe(quote.text);
      }

      // Search, whether its indexes were carried over (2+) or built by the upgrade (1).
      for (const word of ['identification', 'photographs', 'vendor', 'Whitcombe']) {
        const expected = pagesHolding(before, word);
        expect(expected.length, `fixture has pages with "${word}"`).toBeGreaterThan(0);
        const result = await search(archive.db, word, { kinds: ['page'], limit: 100 });
        const found = result.hits.map((h) => `${h.documentId}:${h.page}`).sort();
        expect(found, `pages found for "${word}"`).toEqual(expected);
      }
      const quoteHits = await search(archive.db, 'identification', { kinds: ['quote'] });
      const liveQuotes = before.quotes.filter((q) => q.deleted_at === null && /identification/i.test(String(q.text)));
      expect(quoteHits.hits.map((h) => h.quoteId).sort()).toEqual(liveQuotes.map((q) => q.id).sort());
    } finally {
      await archive.close();
    }
  });
});

describe('the fixtures', () => {
  it('include an archive of every schema version before this build’s', () => {
    const missing = Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1).filter(
      (v) => !EARLIER_VERSIONS.includes(v),
    );
    expect(missing, 'write tests/fixtures/archives/schema-N.exhibit as its README says').toEqual([]);
  });
});
