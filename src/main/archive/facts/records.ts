/**
 * Facts as records: rows with their cited quotes (and those quotes' pinpoints) and tags,
 * and the checks every fact's fields go through before they are stored, so the core
 * refuses what the CLI and IPC schemas refuse, in the same words.
 */
import {
  FACT_ROLES,
  FACT_STATUSES,
  formatFactDate,
  MAX_STATEMENT,
  parseFactDate,
  type FactDate,
  type FactRecord,
  type FactRole,
  type FactStatus,
} from '../../../shared/fact.js';
import { pageRangeLabel } from '../../../shared/page-label.js';
import { cleanMultilineText } from '../clean-text.js';
import type { Db } from '../db/repos/db.js';
import { pageLabellingOf } from '../db/repos/documents.js';
import { factLinkRows, factTagNames, findFactRow, type FactRow } from '../db/repos/facts.js';
import { ArchiveError } from '../errors.js';
import { cleanNote } from '../quotes/quotes.js';

export { cleanNote };

/** Rows to records, with their quotes (in order) and tags. */
export async function factRecords(db: Db, rows: readonly FactRow[]): Promise<FactRecord[]> {
  const ids = rows.map((r) => r.id);
  const links = await factLinkRows(db, ids);
  const tags = await factTagNames(db, ids);
  const labels = await pageLabellingOf(db, [...new Set(links.map((l) => l.document_id))]);
  const byFact = new Map<number, FactRecord['quotes']>();
  for (const l of links) {
    const labelling = labels.get(l.document_id) ?? { pageLabels: null, pageLabelOffset: 0 };
    byFact.set(l.fact_id, [
      ...(byFact.get(l.fact_id) ?? []),
      {
        quoteId: l.quote_id,
        role: l.role,
        documentId: l.document_id,
        page: l.page,
        pageEnd: l.page_end,
        pageLabel: pageRangeLabel(labelling, l.page, l.page_end),
        text: l.text,
        quoteDeleted: l.quote_deleted_at !== null,
      },
    ]);
  }
  return rows.map((row) => {
    const date: FactDate = { from: row.date_from, to: row.date_to, about: row.date_about === 1 };
    const quotes = byFact.get(row.id) ?? [];
    return {
      id: row.id,
      date,
      dateText: formatFactDate(date),
      statement: row.statement,
      status: row.status,
      tags: tags.get(row.id) ?? [],
      note: row.note,
      quotes,
      unsupported: !quotes.some((q) => q.role === 'supports' && !q.quoteDeleted),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
    };
  });
}

/** A fact (deleted ones too: see deletedAt); throws not-found. */
export async function getFact(db: Db, id: number): Promise<FactRecord> {
  const row = await findFactRow(db, id);
  const [record] = row ? await factRecords(db, [row]) : [];
  if (!record) throw new ArchiveError('not-found', `fact ${id}: no such fact`);
  return record;
}

/** A date given as text or already read; throws invalid-input naming the field. */
export function checkDate(date: string | FactDate): FactDate {
  const parsed = parseFactDate(typeof date === 'string' ? date : formatFactDate(date));
  if ('error' in parsed) throw new ArchiveError('invalid-input', `date: ${parsed.error}`);
  return parsed;
}

/** A statement as stored: line ends unified, control characters dropped, trimmed; never empty. */
export function checkStatement(raw: string): string {
  const clean = cleanMultilineText(raw);
  if (clean === '') throw new ArchiveError('invalid-input', 'text: the fact’s statement is empty');
  if (clean.length > MAX_STATEMENT)
    throw new ArchiveError('invalid-input', `text: longer than ${MAX_STATEMENT} characters; keep a fact short`);
  return clean;
}

export function checkStatus(raw: string): FactStatus {
  if (!(FACT_STATUSES as readonly string[]).includes(raw))
    throw new ArchiveError('invalid-input', `status: "${raw}" is not one of ${FACT_STATUSES.join(', ')}`);
  return raw as FactStatus;
}

export function checkRole(raw: string): FactRole {
  if (!(FACT_ROLES as readonly string[]).includes(raw))
    throw new ArchiveError('invalid-input', `role: "${raw}" is not one of ${FACT_ROLES.join(', ')}`);
  return raw as FactRole;
}
