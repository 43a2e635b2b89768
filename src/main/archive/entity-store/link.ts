/**
 * Reads one document's people and organisations and links them to the archive's entities,
 * in one transaction: the document's old mentions go, its new ones come, each through the
 * key of its form (keys.ts). Linking is conservative: a surname alone joins the one full name
 * of that family in the archive, an acronym the one organisation it abbreviates; where there
 * are several, it stands alone and the candidates are stored as suggestions. A form a person
 * placed with an entity (merge, split) goes to that entity whatever the engine says.
 */
import { listPagesOf } from '../db/repos/pages.js';
import { findDocument } from '../db/repos/documents.js';
import type { Db, Trx } from '../db/repos/db.js';
import {
  addKeys,
  addToDocumentCounts,
  recountDocuments,
  deleteEntityRow,
  deleteUnmentionedEntities,
  entitiesOfAcronym,
  entitiesOfFamily,
  findEntityRow,
  findEntityRows,
  findKeyHolders,
  insertEntity,
  moveKeys,
  updateEntityForms,
  type KeyHolder,
} from '../db/repos/entities.js';
import {
  addSuggestion,
  deleteMentionsOf,
  insertMentions,
  markExtracted,
  moveMentions,
  type MentionToStore,
} from '../db/repos/entity-mentions.js';
import { decodeStrings } from '../db/repos/json-columns.js';
import { extractMentions, mergeEntities, type Entity, type EntityType, type Mention } from '../entities/index.js';
import { cleanForm, ENGINE_VERSION, formKey, knownNamesOf, lookupFields, nameRank } from './keys.js';

export interface LinkSummary {
  documentId: number;
  mentions: number;
  entities: number;
}

/** What the engine reads from a document, before any write: the part that takes time. */
export interface DocumentReading {
  documentId: number;
  pages: number;
  entities: Entity[];
  /** Pairs of names the engine thought might be one entity. */
  suggestions: { type: EntityType; names: [string, string]; reason: string }[];
}

/** Reads the document's pages and metadata (no write). Undefined when it is gone. */
export async function readDocumentEntities(db: Db, documentId: number): Promise<DocumentReading | undefined> {
  const doc = await findDocument(db, documentId);
  if (!doc) return undefined;
  const pages = (await listPagesOf(db, documentId)).map((p) => ({ page: p.number, text: p.text }));
  const mentions: Mention[] = extractMentions(pages, knownNamesOf(doc)).map((m) => ({
    ...m,
    document: String(documentId),
  }));
  const { entities, suggestions } = mergeEntities(mentions);
  return { documentId, pages: pages.length, entities, suggestions };
}

interface Linker {
  trx: Trx;
  at: string;
  holders: Map<string, KeyHolder>;
  suggestions: [number, number, string][];
  /** Entities merged away during this document's linking, to the one that took them. */
  replaced: Map<number, number>;
  /** Entities whose document counts are read again at the end (they took in another). */
  recount: Set<number>;
  /** The forms each entity was given while linking: its name and aliases are read from them. */
  forms: Map<number, Set<string>>;
  /** Family names and acronyms of the full names this document itself gives. */
  ownFamilies: Set<string>;
}

/** The entity an id stands for now (one merged away during linking stands for the one that took it). */
function current(l: Linker, id: number): number {
  let at = id;
  for (let next = l.replaced.get(at); next !== undefined; next = l.replaced.get(at)) at = next;
  return at;
}

const keyOf = (type: EntityType, key: string) => `${type}|${key}`;

/** Where a surname or acronym alone goes when no key says: the one full name that fits, else nowhere. */
async function soleHolder(l: Linker, type: EntityType, name: string): Promise<number | undefined> {
  if (name.includes(' ')) return undefined;
  const candidates =
    type === 'person'
      ? await entitiesOfFamily(l.trx, name.toLowerCase())
      : await entitiesOfAcronym(l.trx, name.replace(/\./g, ''));
  if (candidates.length === 1) return candidates[0];
  return undefined;
}

