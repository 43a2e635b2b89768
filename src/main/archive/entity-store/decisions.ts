/**
 * A person's decisions about entities: merge two, split an alias off, rename. Each is one
 * transaction with its custody entry, and each is kept in `entity_keys` (decided) or in the
 * entity's user name, so reading the documents again does not undo it.
 */
import type { EntitySummary } from '../../../shared/entities.js';
import type { Archive } from '../archive.js';
import { recordHistory } from '../custody.js';
import type { Trx } from '../db/repos/db.js';
import {
  deleteEntityRow,
  findEntityRow,
  insertEntity,
  listEntitySummaries,
  moveKeys,
  recountDocuments,
  renameEntityRow,
  setKey,
  updateEntityForms,
  type EntityRow,
} from '../db/repos/entities.js';
import { dropSuggestion, mentionFormsOf, moveMentions } from '../db/repos/entity-mentions.js';
import { decodeStrings } from '../db/repos/json-columns.js';
import { ArchiveError } from '../errors.js';
import { cleanForm, formKey, lookupFields } from './keys.js';

/** The longest name a person may give an entity. */
export const MAX_ENTITY_NAME = 200;

async function entityOrThrow(trx: Trx, id: number): Promise<EntityRow> {
  const row = await findEntityRow(trx, id);
  if (!row) throw new ArchiveError('not-found', `entity ${id}: no such entity`);
  return row;
}

async function summaryOf(trx: Trx, row: EntityRow): Promise<EntitySummary> {
  const [summary] = await listEntitySummaries(trx, { ids: [row.id] });
  const fresh = (await findEntityRow(trx, row.id)) ?? row;
  return (
    summary ?? {
      id: row.id,
      name: fresh.name,
      type: fresh.type,
      aliases: decodeStrings(fresh.aliases),
      mentions: 0,
      documents: 0,
    }
  );
}

/** Merges `otherId` into `keepId`: its mentions, forms and name become the kept entity's. */
export async function mergeEntitiesInto(archive: Archive, keepId: number, otherId: number): Promise<EntitySummary> {
  if (keepId === otherId)
    throw new ArchiveError('invalid-input', `entity merge: ${keepId} and ${otherId} are the same entity`);
  return archive.db.transaction().execute(async (trx) => {
    const [keep, other] = [await entityOrThrow(trx, keepId), await entityOrThrow(trx, otherId)];
    if (keep.type !== other.type)
      throw new ArchiveError(
        'invalid-input',
        `entity merge: ${keep.name} is ${keep.type === 'org' ? 'an organisation' : 'a person'}, ${other.name} is not`,
      );
    const moved = await moveMentions(trx, otherId, keepId);
    await moveKeys(trx, otherId, keepId, true);
    // The kept entity's own name is decided too, so a re-reading cannot take it elsewhere.
    await setKey(trx, keep.type, formKey(keep.type, keep.name), keepId, true);
    const aliases = new Set([...decodeStrings(keep.aliases), other.name, ...decodeStrings(other.aliases)]);
    aliases.delete(keep.name);
    await updateEntityForms(trx, keepId, keep.name, [...aliases].sort());
    await dropSuggestion(trx, keepId, otherId);
    await deleteEntityRow(trx, otherId);
    await recountDocuments(trx, [keepId]);
    await recordHistory(trx, {
      action: 'entity-merge',
      subject: `entity:${keepId}`,
      details: { kept: { id: keepId, name: keep.name }, merged: { id: otherId, name: other.name }, mentions: moved },
    });
    return summaryOf(trx, keep);
  });
}

/** Takes the mentions written as `alias` off an entity into a new one of that name. */
export async function splitEntityAlias(
  archive: Archive,
  id: number,
  alias: string,
): Promise<{ from: EntitySummary; to: EntitySummary }> {
  const form = cleanForm(alias);
  if (!form) throw new ArchiveError('invalid-input', 'entity split: --alias is empty');
  return archive.db.transaction().execute(async (trx) => {
    const row = await entityOrThrow(trx, id);
    const key = formKey(row.type, form);
    const forms = await mentionFormsOf(trx, id);
    const match = forms.find((f) => f.key === key);
    if (!match) {
      const known = decodeStrings(row.aliases);
      throw new ArchiveError(
        'not-found',
        `entity ${id} (${row.name}): no mention is written "${form}"${known.length ? `; its aliases: ${known.join(', ')}` : ''}`,
      );
    }
    if (forms.length === 1)
      throw new ArchiveError(
        'invalid-input',
        `entity ${id} (${row.name}): "${form}" is its only form; rename it instead`,
      );
    const at = new Date().toISOString();
    const newId = await insertEntity(trx, { type: row.type, name: form, ...lookupFields(row.type, form), at });
    await setKey(trx, row.type, key, newId, true);
    const moved = await moveMentions(trx, id, newId, key);
    const remaining = decodeStrings(row.aliases).filter((a) => formKey(row.type, a) !== key);
    const name = formKey(row.type, row.name) === key ? (remaining[0] ?? row.name) : row.name;
    await updateEntityForms(
      trx,
      id,
      name,
      remaining.filter((a) => a !== name),
    );
    await recountDocuments(trx, [id, newId]);
    await recordHistory(trx, {
      action: 'entity-split',
      subject: `entity:${id}`,
      details: { from: { id, name: row.name }, to: { id: newId, name: form }, alias: form, mentions: moved },
    });
    const to = await entityOrThrow(trx, newId);
    return { from: await summaryOf(trx, row), to: await summaryOf(trx, to) };
  });
}

/** Gives an entity the name a person chose; the old name stays an alias when mentions use it. */
export async function renameEntity(archive: Archive, id: number, newName: string): Promise<EntitySummary> {
  const name = newName.replace(/\s+/g, ' ').trim();
  if (!name) throw new ArchiveError('invalid-input', 'entity rename: the new name is empty');
  if (name.length > MAX_ENTITY_NAME)
    throw new ArchiveError('invalid-input', `entity rename: the new name is longer than ${MAX_ENTITY_NAME} characters`);
  return archive.db.transaction().execute(async (trx) => {
    const row = await entityOrThrow(trx, id);
    const forms = new Set((await mentionFormsOf(trx, id)).map((f) => cleanForm(f.text)));
    const aliases = new Set(decodeStrings(row.aliases));
    if (forms.has(row.name)) aliases.add(row.name);
    aliases.delete(name);
    await renameEntityRow(trx, id, name, [...aliases].sort());
    await recordHistory(trx, {
      action: 'entity-rename',
      subject: `entity:${id}`,
      details: { from: row.name, to: name },
    });
    return summaryOf(trx, row);
  });
}
