/**
 * The archive against its history: every object's current state (state-hash.ts) is
 * recomputed and compared with the state its latest history entry recorded, so an edit made
 * behind the app's back is reported naming the object and the field. Also checks the chain
 * against a head recorded outside the archive (`exhibit history --head`).
 */
import type { Db } from './db/repos/db.js';
import {
  allCollectionStateInputs,
  allDocumentStateRows,
  allDocumentTagNames,
  allQuoteStateRows,
  allQuoteTagNames,
  historyHashAt,
  streamPageTexts,
  streamRecordedStates,
} from './db/repos/object-states.js';
import type { CheckProblem } from '../../shared/contract-types.js';
import { allFactStateInputs } from './db/repos/facts.js';
import { chainHead, formatHead, type ChainHead } from './custody.js';
import { decodeStateRecord } from './state-encoding.js';
import {
  collectionState,
  documentStateFromPageHashes,
  factState,
  LATER_DEFAULT_FINGERPRINTS,
  pageHash,
  quoteState,
  type ObjectState,
} from './state-hash.js';

interface Recorded {
  entryId: number;
  state: ObjectState | null;
}

/** The latest recorded state of each object, by key. */
async function recordedStates(db: Db): Promise<Map<string, Recorded>> {
  const latest = new Map<string, Recorded>();
  for await (const row of streamRecordedStates(db)) {
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

/** Every object's current state, by key. */
export async function currentStates(db: Db): Promise<Map<string, ObjectState>> {
  const states = new Map<string, ObjectState>();
  const docTags = await allDocumentTagNames(db);
  const pageHashes = new Map<number, string[]>();
  for await (const page of streamPageTexts(db)) {
    const list = pageHashes.get(page.document_id);
    if (list) list.push(pageHash(page.text));
    else pageHashes.set(page.document_id, [pageHash(page.text)]);
  }
  for (const row of await allDocumentStateRows(db)) {
    states.set(
      `document:${row.id}`,
      documentStateFromPageHashes(row, docTags.get(row.id) ?? [], pageHashes.get(row.id) ?? []),
    );
  }
  const quoteTags = await allQuoteTagNames(db);
  for (const row of await allQuoteStateRows(db)) {
    states.set(`quote:${row.id}`, quoteState(row, quoteTags.get(row.id) ?? []));
  }
  for (const { id, row, order } of await allCollectionStateInputs(db)) {
    states.set(`collection:${id}`, collectionState(row, order));
  }
  for (const { id, ...inputs } of await allFactStateInputs(db)) states.set(`fact:${id}`, factState(inputs));
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
  date_from: 'date',
  date_to: 'end of its date range',
  date_about: 'approximate-date flag',
  statement: 'statement',
  quotes: 'cited quotes',
  file_dates: 'file dates',
  user_fields: 'fields set by hand',
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
    .filter((name) => differs(recorded.f[name] ?? LATER_DEFAULT_FINGERPRINTS[name], current.f[name]))
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
export async function checkStates(db: Db): Promise<CheckProblem[]> {
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
export async function checkHead(db: Db, head: ChainHead): Promise<CheckProblem[]> {
  const hashThere = await historyHashAt(db, head.length);
  const now = formatHead(await chainHead(db));
  if (head.length === 0) return [];
  if (hashThere === null) {
    return [
      {
        kind: 'head',
        message: `the history no longer reaches the recorded head ${formatHead(head)}: entries were deleted (head now ${now})`,
      },
    ];
  }
  if (hashThere !== head.hash) {
    return [
      {
        kind: 'head',
        message: `history entry ${head.length} no longer has the recorded head's hash: the history was rewritten (head now ${now})`,
      },
    ];
  }
  return [];
}
