/**
 * db/schema.ts (what kysely and the code believe) against what the migrations create: the
 * same tables, and in each the same columns. The types are read from the source with the
 * TypeScript compiler, so a column added by a migration and not declared, or declared and
 * never created, fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { openArchive } from '../../src/main/archive/index.js';
import { ROOT, tempDir } from '../helpers/archive.js';

/** Table name → column names, as schema.ts declares them. */
function declaredSchema(): Map<string, string[]> {
  const path = join(ROOT, 'src/main/archive/db/schema.ts');
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
  });
  const names = (node: ts.InterfaceDeclaration) =>
    node.members.filter(ts.isPropertySignature).map((m) => (m.name as ts.Identifier).text);
  const database = interfaces.get('Database');
  if (!database) throw new Error('schema.ts has no Database interface');
  const tables = new Map<string, string[]>();
  for (const member of database.members.filter(ts.isPropertySignature)) {
    const type = member.type;
    if (!type || !ts.isTypeReferenceNode(type))
      throw new Error(`Database.${member.name.getText()} is not a table type`);
    const table = interfaces.get(type.typeName.getText());
    if (!table) throw new Error(`schema.ts does not declare ${type.typeName.getText()}`);
    tables.set((member.name as ts.Identifier).text, names(table).sort());
  }
  return tables;
}

it('schema.ts declares exactly the tables and columns the migrations create', async () => {
  const archive = await openArchive(join(tempDir(), 'schema.exhibit'));
  try {
    const all = await sql<{ name: string; sql: string }>`
      select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(archive.db);
    // FTS5 tables and their shadow tables are the search layer's, reached through its own SQL.
    const virtual = all.rows.filter((t) => /^create virtual table/i.test(t.sql)).map((t) => t.name);
    const plain = all.rows.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
    const created = new Map<string, string[]>();
    for (const { name } of plain) {
      const columns = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(archive.db);
      created.set(name, columns.rows.map((c) => c.name).sort());
    }
    const declared = declaredSchema();
    expect([...created.keys()].sort()).toEqual([...declared.keys()].sort());
    for (const [table, columns] of declared) expect(created.get(table), `columns of ${table}`).toEqual(columns);
  } finally {
    await archive.close();
  }
});
