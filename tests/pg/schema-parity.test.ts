/**
 * The migrations, written once per dialect, must build the same tables with the same columns
 * on both backends (search's FTS5 tables and views aside: SQLite only, for now), and record
 * the same schema version.
 */
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openArchive } from '../../src/main/archive/index.js';
import { SCHEMA_VERSION } from '../../src/main/archive/db/migrations/index.js';
import { schemaVersionOf } from '../../src/main/archive/db/repos/archive-info.js';
import { tempDir } from '../helpers/archive.js';
import { freshDatabase, postgresUnavailable } from '../helpers/postgres.js';

if (postgresUnavailable) console.log(`PostgreSQL tests skipped: ${postgresUnavailable}`);

it.skipIf(postgresUnavailable !== null)('builds the same tables and columns on SQLite and PostgreSQL', async () => {
  const lite = await openArchive(join(tempDir(), 'case.exhibit'));
  const team = await openArchive(freshDatabase());
  try {
    const liteColumns = await sql<{ table_name: string; column_name: string }>`
      SELECT m.name AS table_name, c.name AS column_name FROM sqlite_schema m, pragma_table_info(m.name) c
      WHERE m.type = 'table' AND m.name NOT LIKE 'fts_%' AND m.name NOT LIKE 'sqlite_%'`.execute(lite.db);
    const teamColumns = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name <> 'exhibit_schema'`.execute(team.db);
    const shape = (rows: { table_name: string; column_name: string }[]) =>
      rows.map((r) => `${r.table_name}.${r.column_name}`).sort();
    expect(shape(liteColumns.rows)).toContain('history.prev_hash');
    expect(shape(teamColumns.rows)).toEqual(shape(liteColumns.rows));
    expect([await schemaVersionOf(lite.db), await schemaVersionOf(team.db)]).toEqual([SCHEMA_VERSION, SCHEMA_VERSION]);
  } finally {
    await lite.close();
    await team.close();
  }
});
