/**
 * The entities and entity_keys tables: people and organisations, and which entity each form
 * of a name belongs to (migration 0009).
 */
import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { EntityKind, EntitySummary } from '../../../../shared/entities.js';
import type { EntitiesTable } from '../schema.js';
import type { Db, Trx } from './db.js';
import { decodeStrings } from './json-columns.js';

export type EntityRow = Selectable<EntitiesTable>;

export interface KeyHolder {
  entityId: number;
  decided: boolean;
}

/** The entity each of these keys of one type belongs to, when one does. */
export async function findKeyHolders(
  db: Db,
  type: EntityKind,
  keys: readonly string[],
): Promise<Map<string, KeyHolder>> {
  const found = new Map<string, KeyHolder>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('entity_keys')
      .select(['key', 'entity_id', 'decided'])
      .where('type', '=', type)
      .where('key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(r.key, { entityId: r.entity_id, decided: r.decided === 1 });
  }
  return found;
}

export async function insertEntity(
  trx: Trx,
  entity: { type: EntityKind; name: string; family: string | null; acronym: string | null; at: string },
): Promise<number> {
  const row = await trx
    .insertInto('entities')
    .values({
      type: entity.type,
      name: entity.name,
      family: entity.family,
      acronym: entity.acronym,
      created_at: entity.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Gives each unheld key to `entityId`; a key another entity holds stays with it. */
export async function addKeys(trx: Trx, type: EntityKind, keys: readonly string[], entityId: number): Promise<void> {
  if (keys.length === 0) return;
  await trx
    .insertInto('entity_keys')
    .values(keys.map((key) => ({ type, key, entity_id: entityId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Puts a key with an entity, whoever held it: a person's decision when `decided`. */
export async function setKey(
  trx: Trx,
  type: EntityKind,
  key: string,
  entityId: number,
  decided: boolean,
): Promise<void> {
  await trx
    .insertInto('entity_keys')
    .values({ type, key, entity_id: entityId, decided: decided ? 1 : 0 })
    .onConflict((oc) => oc.columns(['type', 'key']).doUpdateSet({ entity_id: entityId, decided: decided ? 1 : 0 }))
    .execute();
}

/** Moves every key of one entity to another (a merge); `decided` marks them a person's choice. */
export async function moveKeys(trx: Trx, from: number, to: number, decided: boolean): Promise<void> {
  const update = trx.updateTable('entity_keys').set({ entity_id: to });
  await (decided ? update.set({ decided: 1 }) : update).where('entity_id', '=', from).execute();
}

export async function findEntityRow(db: Db, id: number): Promise<EntityRow | undefined> {
  return db.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findEntityRows(db: Db, ids: readonly number[]): Promise<EntityRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('entities').selectAll().where('id', 'in', ids).execute();
}

/** Entities with a full name of this family name ("markey"). */
export async function entitiesOfFamily(db: Db, family: string): Promise<number[]> {
  const rows = await db.selectFrom('entities').select('id').where('family', '=', family).limit(3).execute();
  return rows.map((r) => r.id);
}

/** Organisations whose name abbreviates to this acronym. */
export async function entitiesOfAcronym(db: Db, acronym: string): Promise<number[]> {
  const rows = await db.selectFrom('entities').select('id').where('acronym', '=', acronym).limit(3).execute();
  return rows.map((r) => r.id);
}

/** Extraction's update: a better name (never over a person's) and the aliases. */
export async function updateEntityForms(trx: Trx, id: number, name: string, aliases: readonly string[]): Promise<void> {
  await trx
    .updateTable('entities')
    .set({ name, aliases: JSON.stringify(aliases) })
    .where('id', '=', id)
    .execute();
}

/** A person's rename: extraction keeps it from then on. */
export async function renameEntityRow(trx: Trx, id: number, name: string, aliases: readonly string[]): Promise<void> {
  await trx
    .updateTable('entities')
    .set({ name, user_name: 1, aliases: JSON.stringify(aliases) })
    .where('id', '=', id)
    .execute();
}

export async function deleteEntityRow(trx: Trx, id: number): Promise<void> {
  await trx.deleteFrom('entities').where('id', '=', id).execute();
}

/**
 * Removes those of these entities that no mention names any more, unless a person decided
 * something about them (a rename or a key they placed), which must outlive a re-reading.
 */
export async function deleteUnmentionedEntities(trx: Trx, ids: readonly number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500)
    await trx
      .deleteFrom('entities')
      .where('id', 'in', ids.slice(i, i + 500))
      .where('user_name', '=', 0)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(selectFrom('entity_mentions').select('id').whereRef('entity_mentions.entity_id', '=', 'entities.id')),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('entity_keys')
              .select('key')
              .whereRef('entity_keys.entity_id', '=', 'entities.id')
              .where('entity_keys.decided', '=', 1),
          ),
        ),
      )
      .execute();
}

/** Each entity's name and the distinct words its mentions use (to read its aliases again). */
export async function listEntityForms(db: Db): Promise<{ id: number; name: string; text: string }[]> {
  return db
    .selectFrom('entity_mentions as m')
    .innerJoin('entities as e', 'e.id', 'm.entity_id')
    .select(['e.id as id', 'e.name as name', 'm.text as text'])
    .distinct()
    .execute();
}

interface SummaryRow {
  id: number;
  name: string;
  type: string;
  aliases: string;
  mentions: number;
  documents: number;
}

const toSummary = (r: SummaryRow): EntitySummary => ({
  id: r.id,
  name: r.name,
  type: r.type === 'org' ? 'org' : 'person',
  aliases: decodeStrings(r.aliases),
  mentions: r.mentions,
  documents: r.documents,
});

/** Entities with their counts over live documents, most documents first; filtered by type, document, ids. */
export async function listEntitySummaries(
  db: Db,
  filter: { type?: EntityKind; documentId?: number; ids?: readonly number[] } = {},
): Promise<EntitySummary[]> {
  const rows = await sql<SummaryRow>`
    SELECT e.id, e.name, e.type, e.aliases, count(*) AS mentions, count(DISTINCT m.document_id) AS documents
    FROM entities e
    JOIN entity_mentions m ON m.entity_id = e.id
    JOIN documents d ON d.id = m.document_id AND d.deleted_at IS NULL
    WHERE 1 = 1
      ${filter.type ? sql`AND e.type = ${filter.type}` : sql``}
      ${filter.ids ? sql`AND e.id IN (${sql.join(filter.ids.length ? filter.ids : [-1])})` : sql``}
      ${
        filter.documentId !== undefined
          ? sql`AND e.id IN (SELECT entity_id FROM entity_mentions WHERE document_id = ${filter.documentId})`
          : sql``
      }
    GROUP BY e.id
    ORDER BY documents DESC, mentions DESC, e.name, e.id`.execute(db);
  return rows.rows.map(toSummary);
}

/** Entities whose name or one of whose aliases is this name, ASCII case aside, as a subquery. */
export const entityIdsNamedSql = (name: string): RawBuilder<number> => sql<number>`
    SELECT id FROM entities WHERE name = ${name} COLLATE NOCASE
    UNION SELECT e.id FROM entities e, json_each(e.aliases) a WHERE a.value = ${name} COLLATE NOCASE`;

/** Entities whose name or one of whose aliases is this name, ASCII case aside. */
export async function entityIdsNamed(db: Db, name: string): Promise<number[]> {
  const rows = await sql<{ id: number }>`${entityIdsNamedSql(name)}`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** Adds `delta` to the document counts of these entities (a document newly naming them, or no longer). */
export async function addToDocumentCounts(trx: Trx, ids: readonly number[], delta: 1 | -1): Promise<void> {
  for (let i = 0; i < ids.length; i += 500)
    await trx
      .updateTable('entities')
      .set((eb) => ({ documents: eb('documents', '+', delta) }))
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
}

/** Counts these entities' documents again from their mentions (after a merge or split). */
export async function recountDocuments(trx: Trx, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`UPDATE entities SET documents = (
      SELECT count(DISTINCT m.document_id) FROM entity_mentions m WHERE m.entity_id = entities.id)
    WHERE id IN (${sql.join(ids)})`.execute(trx);
}
