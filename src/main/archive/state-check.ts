/**
 * The archive against its history: every object's current state (state-hash.ts) is
 * recomputed and compared with the state its latest history entry recorded, so an edit made
 * behind the app's back is reported naming the object and the field. Also checks the chain
 * against a head recorded outside the archive (`exhibit history --head`).
 */
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import type { CheckProblem } from '../../shared/contract-types.js';
import { chainHead, formatHead, type ChainHead } from './custody.js';
import { decodeStateRecord } from './state-encoding.js';
import {
  DOCUMENT_FIELDS,
  QUOTE_FIELDS,
  collectionState,
  documentStateFromPageHashes,
  pageHash,
  quoteState,
  type Db,
  type ObjectState,
} from './state-hash.js';

interface Recorded {
  entryId: number;
  state: ObjectState | null;
}

/** The latest recorded state of each object, by key. */
async function recordedStates(db: Kysely<Database>): Promise<Map<string, Recorded>> {
  const latest = new Map<string, Recorded>();
  const rows = db
    .selectFrom('history')
    .select(['id', 'state'])
    .where('state', 'is not', null)
    .orderBy('id')
    .stream(200);
  for await (const row of rows) {
    let record: Record<string, ObjectState | null>;
    try {
      record = decodeStateRecord(row.state ?? '{}');
    } catch {
      continue; // An altered entry is already reported by the chain check.
    }
    for (const [key, state] of Object.entries(record)) latest.set(key, { entryId: row.id, state });
  }
  return latest;
}

function groupNames(rows: ReadonlyArray<{ owner: number; name: string }>): Map<number, string[]> {
  const byOwner = new Map<number, string[]>();
  for (const row of rows) {
    const list = byOwner.get(row.owner);
    if (list) list.push(row.name);
    else byOwner.set(row.owner, [row.name]);
  }
  return byOwner;
}

/** Every object's current state, by key. */
export async function currentStates(db: Db): Promise<Map<string, ObjectState>> {
  const states = new Map<string, ObjectState>();
  const docTags = groupNames(
    await db
      .selectFrom('document_tags')
      .innerJoin('tags', 'tags.id', 'document_tags.tag_id')
      .select(['document_tags.document_id as owner', 'tags.name'])
      .execute(),
  );
  const pageHashes = new Map<number, string[]>();
  for await (const page of db
    .selectFrom('pages')
    .select(['document_id', 'text'])
    .orderBy('document_id')
    .orderBy('number')
    .stream(200)) {
    const list = pageHashes.get(page.document_id) ?? [];
    list.push(pageHash(page.text));
    pageHashes.set(page.document_id, list);
  }
  for (const row of await db
    .selectFrom('documents')
    .select(['id', ...DOCUMENT_FIELDS])
    .execute()) {
    states.set(
      `document:${row.id}`,
      documentStateFromPageHashes(row, docTags.get(row.id) ?? [], pageHashes.get(row.id) ?? []),
    );
  }
  const quoteTags = groupNames(
    await db
      .selectFrom('quote_tags')
      .innerJoin('tags', 'tags.id', 'quote_tags.tag_id')
      .select(['quote_tags.quote_id as owner', 'tags.name'])
      .execute(),
  );
  for (const row of await db
    .selectFrom('quotes')
    .select(['id', ...QUOTE_FIELDS])
    .execute()) {
    states.set(`quote:${row.id}`, quoteState(row, quoteTags.get(row.id) ?? []));
  }
  const items = await db
    .selectFrom('collection_items')
    .select(['collection_id', 'quote_id'])
    .orderBy('collection_id')
    .orderBy('position')
    .execute();
  const orders = new Map<number, number[]>();
  for (const item of items) orders.set(item.collection_id, [...(orders.get(item.collection_id) ?? []), item.quote_id]);
  for (const row of await db.selectFrom('collections').select(['id', 'name', 'title', 'introduction']).execute()) {
    states.set(`collection:${row.id}`, collectionState(row, orders.get(row.id) ?? []));
  }
  return states;
}

