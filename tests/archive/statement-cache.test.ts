import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/main/archive/index.js';
import { tempArchive, tempDir } from '../helpers/archive.js';

describe('the dialect’s prepared statements, kept for reuse', () => {
  it('give each call its own parameters’ rows', async () => {
    const a = await tempArchive();
    await a.db
      .insertInto('archive_info')
      .values([
        { key: 'a', value: '1' },
        { key: 'b', value: '2' },
      ])
      .execute();
    const read = (key: string) =>
      a.db.selectFrom('archive_info').select('value').where('key', '=', key).executeTakeFirst();
    expect(await read('a')).toEqual({ value: '1' });
    expect(await read('b')).toEqual({ value: '2' });
    expect(await read('zz')).toBeUndefined();
    expect(await Promise.all(['a', 'b', 'a'].map(read))).toEqual([{ value: '1' }, { value: '2' }, { value: '1' }]);
  });

  it('keep working past the cache’s size, and after the schema changes', async () => {
    const a = await tempArchive();
    for (let i = 0; i < 100; i++) {
      const { rows } = await sql<{ n: number }>`SELECT ${sql.lit(i)} AS n`.execute(a.db);
      expect(rows[0]?.n).toBe(i);
    }
    await sql`CREATE TABLE extra (x INTEGER)`.execute(a.db);
    await sql`INSERT INTO extra VALUES (1)`.execute(a.db);
    const select = () => sql<Record<string, number>>`SELECT * FROM extra`.execute(a.db);
    expect((await select()).rows).toEqual([{ x: 1 }]);
    await sql`ALTER TABLE extra ADD COLUMN y INTEGER DEFAULT 2`.execute(a.db);
    expect((await select()).rows).toEqual([{ x: 1, y: 2 }]);
  });

  it('hold no read transaction between uses: another connection can write and checkpoint fully', async () => {
    const path = join(tempDir(), 'shared.exhibit');
    const reader = await openArchive(path);
    const writer = await openArchive(path);
    try {
      await reader.db.selectFrom('archive_info').selectAll().execute();
      await writer.db.insertInto('archive_info').values({ key: 'w', value: 'x' }).execute();
      const { rows } = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(writer.db);
      expect(rows[0]?.busy).toBe(0);
      expect(
        await reader.db.selectFrom('archive_info').select('value').where('key', '=', 'w').executeTakeFirst(),
      ).toEqual({ value: 'x' });
    } finally {
      await reader.close();
      await writer.close();
    }
  });
});
