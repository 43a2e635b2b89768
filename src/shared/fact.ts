/**
 * Facts of the chronology as the core, the CLI, IPC and the renderer see them, and the
 * one reading of a fact's date ("2020", "2020-11", "2020-11-13", ranges "A..B", "~" for
 * "about"), so every boundary accepts the same text.
 */

export const FACT_STATUSES = ['undisputed', 'disputed', 'unverified'] as const;
export type FactStatus = (typeof FACT_STATUSES)[number];

export const FACT_ROLES = ['supports', 'contradicts'] as const;
export type FactRole = (typeof FACT_ROLES)[number];

/** Longest statement, in characters: a fact is a short sentence in the user's words. */
export const MAX_STATEMENT = 2000;

/**
 * A fact's date: `from` and (for a range) `to` are partial ISO dates ("2020", "2020-11",
 * "2020-11-13"), their length the precision; `about` marks an approximate date.
 */
export interface FactDate {
  from: string;
  to: string | null;
  about: boolean;
}

/** A quote a fact cites, with what the reader needs to find it (its pinpoint). */
export interface FactQuoteLink {
  quoteId: number;
  role: FactRole;
  documentId: number;
  page: number;
  pageEnd: number;
  /** The printed page label(s), as in the quote's record. */
  pageLabel: string;
  text: string;
  /** Set while the cited quote is deleted (it can still be restored). */
  quoteDeleted: boolean;
}

export interface FactRecord {
  id: number;
  date: FactDate;
  /** The date as typed back: "2020-11-13", "~2020-11", "2020-11-13..2020-11-20". */
  dateText: string;
  statement: string;
  status: FactStatus;
  tags: string[];
  note: string | null;
  quotes: FactQuoteLink[];
  /** No live quote supports it. */
  unsupported: boolean;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** A sentence of the archive that carries a date, offered as a candidate fact. */
export interface FactSuggestion {
  documentId: number;
  documentTitle: string;
  /** Physical page and offsets of the sentence in that page's text. */
  page: number;
  start: number;
  end: number;
  sentence: string;
  /** The date read from the sentence, as fact date text ("2020-11-13"). */
  date: string;
  /** The words the date was read from. */
  dateWords: string;
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A reason when `text` is no real partial date, else null. */
function partialDateProblem(text: string): string | null {
  const m = PARTIAL.exec(text);
  if (!m) return `"${text}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`;
  const year = Number(m[1]);
  if (year < 1000) return `"${text}": year ${m[1]} is out of range`;
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return `"${text}": there is no month ${m[2]}`;
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      if (day < 1 || day > daysIn(year, month)) return `"${text}": there is no day ${m[3]} in that month`;
    }
  }
  return null;
}

/** The first and last day a partial date covers, as YYYY-MM-DD. */
export function dayBounds(partial: string): { first: string; last: string } {
  const [y, m, d] = partial.split('-');
  if (d !== undefined) return { first: partial, last: partial };
  if (m !== undefined) {
    const last = String(daysIn(Number(y), Number(m))).padStart(2, '0');
    return { first: `${y}-${m}-01`, last: `${y}-${m}-${last}` };
  }
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}

/** Reads a fact date; `{ error }` names what is wrong in one line (the caller names the field). */
export function parseFactDate(raw: string): FactDate | { error: string } {
  const text = raw.trim();
  const about = text.startsWith('~');
  const body = about ? text.slice(1).trim() : text;
  const [from, to, extra] = body.split('..').map((part) => part.trim());
  if (from === undefined || from === '' || extra !== undefined || to === '') {
    return {
      error: `"${raw}" is not a date: give YYYY, YYYY-MM, YYYY-MM-DD, a range A..B, or ~ before it for "about"`,
    };
  }
  for (const part of to === undefined ? [from] : [from, to]) {
    const problem = partialDateProblem(part);
    if (problem) return { error: problem };
  }
  if (to !== undefined && dayBounds(to).last < dayBounds(from).first) {
    return { error: `"${raw}": the range ends (${to}) before it starts (${from})` };
  }
  return { from, to: to === undefined || to === from ? null : to, about };
}

/** A fact date as typed: the inverse of parseFactDate. */
export function formatFactDate(date: FactDate): string {
  return `${date.about ? '~' : ''}${date.from}${date.to ? `..${date.to}` : ''}`;
}

/** The days a fact's date covers, for filters: a range from its first day to its last. */
export function factDaySpan(date: FactDate): { first: string; last: string } {
  return { first: dayBounds(date.from).first, last: dayBounds(date.to ?? date.from).last };
}
