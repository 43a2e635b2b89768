/**
 * The chronology: adding, editing, deleting and restoring facts, each one transaction with
 * its custody entry (subject `fact:ID`, so the entry records the fact's state). A deleted
 * fact is kept (deleted_at) so it can be restored; its entry holds its content.
 */
import { factDaySpan, type FactDate, type FactRecord, type FactRole, type FactStatus } from '../../../shared/fact.js';
import type { Archive } from '../archive.js';
import { recordHistory } from '../custody.js';
import type { Db, Trx } from '../db/repos/db.js';
import { insertFactRow, listFactRows, replaceFactLinks, replaceFactTags, updateFactRow } from '../db/repos/facts.js';
import { quoteDeletionTimes } from '../db/repos/quotes.js';
import { ArchiveError } from '../errors.js';
import { ensureTags, tagIdsWithin } from '../tags/tags.js';
import { checkDate, checkRole, checkStatement, checkStatus, cleanNote, factRecords, getFact } from './records.js';

export { getFact };

export interface FactLinkInput {
  quoteId: number;
  role: FactRole;
}

export interface NewFact {
  /** "2020-11-13", "2020-11", "2020", "2020-11-13..2020-11-20", "~2020-11", or a FactDate. */
  date: string | FactDate;
  statement: string;
  status?: FactStatus;
  tags?: readonly string[];
  note?: string | null;
  quotes?: readonly FactLinkInput[];
}

export type FactPatch = Partial<NewFact>;

/** The cited quotes, checked: each exists, is not deleted, and is cited once. */
async function checkLinks(
  db: Db,
  links: readonly FactLinkInput[],
  keep: ReadonlySet<number>,
): Promise<FactLinkInput[]> {
  const seen = new Set<number>();
  const times = await quoteDeletionTimes(db, [...new Set(links.map((l) => l.quoteId))]);
  return links.map((l) => {
    if (seen.has(l.quoteId)) throw new ArchiveError('invalid-input', `quote ${l.quoteId}: cited twice by one fact`);
    seen.add(l.quoteId);
    const time = times.get(l.quoteId);
    if (time === undefined) throw new ArchiveError('not-found', `quote ${l.quoteId}: no such quote`);
    // A fact may keep citing a quote deleted since; a new citation needs a live quote.
    if (time !== null && !keep.has(l.quoteId))
      throw new ArchiveError('conflict', `quote ${l.quoteId}: deleted; restore it first`);
    return { quoteId: l.quoteId, role: checkRole(l.role) };
  });
}

/** What a custody entry keeps of a fact: enough to see, and restore, it whole. */
function snapshot(f: FactRecord): Record<string, unknown> {
  return {
    date: f.dateText,
    statement: f.statement,
    status: f.status,
    note: f.note,
    tags: f.tags,
    quotes: f.quotes.map((q) => ({ quoteId: q.quoteId, role: q.role })),
  };
}

/** Adds a fact with its quotes and tags, in the caller's transaction (accepting a suggestion adds its quote first). */
export async function insertFactInTransaction(
  trx: Trx,
  input: NewFact,
  historyDetails: Record<string, unknown> = {},
): Promise<FactRecord> {
  const date = checkDate(input.date);
  const statement = checkStatement(input.statement);
  const status = checkStatus(input.status ?? 'unverified');
  const note = cleanNote(input.note);
  const links = await checkLinks(trx, input.quotes ?? [], new Set());
  const now = new Date().toISOString();
  const id = await insertFactRow(trx, {
    date_from: date.from,
    date_to: date.to,
    date_about: date.about ? 1 : 0,
    statement,
    status,
    note,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  });
  await replaceFactLinks(trx, id, links);
  if (input.tags?.length) await replaceFactTags(trx, id, (await ensureTags(trx, input.tags)).ids);
  const record = await getFact(trx, id);
  await recordHistory(trx, {
    action: 'fact-create',
    subject: `fact:${id}`,
    details: { ...snapshot(record), ...historyDetails },
  });
  return record;
}

export async function createFact(archive: Archive, input: NewFact): Promise<FactRecord> {
  return archive.db.transaction().execute((trx) => insertFactInTransaction(trx, input));
}

