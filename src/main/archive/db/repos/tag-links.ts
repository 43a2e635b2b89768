/** Which documents and quotes carry which tags: the document_tags and quote_tags tables (facts: facts.ts). */
import type { Db, Trx } from './db.js';
import { copyFactTagLinks, factsTagged } from './facts.js';

export type TaggedKind = 'document' | 'quote';

/** Puts a tag on an item; false when it was already there. */
export async function linkTag(trx: Trx, kind: TaggedKind, itemId: number, tagId: number): Promise<boolean> {
  const result =
    kind === 'document'
      ? await trx
          .insertInto('document_tags')
          .values({ document_id: itemId, tag_id: tagId })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst()
      : await trx
          .insertInto('quote_tags')
          .values({ quote_id: itemId, tag_id: tagId })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Takes a tag off an item; false when it was not there. */
export async function unlinkTag(trx: Trx, kind: TaggedKind, itemId: number, tagId: number): Promise<boolean> {
  const result =
    kind === 'document'
      ? await trx
          .deleteFrom('document_tags')
          .where('document_id', '=', itemId)
          .where('tag_id', '=', tagId)
          .executeTakeFirst()
      : await trx
          .deleteFrom('quote_tags')
          .where('quote_id', '=', itemId)
          .where('tag_id', '=', tagId)
          .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Makes `tagIds` a quote's only tags. */
export async function replaceQuoteTags(trx: Trx, quoteId: number, tagIds: readonly number[]): Promise<void> {
  await trx.deleteFrom('quote_tags').where('quote_id', '=', quoteId).execute();
  if (tagIds.length > 0)
    await trx
      .insertInto('quote_tags')
      .values(tagIds.map((tag_id) => ({ quote_id: quoteId, tag_id })))
      .execute();
}

/** The documents, quotes and facts carrying any of `tagIds`. */
export async function itemsTagged(
  db: Db,
  tagIds: readonly number[],
): Promise<{ documentIds: number[]; quoteIds: number[]; factIds: number[] }> {
  if (tagIds.length === 0) return { documentIds: [], quoteIds: [], factIds: [] };
  const docs = await db
    .selectFrom('document_tags')
    .select('document_id')
    .distinct()
    .where('tag_id', 'in', tagIds)
    .execute();
  const quotes = await db
    .selectFrom('quote_tags')
    .select('quote_id')
    .distinct()
    .where('tag_id', 'in', tagIds)
    .execute();
  return {
    documentIds: docs.map((r) => r.document_id),
    quoteIds: quotes.map((r) => r.quote_id),
    factIds: await factsTagged(db, tagIds),
  };
}

/** Gives tag `to` every item carrying tag `from` (facts too); returns how many documents and quotes gained it. */
export async function copyTagLinks(trx: Trx, from: number, to: number): Promise<{ documents: number; quotes: number }> {
  const d = await trx
    .insertInto('document_tags')
    .columns(['document_id', 'tag_id'])
    .expression((eb) =>
      eb
        .selectFrom('document_tags')
        .select(['document_id', eb.val(to).as('tag_id')])
        .where('tag_id', '=', from),
    )
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  const q = await trx
    .insertInto('quote_tags')
    .columns(['quote_id', 'tag_id'])
    .expression((eb) =>
      eb
        .selectFrom('quote_tags')
        .select(['quote_id', eb.val(to).as('tag_id')])
        .where('tag_id', '=', from),
    )
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  await copyFactTagLinks(trx, from, to);
  return { documents: Number(d.numInsertedOrUpdatedRows ?? 0), quotes: Number(q.numInsertedOrUpdatedRows ?? 0) };
}

/** Tag names per item id, each list sorted. */
export async function tagNamesOf(db: Db, kind: TaggedKind, ids: readonly number[]): Promise<Map<number, string[]>> {
  const result = new Map<number, string[]>();
  if (ids.length === 0) return result;
  const rows =
    kind === 'document'
      ? await db
          .selectFrom('document_tags')
          .innerJoin('tags', 'tags.id', 'document_tags.tag_id')
          .select(['document_tags.document_id as item', 'tags.name'])
          .where('document_tags.document_id', 'in', ids)
          .execute()
      : await db
          .selectFrom('quote_tags')
          .innerJoin('tags', 'tags.id', 'quote_tags.tag_id')
          .select(['quote_tags.quote_id as item', 'tags.name'])
          .where('quote_tags.quote_id', 'in', ids)
          .execute();
  for (const row of rows) result.set(row.item, [...(result.get(row.item) ?? []), row.name]);
  for (const names of result.values()) names.sort((a, b) => a.localeCompare(b));
  return result;
}
