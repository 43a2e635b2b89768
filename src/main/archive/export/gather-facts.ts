/**
 * A chronology export's model: the facts a filter selects, in date order, and as its items
 * the quotes they cite, in the order first cited. A cited quote that cannot be exported
 * (deleted, its document in the trash, orphaned) is left out with a warning, and a fact
 * left with no supporting quote is marked unsupported.
 */
import type { DocumentRecord } from '../../../shared/document.js';
import type { Db } from '../db/repos/db.js';
import { findDocumentsByIds } from '../db/repos/documents.js';
import { ArchiveError } from '../errors.js';
import { listFacts } from '../facts/facts.js';
import { listQuotes } from '../quotes/quotes.js';
import { leaveOutOrphans, positions, type Gathered, type GatherOptions } from './gather.js';
import { exportQuoteOf, type ExportFact } from './model.js';

export interface FactSelection {
  from?: string;
  to?: string;
  tag?: string;
}

/** The custody entry's subject for a chronology export. */
export function describeFactSelection(s: FactSelection): string {
  const parts = [s.from && `from ${s.from}`, s.to && `to ${s.to}`, s.tag && `tag ${s.tag}`].filter(Boolean);
  return `facts${parts.length ? `:${parts.join(',')}` : ''}`;
}

export async function gatherFacts(db: Db, selection: FactSelection, options: GatherOptions): Promise<Gathered> {
  const facts = await listFacts(db, selection);
  if (facts.length === 0)
    throw new ArchiveError(
      'not-found',
      `facts: none ${selection.from || selection.to || selection.tag ? 'match' : 'yet'}`,
    );
  const cited = [...new Set(facts.flatMap((f) => f.quotes.map((q) => q.quoteId)))];
  const warnings: string[] = [];
  const fetched = cited.length ? await listQuotes(db, { ids: cited }) : [];
  const found = new Set(fetched.map((q) => q.id));
  const missing = cited.filter((id) => !found.has(id));
  if (missing.length)
    warnings.push(
      `${missing.length === 1 ? 'quote' : 'quotes'} ${missing.join(', ')} left out: deleted, or the document is in the trash`,
    );
  const byId = new Map(leaveOutOrphans(fetched, warnings).map((q) => [q.id, q]));
  const quotes = cited.flatMap((id) => byId.get(id) ?? []);
  const docs = await findDocumentsByIds(db, [...new Set(quotes.map((q) => q.documentId))]);
  const places = await positions(db, quotes);
  const exported: ExportFact[] = facts.map((f) => {
    const sources = f.quotes.filter((q) => byId.has(q.quoteId)).map((q) => ({ quoteId: q.quoteId, role: q.role }));
    return {
      id: f.id,
      date: f.dateText,
      statement: f.statement,
      status: f.status,
      note: f.note,
      tags: f.tags,
      unsupported: !sources.some((s) => s.role === 'supports'),
      sources,
    };
  });
  return {
    model: {
      title: options.title?.trim() || 'Chronology',
      introduction: options.introduction ?? null,
      style: options.style,
      items: quotes.map((q) => ({
        document: docs.get(q.documentId) as DocumentRecord,
        quote: exportQuoteOf(q, places.get(q.id) ?? null),
      })),
      facts: exported,
    },
    warnings,
  };
}