/** Changes a fact's date, statement, status, note, tags or quotes (each replaces what it had). */
export async function updateFact(archive: Archive, id: number, patch: FactPatch): Promise<FactRecord> {
  return archive.db.transaction().execute(async (trx) => {
    const before = await getFact(trx, id);
    if (before.deletedAt !== null) throw new ArchiveError('conflict', `fact ${id}: deleted; restore it first`);
    const set: Parameters<typeof updateFactRow>[2] = {};
    if (patch.date !== undefined) {
      const date = checkDate(patch.date);
      Object.assign(set, { date_from: date.from, date_to: date.to, date_about: date.about ? 1 : 0 });
    }
    if (patch.statement !== undefined) set.statement = checkStatement(patch.statement);
    if (patch.status !== undefined) set.status = checkStatus(patch.status);
    if (patch.note !== undefined) set.note = cleanNote(patch.note);
    if (patch.quotes !== undefined) {
      const kept = new Set(before.quotes.map((q) => q.quoteId));
      await replaceFactLinks(trx, id, await checkLinks(trx, patch.quotes, kept));
    }
    if (patch.tags !== undefined) await replaceFactTags(trx, id, (await ensureTags(trx, patch.tags)).ids);
    if (Object.keys(set).length > 0) await updateFactRow(trx, id, set);
    const after = await getFact(trx, id);
    const was = snapshot(before);
    const now = snapshot(after);
    const changes = Object.fromEntries(
      Object.keys(now)
        .filter((k) => JSON.stringify(was[k]) !== JSON.stringify(now[k]))
        .map((k) => [k, { from: was[k], to: now[k] }]),
    );
    // Nothing changed: no entry (links or tags rewritten as they were leave the same state).
    if (Object.keys(changes).length === 0) return before;
    await updateFactRow(trx, id, { updated_at: new Date().toISOString() });
    await recordHistory(trx, { action: 'fact-edit', subject: `fact:${id}`, details: { changes } });
    return getFact(trx, id);
  });
}

/** Deletes a fact; kept aside (and in its custody entry) so restoreFact can undo it. */
export async function deleteFact(archive: Archive, id: number): Promise<FactRecord> {
  return archive.db.transaction().execute(async (trx) => {
    const fact = await getFact(trx, id);
    if (fact.deletedAt !== null) throw new ArchiveError('conflict', `fact ${id}: already deleted`);
    await updateFactRow(trx, id, { deleted_at: new Date().toISOString() });
    await recordHistory(trx, { action: 'fact-delete', subject: `fact:${id}`, details: snapshot(fact) });
    return getFact(trx, id);
  });
}

/** Brings a deleted fact back, as it was. */
export async function restoreFact(archive: Archive, id: number): Promise<FactRecord> {
  return archive.db.transaction().execute(async (trx) => {
    const fact = await getFact(trx, id);
    if (fact.deletedAt === null) throw new ArchiveError('conflict', `fact ${id}: not deleted`);
    await updateFactRow(trx, id, { deleted_at: null });
    await recordHistory(trx, { action: 'fact-restore', subject: `fact:${id}`, details: { statement: fact.statement } });
    return getFact(trx, id);
  });
}

export interface FactListOptions {
  /** Facts whose date reaches into [from, to] (partial ISO dates, inclusive). */
  from?: string;
  to?: string;
  /** A tag with its children. */
  tag?: string;
  status?: FactStatus;
  /** Only facts citing a quote of this document. */
  documentId?: number;
  /** The deleted facts instead. */
  deleted?: boolean;
  /** Only these facts. */
  ids?: readonly number[];
}

/** Facts in timeline order (by date, then as added), filtered. */
export async function listFacts(db: Db, options: FactListOptions = {}): Promise<FactRecord[]> {
  const tagIds = options.tag !== undefined ? await tagIdsWithin(db, options.tag) : undefined;
  const rows = await listFactRows(db, { deleted: options.deleted ?? false, ...(tagIds ? { tagIds } : {}) });
  const from = options.from !== undefined ? factDaySpan(checkDate(options.from)).first : null;
  const to = options.to !== undefined ? factDaySpan(checkDate(options.to)).last : null;
  const ids = options.ids ? new Set(options.ids) : null;
  const kept = rows.filter((row) => {
    if (ids && !ids.has(row.id)) return false;
    if (options.status !== undefined && row.status !== options.status) return false;
    const span = factDaySpan({ from: row.date_from, to: row.date_to, about: false });
    return (from === null || span.last >= from) && (to === null || span.first <= to);
  });
  const records = await factRecords(db, kept);
  return options.documentId === undefined
    ? records
    : records.filter((f) => f.quotes.some((q) => q.documentId === options.documentId));
}
