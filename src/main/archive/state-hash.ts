/**
 * The canonical state of each object a history entry can change, hashed. An entry records
 * the state its change left behind (`history.state`), so `exhibit check` can tell the
 * archive apart from its history when someone edits it behind the app's back.
 *
 * Objects: `document:ID` (metadata, the original's SHA-256, its tags' names, each page's
 * text), `quote:ID` (document, pages, offsets, text, context, note, status, deleted flag,
 * tags' names) and `collection:ID` (name, title, introduction, order). A tag is no object of
 * its own: its assignments are in the tagged objects' states, by name, so a planted, removed
 * or renamed tag changes the state of everything it is on.
 *
 * A state is `{ h, f, p? }`: `h` is the SHA-256 of the whole canonical value (what detection
 * rests on); `f` holds a short fingerprint per field and `p` per page, only to name what
 * differs. state-encoding.ts stores it compactly.
 */
import { hash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './db/schema.js';

export type ObjectKind = 'document' | 'quote' | 'collection';
export type ObjectKey = `${ObjectKind}:${number}`;

export interface ObjectState {
  h: string;
  f: Record<string, string>;
  p?: string[];
}

/** Each object's state after a change; null when the change took it out of the archive. */
export type StateRecord = Record<string, ObjectState | null>;

export type Db = Kysely<Database> | Transaction<Database>;

export const DOCUMENT_FIELDS = [
  'sha256',
  'format',
  'mime_type',
  'title',
  'type',
  'authors',
  'recipients',
  'organization',
  'date',
  'source',
  'url',
  'description',
  'file_name',
  'size',
  'page_count',
  'page_labels',
  'page_label_offset',
  'parent_id',
  'warnings',
  'extra',
  'imported_at',
  'deleted_at',
] as const;
export const QUOTE_FIELDS = [
  'document_id',
  'page',
  'page_end',
  'start_offset',
  'end_offset',
  'text',
  'prefix',
  'suffix',
  'note',
  'status',
  'deleted_at',
] as const;

/** Each kind's fingerprinted fields, in the order a stored state lists them. */
export const STATE_FIELDS: Record<ObjectKind, readonly string[]> = {
  document: [...DOCUMENT_FIELDS, 'tags'],
  quote: [...QUOTE_FIELDS, 'tags'],
  collection: ['name', 'title', 'introduction', 'order'],
};

/** Hex digits of a field's or page's fingerprint: enough to name it, the whole hash proves. */
export const FINGERPRINT_LENGTH = 8;

export type DocumentStateRow = { [K in (typeof DOCUMENT_FIELDS)[number]]: Database['documents'][K] };
export type QuoteStateRow = { [K in (typeof QUOTE_FIELDS)[number]]: Database['quotes'][K] };

/** One-shot hashing: a state takes some thirty hashes, and a Hash object each costs thrice as much. */
function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}

const fingerprint = (value: unknown): string => sha256(JSON.stringify(value ?? null)).slice(0, FINGERPRINT_LENGTH);

function stateOfFields(fields: ReadonlyArray<readonly [string, unknown]>, pageHashes?: readonly string[]): ObjectState {
  const f: Record<string, string> = {};
  for (const [name, value] of fields) f[name] = fingerprint(value);
  const whole = JSON.stringify([fields.map(([, value]) => value ?? null), pageHashes ?? null]);
  const state: ObjectState = { h: sha256(whole), f };
  if (pageHashes) state.p = pageHashes.map((hash) => hash.slice(0, FINGERPRINT_LENGTH));
  return state;
}

/** A document's state from its row, its tags' names and its pages' texts in order. */
export function documentState(
  row: DocumentStateRow,
  tagNames: readonly string[],
  pageTexts: readonly string[],
): ObjectState {
  return documentStateFromPageHashes(row, tagNames, pageTexts.map(pageHash));
}

export const pageHash = (text: string): string => sha256(text);

export function documentStateFromPageHashes(
  row: DocumentStateRow,
  tagNames: readonly string[],
  pageHashes: readonly string[],
): ObjectState {
  const fields: Array<readonly [string, unknown]> = DOCUMENT_FIELDS.map((name) => [name, row[name]] as const);
  fields.push(['tags', [...tagNames].sort()]);
  return stateOfFields(fields, pageHashes);
}

export function quoteState(row: QuoteStateRow, tagNames: readonly string[]): ObjectState {
  const fields: Array<readonly [string, unknown]> = QUOTE_FIELDS.map((name) => [name, row[name]] as const);
  fields.push(['tags', [...tagNames].sort()]);
  return stateOfFields(fields);
}

export function collectionState(
  row: { name: string; title: string; introduction: string | null },
  order: readonly number[],
): ObjectState {
  return stateOfFields([
    ['name', row.name],
    ['title', row.title],
    ['introduction', row.introduction],
    ['order', order],
  ]);
}

/** One query, not three: a tag change reads its document's state back for every item. */
async function readDocument(db: Db, id: number): Promise<ObjectState | null> {
  const row = await db
    .selectFrom('documents')
    .select([...DOCUMENT_FIELDS])
    .select([
      sql<string>`(SELECT json_group_array(tags.name) FROM document_tags JOIN tags ON tags.id = document_tags.tag_id WHERE document_tags.document_id = documents.id)`.as(
        'tag_names',
      ),
      sql<string>`(SELECT json_group_array(text ORDER BY number) FROM pages WHERE pages.document_id = documents.id)`.as(
        'page_texts',
      ),
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return documentState(row, JSON.parse(row.tag_names) as string[], JSON.parse(row.page_texts) as string[]);
}

async function readQuote(db: Db, id: number): Promise<ObjectState | null> {
  const row = await db
    .selectFrom('quotes')
    .select([...QUOTE_FIELDS])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const tags = await db
    .selectFrom('quote_tags')
    .innerJoin('tags', 'tags.id', 'quote_tags.tag_id')
    .select('tags.name')
    .where('quote_tags.quote_id', '=', id)
    .execute();
  return quoteState(
    row,
    tags.map((t) => t.name),
  );
}

async function readCollection(db: Db, id: number): Promise<ObjectState | null> {
  const row = await db
    .selectFrom('collections')
    .select(['name', 'title', 'introduction'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const items = await db
    .selectFrom('collection_items')
    .select('quote_id')
    .where('collection_id', '=', id)
    .orderBy('position')
    .execute();
  return collectionState(
    row,
    items.map((i) => i.quote_id),
  );
}

export function parseObjectKey(key: string): { kind: ObjectKind; id: number } | null {
  const match = /^(document|quote|collection):(\d+)$/.exec(key);
  return match ? { kind: match[1] as ObjectKind, id: Number(match[2]) } : null;
}

/** Reads the current state of each object named. */
export async function readStates(db: Db, keys: Iterable<string>): Promise<StateRecord> {
  const states: StateRecord = {};
  for (const key of new Set(keys)) {
    const parsed = parseObjectKey(key);
    if (!parsed) continue;
    const read = parsed.kind === 'document' ? readDocument : parsed.kind === 'quote' ? readQuote : readCollection;
    states[key] = await read(db, parsed.id);
  }
  return states;
}

/** Keys of these documents and quotes, for a change that touched them all. */
export function objectKeys(items: { documentIds?: readonly number[]; quoteIds?: readonly number[] }): ObjectKey[] {
  return [
    ...(items.documentIds ?? []).map((id) => `document:${id}` as const),
    ...(items.quoteIds ?? []).map((id) => `quote:${id}` as const),
  ];
}
