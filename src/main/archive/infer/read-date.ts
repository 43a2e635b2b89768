/**
 * A date as written to a partial ISO date at the precision written. chrono-node parses;
 * what counts is only a date that states its year. Numeric dates are month first (the US
 * order of the releases this reads), including the "4 19 2007" left by scrapers that
 * strip punctuation.
 */
import * as chrono from 'chrono-node';
import { isPartialDate } from '../../../shared/document.js';

export interface FoundDate {
  value: string;
  /** Offset of the date in the text searched, and its length. */
  index: number;
  length: number;
}

/** A fixed reference so that nothing depends on today's date. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));
const NUMERIC = /(?<![\d.])(0?[1-9]|1[0-2])[ /.-](0?[1-9]|[12]\d|3[01])[ /.-]((?:19|20)\d\d)(?!\d)/g;

function iso(year: number, month?: number, day?: number): string | null {
  if (year < 1800 || year > 2100) return null;
  const y = String(year);
  if (month === undefined) return y;
  const ym = `${y}-${String(month).padStart(2, '0')}`;
  if (day === undefined) return isPartialDate(ym) ? ym : null;
  const ymd = `${ym}-${String(day).padStart(2, '0')}`;
  return isPartialDate(ymd) ? ymd : null;
}

/** Every date in `text` that states its year, in order. */
export function datesIn(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const result of chrono.en.parse(text, REFERENCE)) {
    const start = result.start;
    if (!start.isCertain('year') || !start.isCertain('month')) continue;
    const value = iso(
      start.get('year') ?? 0,
      start.get('month') ?? undefined,
      start.isCertain('day') ? (start.get('day') ?? undefined) : undefined,
    );
    // "today" (read against the reference), "2007" alone or a time of day is not a document's date.
    if (value && /\d{4}/.test(result.text) && /[A-Za-z]|\d[-/]\d/.test(result.text))
      found.push({ value, index: result.index, length: result.text.length });
  }
  for (const match of text.matchAll(NUMERIC)) {
    if (found.some((f) => match.index < f.index + f.length && f.index < match.index + match[0].length)) continue;
    const value = iso(Number(match[3]), Number(match[1]), Number(match[2]));
    if (value) found.push({ value, index: match.index, length: match[0].length });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A whole string that is a date ("2016-07-29T16:42:34-04:00", "Mon, 23 Nov 2020 …"). */
export function dateOf(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  return datesIn(text.slice(0, 200))[0]?.value ?? null;
}
