/**
 * One test per migration: the archive of the version before it (tests/fixtures/archives),
 * that one migration applied alone as openArchive applies it, and what it promises checked.
 * Migration 1 is tested in migrations.test.ts (it has no version before it).
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/main/archive/db/migrations/index.js';
import { ROOT, tempDir } from '../helpers/archive.js';

type Row = Record<string, unknown>;

/** A raw connection to a copy of the fixture of `version`, so each test starts from the file as written. */
async function fixtureAt(version: number): Promise<Raw> {
  const path = join(tempDir(), `schema-${version}.exhibit`);
  copyFileSync(join(ROOT, 'tests/fixtures/archives', `schema-${version}.exhibit`), path);
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(path, (error) => (error ? reject(error) : resolve(opened)));
  });
  const raw = new Raw(db);
  await raw.exec('PRAGMA foreign_keys = ON');
  return raw;
}

class Raw {
  constructor(private readonly db: sqlite3.Database) {}
  exec(script: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(script, (e) => (e ? reject(e) : resolve())));
  }
  all(query: string, ...params: unknown[]): Promise<Row[]> {
    return new Promise((resolve, reject) =>
      this.db.all(query, params, (e, rows: Row[]) => (e ? reject(e) : resolve(rows))),
    );
  }
  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((e) => (e ? reject(e) : resolve())));
  }
  /** Applies migration `version` alone, in one transaction, as openArchive does. */
  async migrate(version: number): Promise<void> {
    const migration = MIGRATIONS[version - 1];
    if (!migration) throw new Error(`no migration ${version}`);
    await this.exec(`BEGIN IMMEDIATE;\n${migration.sql}\nPRAGMA user_version = ${version};\nCOMMIT;`);
  }
}

describe('migration 2 (quotes, tags, search)', () => {
  it('indexes the pages and metadata already in the archive, and keeps the index in step', async () => {
    const db = await fixtureAt(1);
    try {
      await db.migrate(2);
      const pages = await db.all(`select document_id, number from pages where text like '%identification%'`);
      expect(pages.length).toBeGreaterThan(0);
      const found = await db.all(`select rowid from fts_pages where fts_pages match 'identification'`);
      expect(found).toHaveLength(pages.length);
      const titled = await db.all(`select rowid from fts_documents where fts_documents match 'memorandum'`);
      expect(titled.length).toBeGreaterThan(0);

      await db.exec(`update pages set text = 'zyzzogeton' where text like '%identification%'`);
      expect(await db.all(`select rowid from fts_pages where fts_pages match 'identification'`)).toEqual([]);
      expect(await db.all(`select rowid from fts_pages where fts_pages match 'zyzzogeton'`)).toHaveLength(pages.length);
    } finally {
      await db.close();
    }
  });
});

describe('migration 3 (collections)', () => {
  it('keeps a quote that is in a collection from being removed without first leaving it', async () => {
    const db = await fixtureAt(2);
    try {
      await db.migrate(3);
      const now = new Date().toISOString();
      await db.exec(
        `insert into collections (name, title, created_at, updated_at) values ('brief', 'Brief', '${now}', '${now}')`,
      );
      const [quote] = await db.all(`select id from quotes order by id limit 1`);
      await db.exec(
        `insert into collection_items (collection_id, quote_id, position, added_at) values (1, ${String(quote?.id)}, 1, '${now}')`,
      );
      await expect(db.exec(`delete from quotes where id = ${String(quote?.id)}`)).rejects.toThrow(/FOREIGN KEY/);
      await expect(
        db.exec(
          `insert into collections (name, title, created_at, updated_at) values ('BRIEF', 'x', '${now}', '${now}')`,
        ),
      ).rejects.toThrow(/UNIQUE/);
    } finally {
      await db.close();
    }
  });
});

describe('migration 4 (library order)', () => {
  it('lets the library order live documents by date and by type from an index', async () => {
    const db = await fixtureAt(3);
    try {
      const plan = (q: string) =>
        db.all(`explain query plan ${q}`).then((rows) => rows.map((r) => String(r.detail)).join(' | '));
      const byDate = 'select id from documents where deleted_at is null order by date, id';
      const byType = 'select id from documents where deleted_at is null order by type, id';
      expect(await plan(byDate)).toMatch(/TEMP B-TREE/);
      await db.migrate(4);
      expect(await plan(byDate)).toMatch(/USING (COVERING )?INDEX documents_live_date/);
      expect(await plan(byType)).toMatch(/USING (COVERING )?INDEX documents_live_type/);
      expect(await plan(byDate)).not.toMatch(/TEMP B-TREE/);
    } finally {
      await db.close();
    }
  });
});

describe('migration 5 (state hashes)', () => {
  it('adds a state to history entries and asks an archive with history for its baseline', async () => {
    const db = await fixtureAt(4);
    try {
      const before = await db.all(`select id, hash from history order by id`);
      await db.migrate(5);
      const columns = await db.all(`select name from pragma_table_info('history')`);
      expect(columns.map((c) => c.name)).toContain('state');
      // Entries written before keep their hashes: the chain they form is not rewritten.
      expect(await db.all(`select id, hash from history order by id`)).toEqual(before);
      expect(await db.all(`select state from history where state is not null`)).toEqual([]);
      expect(await db.all(`select value from archive_info where key = 'state-baseline'`)).toEqual([
        { value: 'pending' },
      ]);
    } finally {
      await db.close();
    }
  });
});

describe('migration 6 (inferences, file dates, versions)', () => {
  it('gives every document empty file dates and no user-set fields, and keeps inferences to their rules', async () => {
    const db = await fixtureAt(5);
    try {
      const ids = (await db.all(`select id from documents order by id`)).map((r) => r.id);
      await db.migrate(6);
      expect(await db.all(`select distinct file_dates, user_fields, version_group from documents`)).toEqual([
        { file_dates: '{}', user_fields: '[]', version_group: null },
      ]);
      const insert = (field: string, status: string, confidence = 0.9) =>
        db.exec(
          `insert into inferences (document_id, field, value, confidence, rule, status, inferred_at)
           values (${String(ids[4])}, '${field}', '"2020-11-13"', ${confidence}, 'memo-date-line', '${status}', 'now')`,
        );
      await insert('date', 'applied');
      // One row per document and field; a field, status or confidence outside the rules is refused.
      await expect(insert('date', 'suggested')).rejects.toThrow(/UNIQUE/);
      await expect(insert('description', 'applied')).rejects.toThrow(/CHECK/);
      await expect(insert('title', 'maybe')).rejects.toThrow(/CHECK/);
      await expect(insert('title', 'applied', 1.5)).rejects.toThrow(/CHECK/);
      await db.exec(
        `insert into text_signatures (document_id, signature, band_keys) values (${String(ids[4])}, x'00', '[7]')`,
      );
      // The signature's band keys are written to signature_bands by its trigger.
      expect(await db.all(`select * from signature_bands`)).toEqual([{ band_key: 7, document_id: ids[4] }]);
      // A document purged for good takes its inferences, signature and bands with it.
      await db.exec(`delete from documents where id = ${String(ids[4])}`);
      for (const table of ['inferences', 'text_signatures', 'signature_bands'])
        expect(await db.all(`select * from ${table}`), table).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
