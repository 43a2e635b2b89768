/**
 * The tags table: names ("/" nests), colours, descriptions, and the counts a tag list
 * shows. Which items carry a tag is in tag-links.ts.
 */
import { sql, type Selectable } from 'kysely';
import type { TagRecord } from '../../../../shared/quote.js';
import type { TagsTable } from '../schema.js';
import type { Db, Trx } from './db.js';
import { backendOf } from './backend.js';

/** A tag as the domain handles it (its creation time is never read). */
export type TagRow = Pick<Selectable<TagsTable>, 'id' | 'name' | 'color' | 'description'>;

export async function findTag(db: Db, name: string): Promise<TagRow | undefined> {
  return db
    .selectFrom('tags')
    .select(['id', 'name', 'color', 'description'])
    .where('name', '=', name)
    .executeTakeFirst();
}

/** The tag `id` and the tags whose names match `descendants` (a LIKE pattern, `\` escaping), in no order. */
export async function findTagAndDescendants(db: Db, id: number, descendants: string): Promise<TagRow[]> {
  return db
    .selectFrom('tags')
    .select(['id', 'name', 'color', 'description'])
    .where((eb) => eb.or([eb('id', '=', id), sql<boolean>`name LIKE ${descendants} ESCAPE '\\'`]))
    .execute();
}

/** Inserts a tag without colour or description; returns its id. */
export async function insertTag(trx: Trx, name: string): Promise<number> {
  const row = await trx
    .insertInto('tags')
    .values({ name, color: null, description: null, created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Names by id of the tags `ids`. */
export async function tagNamesById(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('tags')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((t) => [t.id, t.name]));
}

/** A tag's colour and description; throws when the tag is gone. */
export async function tagLooks(db: Db, id: number): Promise<Pick<TagRow, 'color' | 'description'>> {
  return db.selectFrom('tags').select(['color', 'description']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** Sets what `looks` gives of a tag's colour and description. */
export async function setTagLooks(
  trx: Trx,
  id: number,
  looks: { color?: string | null; description?: string | null },
): Promise<void> {
  await trx.updateTable('tags').set(looks).where('id', '=', id).execute();
}

export async function setTagName(trx: Trx, id: number, name: string): Promise<void> {
  await trx.updateTable('tags').set({ name }).where('id', '=', id).execute();
}

export async function deleteTagRow(trx: Trx, id: number): Promise<void> {
  await trx.deleteFrom('tags').where('id', '=', id).execute();
}

export async function deleteTagRows(trx: Trx, ids: readonly number[]): Promise<void> {
  await trx
    .deleteFrom('tags')
    .where('id', 'in', [...ids])
    .execute();
}

/** Tags by name (case aside) with how many live documents and quotes carry each; only tag `where` when given. */
export async function tagRecords(db: Db, where?: number): Promise<TagRecord[]> {
  const result = await sql<TagRecord>`
    SELECT t.id, t.name, t.color, t.description,
      (SELECT count(*) FROM document_tags dt JOIN documents d ON d.id = dt.document_id
        WHERE dt.tag_id = t.id AND d.deleted_at IS NULL) AS documents,
      (SELECT count(*) FROM quote_tags qt JOIN quotes q ON q.id = qt.quote_id JOIN documents d ON d.id = q.document_id
        WHERE qt.tag_id = t.id AND q.deleted_at IS NULL AND d.deleted_at IS NULL) AS quotes
    FROM tags t
    ${where === undefined ? sql`` : sql`WHERE t.id = ${where}`}
    ORDER BY ${backendOf(db) === 'postgres' ? sql`t.name` : sql`t.name COLLATE NOCASE`}`.execute(db);
  return result.rows.map((r) => ({ ...r, documents: Number(r.documents), quotes: Number(r.quotes) }));
}