/**
 * A new full name or long organisation name: a surname or acronym entity that stood alone,
 * and was no person's decision, joins it when it is now the only one of its family.
 */
async function absorbBare(l: Linker, type: EntityType, id: number, name: string): Promise<void> {
  const { family, acronym } = lookupFields(type, name);
  const bareKey = family ? `s:${family}` : acronym ? `a:${acronym}` : null;
  if (!bareKey) return;
  const holder = (await findKeyHolders(l.trx, type, [bareKey])).get(bareKey);
  if (!holder || holder.decided || holder.entityId === id) return;
  const bare = await findEntityRow(l.trx, holder.entityId);
  if (!bare || bare.family !== null || bare.acronym !== null || bare.user_name === 1) return;
  const sameFamily = family ? await entitiesOfFamily(l.trx, family) : await entitiesOfAcronym(l.trx, acronym ?? '');
  if (sameFamily.length !== 1) {
    l.suggestions.push([bare.id, id, `${sameFamily.length} entities named ${bare.name}`]);
    return;
  }
  await moveMentions(l.trx, bare.id, id);
  await moveKeys(l.trx, bare.id, id, false);
  await deleteEntityRow(l.trx, bare.id);
  l.replaced.set(bare.id, id);
  l.recount.add(id);
  l.forms.set(id, new Set([...(l.forms.get(id) ?? []), bare.name, ...decodeStrings(bare.aliases)]));
}

async function targetOf(l: Linker, entity: Entity): Promise<number> {
  // A surname or acronym this document gives to several full names stays apart: "u:" keeps
  // such readings together, never joined to any one of them.
  const bare = !entity.name.includes(' ') ? entity.name.replace(/\./g, '').toLowerCase() : null;
  const ambiguous = bare !== null && l.ownFamilies.has(`${entity.type}|${bare}`);
  const key = ambiguous ? `u:${bare}` : formKey(entity.type, entity.name);
  const held =
    l.holders.get(keyOf(entity.type, key)) ??
    (ambiguous ? (await findKeyHolders(l.trx, entity.type, [key])).get(key) : undefined);
  if (held) return current(l, held.entityId);
  const sole = ambiguous ? undefined : await soleHolder(l, entity.type, entity.name);
  if (sole !== undefined) return sole;
  const fields = lookupFields(entity.type, entity.name);
  const id = await insertEntity(l.trx, { type: entity.type, name: entity.name, ...fields, at: l.at });
  await addKeys(l.trx, entity.type, [key], id);
  l.holders.set(keyOf(entity.type, key), { entityId: id, decided: false });
  if (fields.family || fields.acronym) await absorbBare(l, entity.type, id, entity.name);
  else {
    const candidates =
      entity.type === 'person'
        ? await entitiesOfFamily(l.trx, entity.name.toLowerCase())
        : await entitiesOfAcronym(l.trx, entity.name.replace(/\./g, ''));
    for (const other of candidates)
      l.suggestions.push([id, other, `${candidates.length} entities named ${entity.name}`]);
  }
  return id;
}

/** Names and aliases of the touched entities: a better name unless a person chose one, every form seen. */
async function updateForms(l: Linker, forms: Map<number, Set<string>>): Promise<void> {
  for (const row of await findEntityRows(l.trx, [...forms.keys()])) {
    const seen = forms.get(row.id) ?? new Set<string>();
    const all = new Set([...decodeStrings(row.aliases), ...seen, row.name]);
    const best =
      row.user_name === 1 ? row.name : [...seen, row.name].reduce((a, b) => (nameRank(b) > nameRank(a) ? b : a));
    all.delete(best);
    const aliases = [...all].sort();
    if (best !== row.name || aliases.join('\n') !== decodeStrings(row.aliases).join('\n'))
      await updateEntityForms(l.trx, row.id, best, aliases);
  }
}

