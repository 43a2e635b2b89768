/**
 * The chronology's calls (issue 17), spread into CALLS in contract.ts: listing, reading,
 * adding, editing, deleting and restoring facts, and the suggested facts with their
 * acceptance (the sentence saved as a quote and the fact citing it, in one transaction).
 * Dates are checked here with the same reading the core and the CLI use. Pure: zod and src/shared.
 */
import { z } from 'zod';
import type { CallSpec } from './contract.js';
import {
  FACT_ROLES,
  FACT_STATUSES,
  MAX_STATEMENT,
  parseFactDate,
  type FactRecord,
  type FactSuggestion,
} from './fact.js';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const offset = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** A fact date as typed ("2020-11-13", "~2020-11", "2020-11-13..2020-11-20"), checked. */
const factDate = z
  .string()
  .max(40)
  .superRefine((value, ctx) => {
    const parsed = parseFactDate(value);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
  });
const statement = z.string().min(1).max(MAX_STATEMENT);
const status = z.enum(FACT_STATUSES);
const tags = z.array(z.string().min(1).max(200)).max(100);
const note = z.string().max(100_000).nullable();
const links = z.array(z.strictObject({ quoteId: id, role: z.enum(FACT_ROLES) })).max(1000);

function call<O>() {
  return <I extends z.ZodType>(input: I): CallSpec<I, O, false, false> => ({ input, shell: false, job: false });
}

export const FACT_CALLS = {
  /** Facts in date order, filtered by date range (overlap), tag with its children, status, document. */
  'facts.list': call<FactRecord[]>()(
    z.strictObject({
      from: factDate.optional(),
      to: factDate.optional(),
      tag: z.string().min(1).max(200).optional(),
      status: status.optional(),
      documentId: id.optional(),
      deleted: z.boolean().optional(),
    }),
  ),
  'facts.get': call<FactRecord>()(z.strictObject({ id })),
  'facts.create': call<FactRecord>()(
    z.strictObject({
      date: factDate,
      statement,
      status: status.optional(),
      tags: tags.optional(),
      note: note.optional(),
      quotes: links.optional(),
    }),
  ),
  /** Each field given replaces what the fact had (quotes and tags as whole lists). */
  'facts.update': call<FactRecord>()(
    z.strictObject({
      id,
      patch: z.strictObject({
        date: factDate.optional(),
        statement: statement.optional(),
        status: status.optional(),
        tags: tags.optional(),
        note: note.optional(),
        quotes: links.optional(),
      }),
    }),
  ),
  'facts.delete': call<FactRecord>()(z.strictObject({ id })),
  'facts.restore': call<FactRecord>()(z.strictObject({ id })),
  /** Sentences that carry a date, from one document or all. */
  'facts.suggest': call<FactSuggestion[]>()(z.strictObject({ documentId: id.optional() })),
  /** Saves a suggestion's sentence as a quote and the fact citing it, in one transaction. */
  'facts.accept': call<FactRecord>()(
    z.strictObject({
      documentId: id,
      page: id,
      start: offset,
      end: offset,
      date: factDate,
      statement: statement.optional(),
      status: status.optional(),
      tags: tags.optional(),
      note: note.optional(),
    }),
  ),
} as const;
