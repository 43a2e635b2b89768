/** Reading people and organisations: the list with counts, and one entity's page. */
import type { EntityDetail, EntityKind, EntityMentionView, EntitySummary } from '../../../shared/entities.js';
import type { Db } from '../db/repos/db.js';
import { entityIdsNamed, findEntityRow, findEntityRows, listEntitySummaries } from '../db/repos/entities.js';
import {
  cooccurringEntities,
  documentIdsMentioning,
  documentsOfEntity,
  listMentionsOfEntity,
  quotesContainingEntity,
  suggestionsFor,
} from '../db/repos/entity-mentions.js';
import { listPagesOf } from '../db/repos/pages.js';
import { decodeStrings } from '../db/repos/json-columns.js';
import { ArchiveError } from '../errors.js';

/** Characters of context either side of a mention. */
const CONTEXT = 60;
const MENTION_LIMIT = 500;

export function listEntities(
  db: Db,
  filter: { type?: EntityKind; documentId?: number } = {},
): Promise<EntitySummary[]> {
  return listEntitySummaries(db, filter);
}

async function withContext(db: Db, entityId: number): Promise<EntityMentionView[]> {
  const mentions = await listMentionsOfEntity(db, entityId, MENTION_LIMIT);
  const pages = new Map<string, string>();
  const out: EntityMentionView[] = [];
  for (const m of mentions) {
    const at = `${m.documentId}:${m.page}`;
    if (!pages.has(at)) pages.set(at, (await listPagesOf(db, m.documentId, m.page))[0]?.text ?? '');
    const text = pages.get(at) ?? '';
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    out.push({
      documentId: m.documentId,
      page: m.page,
      start: m.start,
      end: m.end,
      text: m.text,
      role: m.role,
      before: flat(text.slice(Math.max(0, m.start - CONTEXT), m.start)),
      after: flat(text.slice(m.end, m.end + CONTEXT)),
    });
  }
  return out;
}

export async function getEntity(db: Db, id: number): Promise<EntityDetail> {
  const row = await findEntityRow(db, id);
  if (!row) throw new ArchiveError('not-found', `entity ${id}: no such entity`);
  const [summary] = await listEntitySummaries(db, { ids: [id] });
  const cooccurring = await cooccurringEntities(db, id, 20);
  const others = new Map((await listEntitySummaries(db, { ids: cooccurring.map((c) => c.id) })).map((s) => [s.id, s]));
  const suggested = await suggestionsFor(db, id);
  const names = new Map(
    (
      await findEntityRows(
        db,
        suggested.map((s) => s.other),
      )
    ).map((r) => [r.id, r.name]),
  );
  return {
    id,
    name: row.name,
    type: row.type === 'org' ? 'org' : 'person',
    aliases: decodeStrings(row.aliases),
    mentions: summary?.mentions ?? 0,
    documents: summary?.documents ?? 0,
    mentionList: await withContext(db, id),
    documentList: await documentsOfEntity(db, id),
    quotes: await quotesContainingEntity(db, id, 200),
    cooccurring: cooccurring.flatMap((c) => {
      const s = others.get(c.id);
      return s ? [{ ...s, shared: c.shared }] : [];
    }),
    suggestions: suggested.map((s) => ({ id: s.other, name: names.get(s.other) ?? '', reason: s.reason })),
  };
}

/** Live documents naming an entity called `name` (its name or an alias): the search and library filter. */
export async function documentsMentioningName(db: Db, name: string): Promise<number[]> {
  return documentIdsMentioning(db, await entityIdsNamed(db, name.trim()));
}
