/**
 * The tags repository: tags on documents and on quotes, nested by "/" in their names.
 * Every change is one transaction with its custody entries.
 */
import type { TagRecord } from '../../../shared/quote.js';
import type { Archive } from '../archive.js';
import { recordHistory } from '../custody.js';
import type { Db, Trx } from '../db/repos/db.js';
import { documentExists } from '../db/repos/documents.js';
import { documentOfQuote, quoteDeletionTime } from '../db/repos/quotes.js';
import {
  copyTagLinks,
  itemsTagged,
  linkTag,
  replaceQuoteTags,
  tagNamesOf,
  unlinkTag,
  type TaggedKind,
} from '../db/repos/tag-links.js';
import {
  deleteTagRow,
  deleteTagRows,
  findTag,
  findTagAndDescendants,
  insertTag,
  setTagLooks,
  setTagName,
  tagLooks,
  tagNamesById,
  tagRecords,
  type TagRow,
} from '../db/repos/tags.js';
import { objectKeys, readDocumentStateBasis, stateWithTagsAdded, type DocumentStateBasis } from '../state-hash.js';
import { ArchiveError } from '../errors.js';
import { ancestorNames, descendantsPattern, isWithin, normalizeColor, normalizeTagName, sameTag } from './names.js';

/** What a tag is put on or taken off. */
export interface TagTarget {
  documentIds?: readonly number[];
  quoteIds?: readonly number[];
}

export { findTag };

async function requireTag(db: Db, raw: string): Promise<TagRow> {
  const name = normalizeTagName(raw);
  const tag = await findTag(db, name);
  if (!tag) throw new ArchiveError('not-found', `tag "${name}": no such tag`);
  return tag;
}

/** The tag and its descendants, parents first. */
async function subtree(db: Db, tag: TagRow): Promise<TagRow[]> {
  const rows = await findTagAndDescendants(db, tag.id, descendantsPattern(tag.name));
  return rows.sort((a, b) => a.name.length - b.name.length);
}

/** Ids of the tag named `raw` and of its descendants: what a filter on it selects. Throws not-found. */
export async function tagIdsWithin(db: Db, raw: string): Promise<number[]> {
  const tag = await requireTag(db, raw);
  return (await subtree(db, tag)).map((t) => t.id);
}

