/**
 * entity_mentions, entity_extractions and entity_suggestions: where each entity is named,
 * which documents were read, and the merges left to a person (migration 0009).
 */
import { sql } from 'kysely';
import type { Db, Trx } from './db.js';

export interface MentionToStore {
  entityId: number;
  page: number;
  start: number;
  end: number;
  text: string;
  role: string | null;
  key: string;
}

export interface StoredMention {
  entityId: number;
  documentId: number;
  page: number;
  start: number;
  end: number;
  text: string;
  role: string | null;
}

/** Removes a document's mentions; returns the entities they named. */
export async function deleteMentionsOf(trx: Trx, documentId: number): Promise<number[]> {
  const rows = await trx
    .deleteFrom('entity_mentions')
    .where('document_id', '=', documentId)
    .returning('entity_id')
    .execute();
  return [...new Set(rows.map((r) => r.entity_id))];
}

export async function insertMentions(trx: Trx, documentId: number, mentions: readonly MentionToStore[]): Promise<void> {
  // 9 values a row: well under SQLite's 32,766 variables in a chunk of 1,000.
  for (let i = 0; i < mentions.length; i += 1000)
    await trx
      .insertInto('entity_mentions')
      .values(
        mentions.slice(i, i + 1000).map((m) => ({
          entity_id: m.entityId,
          document_id: documentId,
          page: m.page,
          start_offset: m.start,
          end_offset: m.end,
          text: m.text,
          role: m.role,
          key: m.key,
        })),
      )
      .execute();
}

/** Moves an entity's mentions to another; only those of one form's key when `key` is given. */
export async function moveMentions(trx: Trx, from: number, to: number, key?: string): Promise<number> {
  let update = trx.updateTable('entity_mentions').set({ entity_id: to }).where('entity_id', '=', from);
  if (key !== undefined) update = update.where('key', '=', key);
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The keys of the forms an entity's mentions use, with the words of one mention of each. */
export async function mentionFormsOf(db: Db, entityId: number): Promise<{ key: string; text: string }[]> {
  return db
    .selectFrom('entity_mentions')
    .select(['key', sql<string>`min(text)`.as('text')])
    .where('entity_id', '=', entityId)
    .groupBy('key')
    .execute();
}

/** An entity's mentions in live documents, in document and page order. */
export async function listMentionsOfEntity(db: Db, entityId: number, limit: number): Promise<StoredMention[]> {
  return db
    .selectFrom('entity_mentions as m')
    .innerJoin('documents as d', 'd.id', 'm.document_id')
    .select([
      'm.entity_id as entityId',
      'm.document_id as documentId',
      'm.page',
      'm.start_offset as start',
      'm.end_offset as end',
      'm.text',
      'm.role',
    ])
    .where('m.entity_id', '=', entityId)
    .where('d.deleted_at', 'is', null)
    .orderBy('m.document_id')
    .orderBy('m.page')
    .orderBy('m.start_offset')
    .limit(limit)
    .execute();
}

/** Live documents naming the entity, with how often each does. */
export async function documentsOfEntity(
  db: Db,
  entityId: number,
): Promise<{ id: number; title: string; mentions: number }[]> {
  return db
    .selectFrom('entity_mentions as m')
    .innerJoin('documents as d', 'd.id', 'm.document_id')
    .select(['d.id as id', 'd.title as title', sql<number>`count(*)`.as('mentions')])
    .where('m.entity_id', '=', entityId)
    .where('d.deleted_at', 'is', null)
    .groupBy('d.id')
    .orderBy('mentions', 'desc')
    .orderBy('d.id')
    .execute();
}

/** The entities named in the most live documents this one is named in, with that count. */
export async function cooccurringEntities(
  db: Db,
  entityId: number,
  limit: number,
): Promise<{ id: number; shared: number }[]> {
  const rows = await sql<{ id: number; shared: number }>`
    SELECT o.entity_id AS id, count(DISTINCT o.document_id) AS shared
    FROM (SELECT DISTINCT document_id FROM entity_mentions WHERE entity_id = ${entityId}) mine
    JOIN documents d ON d.id = mine.document_id AND d.deleted_at IS NULL
    JOIN entity_mentions o ON o.document_id = mine.document_id AND o.entity_id <> ${entityId}
    GROUP BY o.entity_id ORDER BY shared DESC, o.entity_id LIMIT ${limit}`.execute(db);
  return rows.rows;
}

/** Live documents that name any of these entities. */
export async function documentIdsMentioning(db: Db, entityIds: readonly number[]): Promise<number[]> {
  if (entityIds.length === 0) return [];
  const rows = await db
    .selectFrom('entity_mentions')
    .select('document_id')
    .distinct()
    .where('entity_id', 'in', entityIds)
    .execute();
  return rows.map((r) => r.document_id);
}

export async function markExtracted(trx: Trx, documentId: number, engine: string, at: string): Promise<void> {
  await trx
    .insertInto('entity_extractions')
    .values({ document_id: documentId, extracted_at: at, engine })
    .onConflict((oc) => oc.column('document_id').doUpdateSet({ extracted_at: at, engine }))
    .execute();
}

/** Live documents to read: every one, or those not yet read by this engine version. */
export async function documentsToExtract(db: Db, engine: string, all: boolean): Promise<number[]> {
  let query = db.selectFrom('documents as d').select('d.id').where('d.deleted_at', 'is', null);
  if (!all)
    query = query.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('entity_extractions as x')
            .select('x.document_id')
            .whereRef('x.document_id', '=', 'd.id')
            .where('x.engine', '=', engine),
        ),
      ),
    );
  const rows = await query.orderBy('d.id').execute();
  return rows.map((r) => r.id);
}

