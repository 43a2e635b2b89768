/**
 * The canonical state of each object a history entry can change, hashed. An entry records
 * the state its change left behind (`history.state`), so `exhibit check` can tell the
 * archive apart from its history when someone edits it behind the app's back.
 *
 * Objects: `document:ID` (metadata, the original's SHA-256, its tags' names, each page's
 * text), `quote:ID` (document, pages, offsets, text, context, note, status, deleted flag,
 * tags' names), `collection:ID` (name, title, introduction, order) and `fact:ID` (date,
 * statement, status, note, deleted flag, cited quotes with their roles, tags' names). A tag is no object of
 * its own: its assignments are in the tagged objects' states, by name, so a planted, removed
 * or renamed tag changes the state of everything it is on.
 *
 * A state is `{ h, f, p? }`: `h` is the SHA-256 of the whole canonical value (what detection
 * rests on); `f` holds a short fingerprint per field and `p` per page, only to name what
 * differs. state-encoding.ts stores it compactly.
 */
import { hash } from 'node:crypto';
import type { Db } from './db/repos/db.js';

export type { Db, DocumentStateRow, QuoteStateRow };
import {
  DOCUMENT_LATER_STATE_FIELDS,
  DOCUMENT_STATE_FIELDS,
  QUOTE_STATE_FIELDS,
  readCollectionStateInputs,
  readDocumentStateInputs,
  readQuoteStateInputs,
  type CollectionStateRow,
  type DocumentStateRow,
  type QuoteStateRow,
} from './db/repos/object-states.js';
import { FACT_STATE_FIELDS, readFactStateInputs, type FactStateInputs } from './db/repos/facts.js';

export type ObjectKind = 'document' | 'quote' | 'collection' | 'fact';
export type ObjectKey = `${ObjectKind}:${number}`;

export interface ObjectState {
  h: string;
  f: Record<string, string>;
  p?: string[];
}

/** Each object's state after a change; null when the change took it out of the archive. */
export type StateRecord = Record<string, ObjectState | null>;

/** Each kind's fingerprinted fields, in the order a stored state lists them. */
export const STATE_FIELDS: Record<ObjectKind, readonly string[]> = {
  document: [...DOCUMENT_STATE_FIELDS, 'tags', ...Object.keys(DOCUMENT_LATER_STATE_FIELDS)],
  quote: [...QUOTE_STATE_FIELDS, 'tags'],
  collection: ['name', 'title', 'introduction', 'order'],
  fact: [...FACT_STATE_FIELDS, 'quotes', 'tags'],
};

/** Hex digits of a field's or page's fingerprint: enough to name it, the whole hash proves. */
export const FINGERPRINT_LENGTH = 8;

/** One-shot hashing: a state takes some thirty hashes, and a Hash object each costs thrice as much. */
function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}

const fingerprint = (value: unknown): string => sha256(JSON.stringify(value ?? null)).slice(0, FINGERPRINT_LENGTH);

/** What a document's later fields fingerprint to at their defaults: a state recorded before them has no fingerprint for them. */
export const LATER_DEFAULT_FINGERPRINTS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(DOCUMENT_LATER_STATE_FIELDS).map(([name, unset]) => [name, fingerprint(unset)]),
);

/**
 * `later` fields are fingerprinted always (the encoding names fields by position) but join
 * the hashed value only when they differ from their default (DOCUMENT_LATER_STATE_FIELDS).
 */
function stateOfFields(
  fields: ReadonlyArray<readonly [string, unknown]>,
  pageHashes?: readonly string[],
  later: ReadonlyArray<readonly [string, unknown]> = [],
): ObjectState {
  const f: Record<string, string> = {};
  for (const [name, value] of [...fields, ...later]) f[name] = fingerprint(value);
  const values: unknown[] = fields.map(([, value]) => value ?? null);
  const set = later.filter(
    ([name, value]) => value !== DOCUMENT_LATER_STATE_FIELDS[name as keyof typeof DOCUMENT_LATER_STATE_FIELDS],
  );
  const hashed = set.length > 0 ? [values, Object.fromEntries(set)] : values;
  const whole = JSON.stringify([hashed, pageHashes ?? null]);
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
  const fields: Array<readonly [string, unknown]> = DOCUMENT_STATE_FIELDS.map((name) => [name, row[name]] as const);
  fields.push(['tags', [...tagNames].sort()]);
  const later = Object.entries(DOCUMENT_LATER_STATE_FIELDS).map(
    ([name, unset]) => [name, row[name as keyof typeof DOCUMENT_LATER_STATE_FIELDS] ?? unset] as const,
  );
  return stateOfFields(fields, pageHashes, later);
}

