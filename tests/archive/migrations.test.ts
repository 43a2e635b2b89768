import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/main/archive/index.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/main/archive/db/migrations/index.js';
import { tempDir } from '../helpers/archive.js';

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('bring a new archive to the current version once, and reopening changes nothing', async () => {
    const path = join(tempDir(), 'a.exhibit');
    const first = await openArchive(path);
    const version = await sql<{ user_version: number }>`pragma user_version`.execute(first.db);
    expect(version.rows[0]?.user_version).toBe(SCHEMA_VERSION);
    const id = await first.db
      .selectFrom('archive_info')
      .select('value')
      .where('key', '=', 'id')
      .executeTakeFirstOrThrow();
    expect(id.value).toMatch(/^[0-9a-f]{32}$/);
    await first.close();
    const again = await openArchive(path);
    const sameId = await again.db
      .selectFrom('archive_info')
      .select('value')
      .where('key', '=', 'id')
      .executeTakeFirstOrThrow();
    expect(sameId.value).toBe(id.value);
    await again.close();
  });

  it('migration 1 creates the documents schema with its constraints', async () => {
    const path = join(tempDir(), 'b.exhibit');
    const a = await openArchive(path);
    const tables = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' order by name`.execute(a.db);
    expect(tables.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['archive_info', 'documents', 'history', 'originals', 'pages']),
    );
    // A document cannot point at an original that is not stored.
    await expect(
      sql`insert into documents (sha256, format, mime_type, title, type, file_name, size, page_count, imported_at, updated_at)
          values (${'f'.repeat(64)}, 'text', 'text/plain', 't', 'other', 'f.txt', 1, 1, 'now', 'now')`.execute(a.db),
    ).rejects.toThrow(/FOREIGN KEY/);
    await a.close();
  });
});