/** Records a merge left to a person (once per pair). */
export async function addSuggestion(trx: Trx, a: number, b: number, reason: string): Promise<void> {
  if (a === b) return;
  await trx
    .insertInto('entity_suggestions')
    .values({ entity_a: Math.min(a, b), entity_b: Math.max(a, b), reason })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function suggestionsFor(db: Db, entityId: number): Promise<{ other: number; reason: string }[]> {
  const rows = await db
    .selectFrom('entity_suggestions')
    .select(['entity_a', 'entity_b', 'reason'])
    .where((eb) => eb.or([eb('entity_a', '=', entityId), eb('entity_b', '=', entityId)]))
    .execute();
  return rows.map((r) => ({ other: r.entity_a === entityId ? r.entity_b : r.entity_a, reason: r.reason }));
}

export async function dropSuggestion(trx: Trx, a: number, b: number): Promise<void> {
  await trx
    .deleteFrom('entity_suggestions')
    .where('entity_a', '=', Math.min(a, b))
    .where('entity_b', '=', Math.max(a, b))
    .execute();
}

/** Live quotes whose passage contains one of the entity's mentions (same document, within its pages and offsets). */
export async function quotesContainingEntity(
  db: Db,
  entityId: number,
  limit: number,
): Promise<{ id: number; documentId: number; page: number; text: string }[]> {
  const rows = await sql<{ id: number; documentId: number; page: number; text: string }>`
    SELECT DISTINCT q.id, q.document_id AS documentId, q.page, q.text
    FROM entity_mentions m
    JOIN quotes q ON q.document_id = m.document_id AND q.deleted_at IS NULL
      AND (q.page < m.page OR (q.page = m.page AND q.start_offset <= m.start_offset))
      AND (q.page_end > m.page OR (q.page_end = m.page AND q.end_offset >= m.end_offset))
    JOIN documents d ON d.id = q.document_id AND d.deleted_at IS NULL
    WHERE m.entity_id = ${entityId}
    ORDER BY q.document_id, q.page, q.id LIMIT ${limit}`.execute(db);
  return rows.rows;
}