/** Ids of the named tags, creating them (and their parents) as needed. Runs in the caller's transaction. */
export async function ensureTags(trx: Trx, names: readonly string[]): Promise<{ ids: number[]; created: string[] }> {
  const ids: number[] = [];
  const created: string[] = [];
  for (const raw of names) {
    const name = normalizeTagName(raw);
    let id = 0;
    for (const level of [...ancestorNames(name), name]) {
      const existing = await findTag(trx, level);
      if (existing) id = existing.id;
      else {
        id = await insertTag(trx, level);
        created.push(level);
      }
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return { ids, created };
}

async function checkTargets(trx: Trx, target: TagTarget): Promise<void> {
  for (const id of target.documentIds ?? []) {
    if (!(await documentExists(trx, id))) throw new ArchiveError('not-found', `document ${id}: no such document`);
  }
  for (const id of target.quoteIds ?? []) {
    if ((await quoteDeletionTime(trx, id)) !== null) throw new ArchiveError('not-found', `quote ${id}: no such quote`);
  }
}

/**
 * Puts the named tags on documents and quotes inside the caller's transaction, with a
 * custody entry for each item that gained a tag; returns how many links were added.
 */
export async function addTagsInTransaction(trx: Trx, names: readonly string[], target: TagTarget): Promise<number> {
  if (names.length === 0) return 0;
  // Each document's state basis is read up front: it proves the document is there, and its
  // custody entry's state is then computed from it rather than read back after the change
  // (a second read per document cost a tenth of a bulk import's time).
  const bases = new Map<number, DocumentStateBasis>();
  for (const id of target.documentIds ?? []) {
    const basis = await readDocumentStateBasis(trx, id);
    if (!basis) throw new ArchiveError('not-found', `document ${id}: no such document`);
    bases.set(id, basis);
  }
  await checkTargets(trx, { quoteIds: target.quoteIds ?? [] });
  const { ids, created } = await ensureTags(trx, names);
  const nameOf = await tagNamesById(trx, ids);
  let added = 0;
  const link = async (kind: TaggedKind, itemId: number): Promise<void> => {
    const gained: string[] = [];
    for (const tagId of ids) {
      if (await linkTag(trx, kind, itemId, tagId)) gained.push(nameOf.get(tagId) ?? String(tagId));
    }
    if (gained.length === 0) return;
    added += gained.length;
    const basis = kind === 'document' ? bases.get(itemId) : undefined;
    if (basis) bases.set(itemId, { ...basis, tagNames: [...basis.tagNames, ...gained] });
    await recordHistory(trx, {
      action: 'tag-add',
      documentId: kind === 'document' ? itemId : await documentOfQuote(trx, itemId),
      subject: kind === 'quote' ? `quote:${itemId}` : null,
      details: { tags: gained, ...(created.length ? { createdTags: created } : {}) },
      ...(basis && { state: { [`document:${itemId}`]: stateWithTagsAdded(basis, gained) } }),
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
      if (!(await unlinkTag(trx, 'document', id, tag.id))) continue;
      removed++;
      await recordHistory(trx, { action: 'tag-remove', documentId: id, details: { tags: [tag.name] } });
    }
    for (const id of target.quoteIds ?? []) {
      if (!(await unlinkTag(trx, 'quote', id, tag.id))) continue;
      removed++;
      await recordHistory(trx, {
        action: 'tag-remove',
        documentId: await documentOfQuote(trx, id),
        subject: `quote:${id}`,
        details: { tags: [tag.name] },
      });
    }
    return removed;
  });
}

/** Replaces a quote's tags with `names` inside the caller's transaction; returns the names added and removed. */
export async function setQuoteTagsInTransaction(
  trx: Trx,
  quoteId: number,
  names: readonly string[],
): Promise<{ added: string[]; removed: string[] }> {
  const before = (await tagsOfQuotes(trx, [quoteId])).get(quoteId) ?? [];
  const { ids } = await ensureTags(trx, names);
  await replaceQuoteTags(trx, quoteId, ids);
  const after = (await tagsOfQuotes(trx, [quoteId])).get(quoteId) ?? [];
  return { added: after.filter((n) => !before.includes(n)), removed: before.filter((n) => !after.includes(n)) };
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
      await setTagLooks(trx, before.id, {
        ...(color !== undefined ? { color } : {}),
        ...(description !== undefined ? { description } : {}),
      });
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
    for (const t of tags) await setTagName(trx, t.id, `\u0001${t.id}`);
    for (const [i, t] of tags.entries()) await setTagName(trx, t.id, renamed[i]?.[1] ?? t.name);
    const { created } = await ensureTags(trx, ancestorNames(to));
    // Tagged items hold their tags by name: each one's state changes with the name.
    const touched = objectKeys(await itemsTagged(trx, [...ids]));
    await recordHistory(trx, {
      action: 'tag-rename',
      subject: `tag:${to}`,
      details: { from: from.name, to, renamed, createdTags: created },
      touched,
    });
    return { renamed };
  });
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
      await itemsTagged(
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
      const gained = await copyTagLinks(trx, t.id, targetId);
      documents += gained.documents;
      quotes += gained.quotes;
      const target = await tagLooks(trx, targetId);
      if ((target.color === null && t.color !== null) || (target.description === null && t.description !== null)) {
        await setTagLooks(trx, targetId, {
          color: target.color ?? t.color,
          description: target.description ?? t.description,
        });
      }
      await deleteTagRow(trx, t.id);
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
  /** Absent in details recorded before facts had tags. */
  factIds?: number[];
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
    const all = await itemsTagged(trx, ids);
    const detail: DeletedTagDetail[] = [];
    for (const t of tags) {
      const { factIds, ...items } = await itemsTagged(trx, [t.id]);
      // factIds only when there are some: entries about tags on no fact read as they always did.
      detail.push({
        name: t.name,
        color: t.color,
        description: t.description,
        ...items,
        ...(factIds.length ? { factIds } : {}),
      });
    }
    await deleteTagRows(trx, ids);
    await recordHistory(trx, {
      action: 'tag-delete',
      subject: `tag:${tag.name}`,
      details: { tags: detail },
      touched: objectKeys(all),
    });
    return { tags: tags.map((t) => t.name), documents: all.documentIds.length, quotes: all.quoteIds.length, detail };
  });
}

/** Tag names per quote id. */
export function tagsOfQuotes(db: Db, ids: readonly number[]): Promise<Map<number, string[]>> {
  return tagNamesOf(db, 'quote', ids);
}

/** Tag names per document id. */
export function tagsOfDocuments(db: Db, ids: readonly number[]): Promise<Map<number, string[]>> {
  return tagNamesOf(db, 'document', ids);
}
