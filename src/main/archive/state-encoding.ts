/**
 * How a history entry stores the states it records (`history.state`): a JSON object by
 * object key whose values are compact strings `H.FFFF….PPPP…` — the 64-hex SHA-256, then
 * each field's 8-hex fingerprint in the kind's fixed field order, then (documents) each
 * page's. Field names are not stored: the order names them. A state a third the size of a
 * keyed object keeps imports fast and archives small.
 *
 * Entries written before this encoding hold keyed objects `{ h, f, p? }` with 16-hex
 * fingerprints; they are read as they are, and fingerprints are compared on the shorter
 * length (differingFields in state-check.ts), so old and new states still compare.
 */
import { STATE_FIELDS, FINGERPRINT_LENGTH, parseObjectKey, type ObjectState, type StateRecord } from './state-hash.js';

const HASH = /^[0-9a-f]{64}$/;

function encodeState(kind: keyof typeof STATE_FIELDS, state: ObjectState): string {
  const fields = STATE_FIELDS[kind].map((name) => state.f[name] ?? '').join('');
  return state.p ? `${state.h}.${fields}.${state.p.join('')}` : `${state.h}.${fields}`;
}

/** The `history.state` text for these states. */
export function encodeStateRecord(record: StateRecord): string {
  const stored: Record<string, string | null> = {};
  for (const [key, state] of Object.entries(record)) {
    const parsed = parseObjectKey(key);
    if (!parsed) throw new Error(`cannot record the state of ${key}: not an object key`);
    stored[key] = state === null ? null : encodeState(parsed.kind, state);
  }
  return JSON.stringify(stored);
}

const chunks = (text: string): string[] =>
  Array.from({ length: Math.floor(text.length / FINGERPRINT_LENGTH) }, (_, i) =>
    text.slice(i * FINGERPRINT_LENGTH, (i + 1) * FINGERPRINT_LENGTH),
  );

function decodeState(kind: keyof typeof STATE_FIELDS, text: string): ObjectState | undefined {
  const [h, fields, pages] = text.split('.');
  if (h === undefined || !HASH.test(h) || fields === undefined) return undefined;
  const names = STATE_FIELDS[kind];
  const f: Record<string, string> = {};
  chunks(fields).forEach((fingerprint, i) => {
    const name = names[i];
    if (name !== undefined) f[name] = fingerprint;
  });
  return pages === undefined ? { h, f } : { h, f, p: chunks(pages) };
}

function isKeyedState(value: unknown): value is ObjectState {
  if (typeof value !== 'object' || value === null) return false;
  const { h, f } = value as { h?: unknown; f?: unknown };
  return typeof h === 'string' && typeof f === 'object' && f !== null;
}

/**
 * The states a `history.state` text records, by key; either encoding. Throws on text that
 * is not JSON; a value it cannot read is left out (an altered entry is reported by the
 * chain check).
 */
export function decodeStateRecord(text: string): StateRecord {
  const stored = JSON.parse(text) as Record<string, unknown>;
  const record: StateRecord = {};
  for (const [key, value] of Object.entries(stored)) {
    const parsed = parseObjectKey(key);
    if (!parsed) continue;
    if (value === null) record[key] = null;
    else if (typeof value === 'string') {
      const state = decodeState(parsed.kind, value);
      if (state) record[key] = state;
    } else if (isKeyedState(value)) record[key] = value;
  }
  return record;
}
