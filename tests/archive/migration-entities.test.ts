/**
 * Migration 0010 (entities) on the archive of the schema before it: documents keep every row,
 * the new tables follow their rules, and a document purged for good takes its mentions along.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/main/archive/db/migrations/index.js';
import { ROOT, tempDir } from '../helpers/archive.js';

const STEP = MIGRATIONS.findIndex((m) => m.name === 'entities') + 1;

function run(db: sqlite3.Database, script: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(script, (e) => (e ? reject(e) : resolve())));
}
function all(db: sqlite3.Database, query: string): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) =>
    db.all(query, (e, rows: Record<string, unknown>[]) => (e ? reject(e) : resolve(rows))),
  );
}

describe('migration entities', () => {
  it('adds entities, keys, mentions and suggestions that keep to their rules and follow their documents', async () => {
    const path = join(tempDir(), 'before.exhibit');
    copyFileSync(join(ROOT, 'tests/fixtures/archives', `schema-${STEP - 1}.exhibit`), path);
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened = new sqlite3.Database(path, (e) => (e ? reject(e) : resolve(opened)));
    });
    try {
      await run(db, 'PRAGMA foreign_keys = ON');
      const documents = await all(db, 'select id, title from documents order by id');
      await run(db, `BEGIN IMMEDIATE;\n${MIGRATIONS[STEP - 1]?.sql ?? ''}\nPRAGMA user_version = ${STEP};\nCOMMIT;`);
      expect(await all(db, 'select id, title from documents order by id')).toEqual(documents);
      const doc = String(documents[0]?.['id']);
      await run(
        db,
        `insert into entities (id, type, name, created_at) values (1, 'person', 'Jonah Pell', 'now'), (2, 'person', 'Pell', 'now')`,
      );
      await expect(
        run(db, `insert into entities (type, name, created_at) values ('place', 'Port Alder', 'now')`),
      ).rejects.toThrow(/CHECK/);
      await run(db, `insert into entity_keys (type, key, entity_id) values ('person', 'p:jonah pell', 1)`);
      await expect(
        run(db, `insert into entity_keys (type, key, entity_id) values ('person', 'p:jonah pell', 2)`),
      ).rejects.toThrow(/UNIQUE/);
      await run(
        db,
        `insert into entity_mentions (entity_id, document_id, page, start_offset, end_offset, text, key) values (1, ${doc}, 1, 0, 10, 'Jonah Pell', 'p:jonah pell')`,
      );
      await expect(
        run(
          db,
          `insert into entity_mentions (entity_id, document_id, page, start_offset, end_offset, text, key) values (1, ${doc}, 1, 5, 5, '', 'x')`,
        ),
      ).rejects.toThrow(/CHECK/);
      await expect(
        run(db, `insert into entity_suggestions (entity_a, entity_b, reason) values (2, 1, 'x')`),
      ).rejects.toThrow(/CHECK/);
      await run(db, `insert into entity_suggestions (entity_a, entity_b, reason) values (1, 2, 'same family')`);
      await run(
        db,
        `insert into entity_extractions (document_id, extracted_at, engine) values (${doc}, 'now', 'entities-1')`,
      );
      // A document purged for good takes its mentions and its reading with it; an entity gone takes its keys and suggestions.
      await run(
        db,
        `delete from quote_tags; delete from collection_items; delete from quotes; delete from documents where id = ${doc}`,
      );
      expect(await all(db, 'select * from entity_mentions')).toEqual([]);
      expect(await all(db, 'select * from entity_extractions')).toEqual([]);
      await run(db, 'delete from entities where id = 1');
      expect(await all(db, 'select * from entity_keys')).toEqual([]);
      expect(await all(db, 'select * from entity_suggestions')).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => db.close(() => resolve()));
    }
  });
});