/** Stores one document's reading: its mentions replace the old ones, all in the caller's transaction. */
export async function storeDocumentEntities(trx: Trx, reading: DocumentReading): Promise<LinkSummary> {
  const at = new Date().toISOString();
  const before = await deleteMentionsOf(trx, reading.documentId);
  const ownFamilies = new Set<string>();
  for (const e of reading.entities) {
    const { family, acronym } = lookupFields(e.type, e.name);
    if (family) ownFamilies.add(`${e.type}|${family}`);
    if (acronym) ownFamilies.add(`${e.type}|${acronym.toLowerCase()}`);
  }
  const l: Linker = {
    trx,
    at,
    holders: new Map(),
    suggestions: [],
    replaced: new Map(),
    recount: new Set(),
    forms: new Map(),
    ownFamilies,
  };
  for (const type of ['person', 'org'] as const) {
    const keys = reading.entities
      .filter((e) => e.type === type)
      .flatMap((e) => [formKey(type, e.name), ...e.mentions.map((m) => formKey(type, cleanForm(m.text)))]);
    for (const [key, holder] of await findKeyHolders(trx, type, [...new Set(keys)]))
      l.holders.set(keyOf(type, key), holder);
  }
  const rows: MentionToStore[] = [];
  const forms = l.forms;
  const byName = new Map<string, number>();
  for (const entity of reading.entities) {
    const target = await targetOf(l, entity);
    byName.set(`${entity.type}|${entity.name}`, target);
    const newKeys: string[] = [];
    for (const m of entity.mentions) {
      const form = cleanForm(m.text);
      const key = formKey(entity.type, form);
      const held = l.holders.get(keyOf(entity.type, key));
      // A person put this form with another entity: it stays there.
      const entityId = held?.decided ? current(l, held.entityId) : target;
      if (!held) newKeys.push(key);
      rows.push({ entityId, page: m.page, start: m.start, end: m.end, text: m.text, role: m.role, key });
      forms.set(entityId, (forms.get(entityId) ?? new Set()).add(form));
    }
    await addKeys(trx, entity.type, [...new Set(newKeys)], target);
    for (const key of newKeys) l.holders.set(keyOf(entity.type, key), { entityId: target, decided: false });
  }
  // Entities merged away while linking hand their rows to the entity that took them.
  for (const row of rows) row.entityId = current(l, row.entityId);
  const formsNow = new Map<number, Set<string>>();
  for (const [id, set] of forms)
    formsNow.set(current(l, id), new Set([...(formsNow.get(current(l, id)) ?? []), ...set]));
  await insertMentions(trx, reading.documentId, rows);
  await updateForms(l, formsNow);
  // The document counts once for each entity it names: added for the new, taken off the gone.
  const recount = new Set([...l.recount].map((id) => current(l, id)));
  const was = new Set(before.map((id) => current(l, id)));
  await addToDocumentCounts(
    trx,
    [...formsNow.keys()].filter((id) => !was.has(id) && !recount.has(id)),
    1,
  );
  await addToDocumentCounts(
    trx,
    [...was].filter((id) => !formsNow.has(id) && !recount.has(id)),
    -1,
  );
  await recountDocuments(trx, [...recount]);
  for (const s of reading.suggestions) {
    const [a, b] = [byName.get(`${s.type}|${s.names[0]}`), byName.get(`${s.type}|${s.names[1]}`)];
    if (a !== undefined && b !== undefined) l.suggestions.push([a, b, s.reason]);
  }
  for (const [a, b, reason] of l.suggestions) await addSuggestion(trx, current(l, a), current(l, b), reason);
  await deleteUnmentionedEntities(
    trx,
    before.filter((id) => !formsNow.has(id)),
  );
  await markExtracted(trx, reading.documentId, ENGINE_VERSION, at);
  return { documentId: reading.documentId, mentions: rows.length, entities: formsNow.size };
}