const FIELD_NAMES: Record<string, string> = {
  sha256: 'SHA-256 of its original',
  mime_type: 'MIME type',
  file_name: 'file name',
  page_count: 'page count',
  page_labels: 'page labels',
  page_label_offset: 'page label offset',
  parent_id: 'parent document',
  imported_at: 'import time',
  deleted_at: 'trash/deleted flag',
  document_id: 'document',
  page_end: 'end page',
  start_offset: 'start offset',
  end_offset: 'end offset',
  prefix: 'context before',
  suffix: 'context after',
  text: 'text',
  order: 'order',
};

/** Fingerprints differ; compared on the shorter length, as older entries kept 16 hex digits. */
function differs(recorded: string | undefined, current: string | undefined): boolean {
  if (recorded === undefined || current === undefined) return recorded !== current;
  const length = Math.min(recorded.length, current.length);
  return recorded.slice(0, length) !== current.slice(0, length);
}

/** Names what differs between two states of one object. */
export function differingFields(recorded: ObjectState, current: ObjectState): string[] {
  const fields = Object.keys(current.f)
    .filter((name) => differs(recorded.f[name], current.f[name]))
    .map((name) => FIELD_NAMES[name] ?? name);
  const before = recorded.p ?? [];
  const now = current.p ?? [];
  if (before.length !== now.length) fields.push(`pages (${before.length} recorded, ${now.length} now)`);
  for (let i = 0; i < Math.min(before.length, now.length); i++) {
    if (differs(before[i], now[i])) fields.push(`text of page ${i + 1}`);
  }
  return fields.length > 0 ? fields : ['its state'];
}

const nameOf = (key: string): string => key.replace(':', ' ');

/** Compares every object with its latest history entry; one problem per object that differs. */
export async function checkStates(db: Kysely<Database>): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = [];
  const recorded = await recordedStates(db);
  const current = await currentStates(db);
  for (const [key, state] of current) {
    const entry = recorded.get(key);
    if (!entry) {
      problems.push({
        kind: 'state',
        message: `${nameOf(key)} has no history: it was put in the archive behind the app's back`,
      });
    } else if (entry.state === null) {
      problems.push({
        kind: 'state',
        message: `${nameOf(key)} was removed on record (history entry ${entry.entryId}) but is in the archive again`,
      });
    } else if (entry.state.h !== state.h) {
      const fields = differingFields(entry.state, state).join(', ');
      problems.push({
        kind: 'state',
        message: `${nameOf(key)}: ${fields} changed behind the app's back (differs from history entry ${entry.entryId})`,
      });
    }
  }
  for (const [key, entry] of recorded) {
    if (entry.state !== null && !current.has(key)) {
      problems.push({
        kind: 'state',
        message: `${nameOf(key)} is gone without a record of its removal (last history entry ${entry.entryId})`,
      });
    }
  }
  return problems;
}

/** Parses `LENGTH:HASH` as printed by `exhibit history --head`; null when malformed. */
export function parseHead(text: string): ChainHead | null {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim().toLowerCase());
  return match ? { length: Number(match[1]), hash: match[2] as string } : null;
}

/** Checks that the chain still holds `head` at its length. */
export async function checkHead(db: Kysely<Database>, head: ChainHead): Promise<CheckProblem[]> {
  const entry = await db.selectFrom('history').select(['id', 'hash']).where('id', '=', head.length).executeTakeFirst();
  const now = formatHead(await chainHead(db));
  if (head.length === 0) return [];
  if (!entry) {
    return [
      {
        kind: 'head',
        message: `the history no longer reaches the recorded head ${formatHead(head)}: entries were deleted (head now ${now})`,
      },
    ];
  }
  if (entry.hash !== head.hash) {
    return [
      {
        kind: 'head',
        message: `history entry ${head.length} no longer has the recorded head's hash: the history was rewritten (head now ${now})`,
      },
    ];
  }
  return [];
}