export function quoteState(row: QuoteStateRow, tagNames: readonly string[]): ObjectState {
  const fields: Array<readonly [string, unknown]> = QUOTE_STATE_FIELDS.map((name) => [name, row[name]] as const);
  fields.push(['tags', [...tagNames].sort()]);
  return stateOfFields(fields);
}

export function collectionState(row: CollectionStateRow, order: readonly number[]): ObjectState {
  return stateOfFields([
    ['name', row.name],
    ['title', row.title],
    ['introduction', row.introduction],
    ['order', order],
  ]);
}

/** A fact's state: its row, the quotes it cites with their roles in order, its tags' names. */
export function factState(inputs: FactStateInputs): ObjectState {
  const fields: Array<readonly [string, unknown]> = FACT_STATE_FIELDS.map((name) => [name, inputs.row[name]] as const);
  fields.push(['quotes', inputs.quotes]);
  fields.push(['tags', [...inputs.tagNames].sort()]);
  return stateOfFields(fields);
}

/** What a document's state is computed from, its pages reduced to their hashes. */
export interface DocumentStateBasis {
  row: DocumentStateRow;
  tagNames: string[];
  pageHashes: string[];
}

/** Reads a document's basis; null when there is no such document. */
export async function readDocumentStateBasis(db: Db, id: number): Promise<DocumentStateBasis | null> {
  const inputs = await readDocumentStateInputs(db, id);
  return inputs && { row: inputs.row, tagNames: inputs.tagNames, pageHashes: inputs.pageTexts.map(pageHash) };
}

/** A document's state after a change that only added `added` to the tags its basis was read with. */
export function stateWithTagsAdded(basis: DocumentStateBasis, added: readonly string[]): ObjectState {
  return documentStateFromPageHashes(basis.row, [...basis.tagNames, ...added], basis.pageHashes);
}

async function readDocument(db: Db, id: number): Promise<ObjectState | null> {
  const inputs = await readDocumentStateInputs(db, id);
  return inputs && documentState(inputs.row, inputs.tagNames, inputs.pageTexts);
}

async function readQuote(db: Db, id: number): Promise<ObjectState | null> {
  const inputs = await readQuoteStateInputs(db, id);
  return inputs && quoteState(inputs.row, inputs.tagNames);
}

async function readCollection(db: Db, id: number): Promise<ObjectState | null> {
  const inputs = await readCollectionStateInputs(db, id);
  return inputs && collectionState(inputs.row, inputs.order);
}

async function readFact(db: Db, id: number): Promise<ObjectState | null> {
  const inputs = await readFactStateInputs(db, id);
  return inputs && factState(inputs);
}

const READERS: Record<ObjectKind, (db: Db, id: number) => Promise<ObjectState | null>> = {
  document: readDocument,
  quote: readQuote,
  collection: readCollection,
  fact: readFact,
};

export function parseObjectKey(key: string): { kind: ObjectKind; id: number } | null {
  const match = /^(document|quote|collection|fact):(\d+)$/.exec(key);
  return match ? { kind: match[1] as ObjectKind, id: Number(match[2]) } : null;
}

/** Reads the current state of each object named. */
export async function readStates(db: Db, keys: Iterable<string>): Promise<StateRecord> {
  const states: StateRecord = {};
  for (const key of new Set(keys)) {
    const parsed = parseObjectKey(key);
    if (!parsed) continue;
    states[key] = await READERS[parsed.kind](db, parsed.id);
  }
  return states;
}

/** Keys of these documents, quotes and facts, for a change that touched them all. */
export function objectKeys(items: {
  documentIds?: readonly number[];
  quoteIds?: readonly number[];
  factIds?: readonly number[];
}): ObjectKey[] {
  return [
    ...(items.documentIds ?? []).map((id) => `document:${id}` as const),
    ...(items.quoteIds ?? []).map((id) => `quote:${id}` as const),
    ...(items.factIds ?? []).map((id) => `fact:${id}` as const),
  ];
}
