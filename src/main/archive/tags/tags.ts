/**
 * The tags repository: tags on documents and on quotes, nested by "/" in their names.
 * Every change is one transaction with its custody entries.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { TagRecord } from '../../../shared/quote.js';
import type { Archive } from '../archive.js';
import { recordHistory } from '../custody.js';
import { objectKeys } from '../state-hash.js';
import type { Database } from '../db/schema.js';
import { ArchiveError } from '../errors.js';
import { ancestorNames, descendantsPattern, isWithin, normalizeColor, normalizeTagName, sameTag } from './names.js';

/** What a tag is put on or taken off. */
export interface TagTarget {
  documentIds?: readonly number[];
  quoteIds?: readonly number[];
}

interface TagRow {
  id: number;
  name: string;
  color: string | null;
  description: string | null;
}

type Db = Kysely<Database>;

export async function findTag(db: Db, name: string): Promise<TagRow | undefined> {
  return db
    .selectFrom('tags')
    .select(['id', 'name', 'color', 'description'])
    .where('name', '=', name)
    .executeTakeFirst();
}

async function requireTag(db: Db, raw: string): Promise<TagRow> {
  const name = normalizeTagName(raw);
  const tag = await findTag(db, name);
  if (!tag) throw new ArchiveError('not-found', `tag "${name}": no such tag`);
  return tag;
}

/** The tag and its descendants, parents first. */
async function subtree(db: Db, tag: TagRow): Promise<TagRow[]> {
  const rows = await db
    .selectFrom('tags')
    .select(['id', 'name', 'color', 'description'])
    .where((eb) => eb.or([eb('id', '=', tag.id), sql<boolean>`name LIKE ${descendantsPattern(tag.name)} ESCAPE '\\'`]))
    .execute();
  return rows.sort((a, b) => a.name.length - b.name.length);
}

/** Ids of the tag named `raw` and of its descendants: what a filter on it selects. Throws not-found. */
export async function tagIdsWithin(db: Db, raw: string): Promise<number[]> {
  const tag = await requireTag(db, raw);
  return (await subtree(db, tag)).map((t) => t.id);
}

