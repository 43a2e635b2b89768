import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { Sqlite3Dialect } from '../../src/main/archive/db/sqlite3-dialect.js';
import { openArchive } from '../../src/main/archive/index.js';
import { tempArchive, tempDir } from '../helpers/archive.js';

describe('the node-sqlite3 kysely dialect', () => {
  it('commits a transaction as a whole and rolls back a failed one', async () => {
    const a = await tempArchive();
    await a.db.transaction().execute(async (trx) => {
      await trx.insertInto('archive_info').values({ key: 'one', value: '1' }).execute();
    });
    await expect(
      a.db.transaction().execute(async (trx) => {
        await trx.insertInto('archive_info').values({ key: 'two', value: '2' }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const keys = (await a.db.selectFrom('archive_info').select('key').execute()).map((r) => r.key);
    expect(keys).toContain('one');
    expect(keys).not.toContain('two');
  });

  it('serializes concurrent transactions on its one connection', async () => {
    const a = await tempArchive();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        a.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('archive_info')
            .values({ key: `k${i}`, value: 'x' })
            .execute();
          await new Promise((r) => setTimeout(r, 1));
          await trx
            .updateTable('archive_info')
            .set({ value: String(i) })
            .where('key', '=', `k${i}`)
            .execute();
        }),
      ),
    );
    const rows = await a.db.selectFrom('archive_info').selectAll().where('key', 'like', 'k%').execute();
    expect(rows).toHaveLength(20);
    for (const row of rows) expect(row.value).toBe(row.key.slice(1));
  });

  it('rolls back to a savepoint and keeps the rest', async () => {
    const a = await tempArchive();
    const trx = await a.db.startTransaction().execute();
    await trx.insertInto('archive_info').values({ key: 'kept', value: '1' }).execute();
    const sp = await trx.savepoint('inner').execute();
    await sp.insertInto('archive_info').values({ key: 'undone', value: '1' }).execute();
    const back = await sp.rollbackToSavepoint('inner').execute();
    await back.commit().execute();
    const keys = (await a.db.selectFrom('archive_info').select('key').execute()).map((r) => r.key);
    expect(keys).toContain('kept');
    expect(keys).not.toContain('undone');
  });

  it('streams a select in chunks and reports affected rows and insert ids', async () => {
    const a = await tempArchive();
    const inserted = await a.db
      .insertInto('archive_info')
      .values(Array.from({ length: 250 }, (_, i) => ({ key: `s${String(i).padStart(3, '0')}`, value: String(i) })))
      .executeTakeFirst();
    expect(inserted.numInsertedOrUpdatedRows).toBe(250n);
    const seen: string[] = [];
    for await (const row of a.db
      .selectFrom('archive_info')
      .select('key')
      .where('key', 'like', 's%')
      .orderBy('key')
      .stream(32)) {
      seen.push(row.key);
    }
    expect(seen).toHaveLength(250);
    expect(seen[249]).toBe('s249');
    const updated = await a.db
      .updateTable('archive_info')
      .set({ value: 'y' })
      .where('key', 'like', 's1%')
      .executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(100n);
  });

  it('runs with WAL, foreign keys and a busy timeout', async () => {
    const a = await tempArchive();
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(a.db);
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(a.db);
    const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(a.db);
    expect(journal.rows[0]?.journal_mode).toBe('wal');
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    expect(busy.rows[0]?.timeout).toBeGreaterThan(0);
  });

  it('refuses an archive written by a newer schema, with a clear message', async () => {
    const dir = tempDir();
    const path = join(dir, 'future.exhibit');
    const a = await openArchive(path);
    await sql`pragma user_version = 999`.execute(a.db);
    await a.close();
    await expect(openArchive(path)).rejects.toThrow(/newer version of Exhibit \(schema 999/);
  });

  it('refuses a file that is not an archive', async () => {
    const dir = tempDir();
    const path = join(dir, 'notes.exhibit');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, 'these are not the droids'.repeat(100));
    await expect(openArchive(path)).rejects.toThrow(/not an Exhibit archive/);
  });

  it('a kept statement that failed runs again, and leaves no read snapshot behind', async () => {
    const path = join(tempDir(), 'kept.db');
    const db = new Kysely<{ t: { x: number } }>({
      dialect: new Sqlite3Dialect({
        filename: path,
        onConnect: (c) => c.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 0'),
      }),
    });
    const other = new sqlite3.Database(path);
    const otherRun = (text: string) =>
      new Promise<void>((resolve, reject) => other.run(text, (err: Error | null) => (err ? reject(err) : resolve())));
    try {
      await sql`CREATE TABLE t (x INTEGER UNIQUE)`.execute(db);
      const insert = (x: number) => db.insertInto('t').values({ x }).execute();
      const count = async () =>
        (
          await db
            .selectFrom('t')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      await insert(1);
      await expect(insert(1)).rejects.toThrow(/UNIQUE/);
      await otherRun('BEGIN IMMEDIATE');
      await expect(insert(2)).rejects.toThrow(/SQLITE_BUSY/);
      await otherRun('INSERT INTO t VALUES (3)');
      await otherRun('COMMIT');
      // Both failures were on the same kept statement; it runs again and sees the other's row.
      await insert(2);
      expect(await count()).toBe(3);
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
      await db.destroy();
    }
  });
});