/** Ids of the named tags, creating them (and their parents) as needed. Runs in the caller's transaction. */
export async function ensureTags(
  trx: Transaction<Database>,
  names: readonly string[],
): Promise<{ ids: number[]; created: string[] }> {
  const ids: number[] = [];
  const created: string[] = [];
  for (const raw of names) {
    const name = normalizeTagName(raw);
    let id = 0;
    for (const level of [...ancestorNames(name), name]) {
      const existing = await findTag(trx, level);
      if (existing) id = existing.id;
      else {
        const row = await trx
          .insertInto('tags')
          .values({ name: level, color: null, description: null, created_at: new Date().toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow();
        id = row.id;
        created.push(level);
      }
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return { ids, created };
}

async function checkTargets(trx: Transaction<Database>, target: TagTarget): Promise<void> {
  for (const id of target.documentIds ?? []) {
    const doc = await trx.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst();
    if (!doc) throw new ArchiveError('not-found', `document ${id}: no such document`);
  }
  for (const id of target.quoteIds ?? []) {
    const quote = await trx.selectFrom('quotes').select(['id', 'deleted_at']).where('id', '=', id).executeTakeFirst();
    if (!quote || quote.deleted_at !== null) throw new ArchiveError('not-found', `quote ${id}: no such quote`);
  }
}

async function quoteDocument(trx: Transaction<Database>, quoteId: number): Promise<number | null> {
  const row = await trx.selectFrom('quotes').select('document_id').where('id', '=', quoteId).executeTakeFirst();
  return row?.document_id ?? null;
}

/**
 * Puts the named tags on documents and quotes inside the caller's transaction, with a
 * custody entry for each item that gained a tag; returns how many links were added.
 */
export async function addTagsInTransaction(
  trx: Transaction<Database>,
  names: readonly string[],
  target: TagTarget,
): Promise<number> {
  if (names.length === 0) return 0;
  await checkTargets(trx, target);
  const { ids, created } = await ensureTags(trx, names);
  const tagNames = await trx.selectFrom('tags').select(['id', 'name']).where('id', 'in', ids).execute();
  const nameOf = new Map(tagNames.map((t) => [t.id, t.name]));
  let added = 0;
  const link = async (kind: 'document' | 'quote', itemId: number): Promise<void> => {
    const gained: string[] = [];
    for (const tagId of ids) {
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
      if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) gained.push(nameOf.get(tagId) ?? String(tagId));
    }
    if (gained.length === 0) return;
    added += gained.length;
    await recordHistory(trx, {
      action: 'tag-add',
      documentId: kind === 'document' ? itemId : await quoteDocument(trx, itemId),
      subject: kind === 'quote' ? `quote:${itemId}` : null,
      details: { tags: gained, ...(created.length ? { createdTags: created } : {}) },
    });
  };
  for (const id of target.documentIds ?? []) await link('document', id);
  for (const id of target.quoteIds ?? []) await link('quote', id);
  return added;
}

/** Puts the named tags on documents and quotes; returns how many links were added. */
export async function addTags(archive: Archive, names: readonly string[], target: TagTarget): Promise<number> {
  return archive.db.transaction().execute((trx) => addTagsInTransaction(trx, names, target));
}

/** Takes one tag (not its children) off documents and quotes; returns how many links were removed. */
export async function removeTag(archive: Archive, raw: string, target: TagTarget): Promise<number> {
  return archive.db.transaction().execute(async (trx) => {
    const tag = await requireTag(trx, raw);
    await checkTargets(trx, target);
    let removed = 0;
    for (const id of target.documentIds ?? []) {
      const r = await trx
        .deleteFrom('document_tags')
        .where('document_id', '=', id)
        .where('tag_id', '=', tag.id)
        .executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) continue;
      removed++;
      await recordHistory(trx, { action: 'tag-remove', documentId: id, details: { tags: [tag.name] } });
    }
    for (const id of target.quoteIds ?? []) {
      const r = await trx
        .deleteFrom('quote_tags')
        .where('quote_id', '=', id)
        .where('tag_id', '=', tag.id)
        .executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) continue;
      removed++;
      await recordHistory(trx, {
        action: 'tag-remove',
        documentId: await quoteDocument(trx, id),
        subject: `quote:${id}`,
        details: { tags: [tag.name] },
      });
    }
    return removed;
  });
}

/** Replaces a quote's tags with `names` inside the caller's transaction; returns the names added and removed. */
export async function setQuoteTagsInTransaction(
  trx: Transaction<Database>,
  quoteId: number,
  names: readonly string[],
): Promise<{ added: string[]; removed: string[] }> {
  const before = (await tagsOfQuotes(trx, [quoteId])).get(quoteId) ?? [];
  const { ids } = await ensureTags(trx, names);
  await trx.deleteFrom('quote_tags').where('quote_id', '=', quoteId).execute();
  if (ids.length > 0)
    await trx
      .insertInto('quote_tags')
      .values(ids.map((tag_id) => ({ quote_id: quoteId, tag_id })))
      .execute();
  const after = (await tagsOfQuotes(trx, [quoteId])).get(quoteId) ?? [];
  return { added: after.filter((n) => !before.includes(n)), removed: before.filter((n) => !after.includes(n)) };
}

async function tagRecords(db: Db, where?: number): Promise<TagRecord[]> {
  const result = await sql<TagRecord>`
    SELECT t.id, t.name, t.color, t.description,
      (SELECT count(*) FROM document_tags dt JOIN documents d ON d.id = dt.document_id
        WHERE dt.tag_id = t.id AND d.deleted_at IS NULL) AS documents,
      (SELECT count(*) FROM quote_tags qt JOIN quotes q ON q.id = qt.quote_id JOIN documents d ON d.id = q.document_id
        WHERE qt.tag_id = t.id AND q.deleted_at IS NULL AND d.deleted_at IS NULL) AS quotes
    FROM tags t
    ${where === undefined ? sql`` : sql`WHERE t.id = ${where}`}
    ORDER BY t.name COLLATE NOCASE`.execute(db);
  return result.rows.map((r) => ({ ...r, documents: Number(r.documents), quotes: Number(r.quotes) }));
}

/** Every tag, parents before children, with how many live documents and quotes carry it. */
export async function listTags(db: Db): Promise<TagRecord[]> {
  return tagRecords(db);
}

/** One tag with its usage counts; throws not-found. */
export async function getTag(db: Db, name: string): Promise<TagRecord> {
  const tag = await requireTag(db, name);
  const [record] = await tagRecords(db, tag.id);
  if (!record) throw new ArchiveError('not-found', `tag "${tag.name}": no such tag`);
  return record;
}

export interface TagInfo {
  color?: string | null;
  description?: string | null;
}

/** Creates a tag or changes its colour and description. */
export async function setTagInfo(archive: Archive, raw: string, info: TagInfo): Promise<TagRecord> {
  const color = info.color === undefined ? undefined : normalizeColor(info.color);
  const description = info.description === undefined ? undefined : info.description?.trim() || null;
  return archive.db.transaction().execute(async (trx) => {
    const name = normalizeTagName(raw);
    const { created } = await ensureTags(trx, [name]);
    const before = await findTag(trx, name);
    if (!before) throw new ArchiveError('not-found', `tag "${name}": no such tag`);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (color !== undefined && color !== before.color) changes['color'] = { from: before.color, to: color };
    if (description !== undefined && description !== before.description)
      changes['description'] = { from: before.description, to: description };
    if (Object.keys(changes).length > 0) {
      await trx
        .updateTable('tags')
        .set({ ...(color !== undefined ? { color } : {}), ...(description !== undefined ? { description } : {}) })
        .where('id', '=', before.id)
        .execute();
    }
    if (Object.keys(changes).length > 0 || created.length > 0) {
      await recordHistory(trx, {
        action: 'tag-edit',
        subject: `tag:${before.name}`,
        details: { changes, createdTags: created },
      });
    }
    return getTag(trx, name);
  });
}

/** Renames a tag and, with it, its children ("agency" → "org" makes "agency/LAPD" "org/LAPD"). */
export async function renameTag(
  archive: Archive,
  fromRaw: string,
  toRaw: string,
): Promise<{ renamed: [string, string][] }> {
  return archive.db.transaction().execute(async (trx) => {
    const from = await requireTag(trx, fromRaw);
    const to = normalizeTagName(toRaw);
    if (isWithin(to, from.name) && !sameTag(to, from.name)) {
      throw new ArchiveError('invalid-input', `tag "${from.name}": cannot be renamed into its own child "${to}"`);
    }
    const tags = await subtree(trx, from);
    const ids = new Set(tags.map((t) => t.id));
    const renamed: [string, string][] = tags.map((t) => [t.name, to + t.name.slice(from.name.length)]);
    for (const [, name] of renamed) {
      const clash = await findTag(trx, name);
      if (clash && !ids.has(clash.id)) {
        throw new ArchiveError(
          'conflict',
          `tag "${clash.name}" already exists; merge into it instead (exhibit tag merge)`,
        );
      }
    }
    // Two steps, so that no name is taken twice while the subtree moves.
    for (const t of tags)
      await trx
        .updateTable('tags')
        .set({ name: `\u0001${t.id}` })
        .where('id', '=', t.id)
        .execute();
    for (const [i, t] of tags.entries())
      await trx
        .updateTable('tags')
        .set({ name: renamed[i]?.[1] ?? t.name })
        .where('id', '=', t.id)
        .execute();
    const { created } = await ensureTags(trx, ancestorNames(to));
    // Tagged items hold their tags by name: each one's state changes with the name.
    const touched = objectKeys(await itemsOf(trx, [...ids]));
    await recordHistory(trx, {
      action: 'tag-rename',
      subject: `tag:${to}`,
      details: { from: from.name, to, renamed, createdTags: created },
      touched,
    });
    return { renamed };
  });
}

async function itemsOf(db: Db, tagIds: readonly number[]): Promise<{ documentIds: number[]; quoteIds: number[] }> {
  if (tagIds.length === 0) return { documentIds: [], quoteIds: [] };
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
  return { documentIds: docs.map((r) => r.document_id), quoteIds: quotes.map((r) => r.quote_id) };
}

/**
 * Merges one tag into another: every item of `from` gets `into`, children follow
 * ("a/x" into "b" becomes "b/x"), then `from` is gone. Returns how many items gained a tag.
 */
export async function mergeTag(
  archive: Archive,
  fromRaw: string,
  intoRaw: string,
): Promise<{ documents: number; quotes: number }> {
  return archive.db.transaction().execute(async (trx) => {
    const from = await requireTag(trx, fromRaw);
    const intoName = normalizeTagName(intoRaw);
    if (isWithin(intoName, from.name)) {
      throw new ArchiveError(
        'invalid-input',
        `tag "${from.name}": cannot be merged into itself or its own child "${intoName}"`,
      );
    }
    const tags = await subtree(trx, from);
    const touched = objectKeys(
      await itemsOf(
        trx,
        tags.map((t) => t.id),
      ),
    );
    let documents = 0;
    let quotes = 0;
    const moves: { from: string; to: string }[] = [];
    // Children first, so each is merged before its parent's row is deleted.
    for (const t of [...tags].reverse()) {
      const targetName = intoName + t.name.slice(from.name.length);
      const { ids } = await ensureTags(trx, [targetName]);
      const targetId = ids[0] ?? 0;
      const d = await trx
        .insertInto('document_tags')
        .columns(['document_id', 'tag_id'])
        .expression((eb) =>
          eb
            .selectFrom('document_tags')
            .select(['document_id', eb.val(targetId).as('tag_id')])
            .where('tag_id', '=', t.id),
        )
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      const q = await trx
        .insertInto('quote_tags')
        .columns(['quote_id', 'tag_id'])
        .expression((eb) =>
          eb
            .selectFrom('quote_tags')
            .select(['quote_id', eb.val(targetId).as('tag_id')])
            .where('tag_id', '=', t.id),
        )
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      documents += Number(d.numInsertedOrUpdatedRows ?? 0);
      quotes += Number(q.numInsertedOrUpdatedRows ?? 0);
      const target = await trx
        .selectFrom('tags')
        .select(['color', 'description'])
        .where('id', '=', targetId)
        .executeTakeFirstOrThrow();
      if ((target.color === null && t.color !== null) || (target.description === null && t.description !== null)) {
        await trx
          .updateTable('tags')
          .set({ color: target.color ?? t.color, description: target.description ?? t.description })
          .where('id', '=', targetId)
          .execute();
      }
      await trx.deleteFrom('tags').where('id', '=', t.id).execute();
      moves.push({ from: t.name, to: targetName });
    }
    await recordHistory(trx, {
      action: 'tag-merge',
      subject: `tag:${intoName}`,
      details: { from: from.name, into: intoName, moves, documents, quotes },
      touched,
    });
    return { documents, quotes };
  });
}

/** A deleted tag as it was: its name, colour, description and the items that carried it. */
export interface DeletedTagDetail {
  name: string;
  color: string | null;
  description: string | null;
  documentIds: number[];
  quoteIds: number[];
}

/**
 * Deletes a tag and its children. Returns the names deleted and how many documents and
 * quotes lost a tag; the custody entry keeps every item so the deletion can be undone.
 */
export async function deleteTag(
  archive: Archive,
  raw: string,
): Promise<{ tags: string[]; documents: number; quotes: number }> {
  const { detail: _detail, ...summary } = await deleteTagWithDetail(archive, raw);
  return summary;
}

/** deleteTag, also answering (`detail`) every item per tag, for an Undo (restoreTags). */
export async function deleteTagWithDetail(
  archive: Archive,
  raw: string,
): Promise<{ tags: string[]; documents: number; quotes: number; detail: DeletedTagDetail[] }> {
  return archive.db.transaction().execute(async (trx) => {
    const tag = await requireTag(trx, raw);
    const tags = await subtree(trx, tag);
    const ids = tags.map((t) => t.id);
    const all = await itemsOf(trx, ids);
    const detail: DeletedTagDetail[] = [];
    for (const t of tags)
      detail.push({ name: t.name, color: t.color, description: t.description, ...(await itemsOf(trx, [t.id])) });
    await trx.deleteFrom('tags').where('id', 'in', ids).execute();
    await recordHistory(trx, {
      action: 'tag-delete',
      subject: `tag:${tag.name}`,
      details: { tags: detail },
      touched: objectKeys(all),
    });
    return { tags: tags.map((t) => t.name), documents: all.documentIds.length, quotes: all.quoteIds.length, detail };
  });
}

async function namesBy(
  db: Db,
  table: 'document_tags' | 'quote_tags',
  ids: readonly number[],
): Promise<Map<number, string[]>> {
  const result = new Map<number, string[]>();
  if (ids.length === 0) return result;
  const rows =
    table === 'document_tags'
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

/** Tag names per quote id. */
export function tagsOfQuotes(db: Db, ids: readonly number[]): Promise<Map<number, string[]>> {
  return namesBy(db, 'quote_tags', ids);
}

/** Tag names per document id. */
export function tagsOfDocuments(db: Db, ids: readonly number[]): Promise<Map<number, string[]>> {
  return namesBy(db, 'document_tags', ids);
}
