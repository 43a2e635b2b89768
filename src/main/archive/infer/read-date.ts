/**
 * A date as written to a partial ISO date at the precision written. chrono-node parses;
 * what counts is only a date that states its year. Numeric dates are month first (the US
 * order of the releases this reads), including the "4 19 2007" left by scrapers that
 * strip punctuation.
 */
import * as chrono from 'chrono-node';
import { isPartialDate } from '../../../shared/document.js';
import { FOREIGN_MONTH, foreignMonthYears, foreignParse } from './foreign-dates.js';

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

/**
 * "December 1998", "Sept. 2007": a month and year without a day, which chrono's strict
 * parsers (used for speed: its casual ones run many patterns for "today" and "in 3 days")
 * do not read.
 */
const MONTH_YEAR =
  /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?[ \t]{1,3}((?:18|19|20)\d\d)(?![\d-])/gi;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A month named (any of its abbreviations) or written in digits beside a separator. */
const MONTH_OR_DIGITS = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d[-/.]\d/i;

/** A year as dates write it: what every date this reads must state. */
const YEAR = /(?<!\d)(?:1[89]|20)\d\d(?!\d)/g;
/** How far before its year a date may start ("Wednesday, September 21st, 2005") and end after it ("2007-03-01"). */
const BEFORE_YEAR = 48;
const AFTER_YEAR = 10;

/**
 * The stretches of `text` around its years, merged, each starting at a word's start. chrono
 * runs some forty patterns over whatever it is given; given only these stretches it reads
 * the same dates at a fraction of the cost (most of a page has no year in it).
 */
export function yearWindows(text: string): [number, number][] {
  const windows: [number, number][] = [];
  for (const m of text.matchAll(YEAR)) {
    let start = Math.max(0, m.index - BEFORE_YEAR);
    for (let back = 0; back < 20 && start > 0 && /\S/.test(text[start - 1] ?? ''); back++) start--;
    const end = Math.min(text.length, m.index + 4 + AFTER_YEAR);
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) last[1] = end;
    else windows.push([start, end]);
  }
  return windows;
}

/** Between stretches given to chrono together: a paragraph break, which no date crosses. */
const SEPARATOR = '\n\n';

/**
 * chrono's English results for the stretches, read in one call (each call's fixed cost is
 * most of the cost of a short stretch), each placed at its offset in `text`. A result that
 * runs across a line break (or a separator) is read again line by line.
 */
function parseStretches(text: string, stretches: [number, number][]): { result: chrono.ParsedResult; index: number }[] {
  if (stretches.length === 0) return [];
  const starts: number[] = [];
  let joined = '';
  for (const [from, to] of stretches) {
    if (joined) joined += SEPARATOR;
    starts.push(joined.length);
    joined += text.slice(from, to);
  }
  const place = (at: number) => {
    let k = starts.length - 1;
    while (k > 0 && (starts[k] ?? 0) > at) k--;
    return (stretches[k]?.[0] ?? 0) + at - (starts[k] ?? 0);
  };
  return chrono.en.strict.parse(joined, REFERENCE).flatMap((result) => {
    if (!result.text.includes('\n')) return [{ result, index: place(result.index) }];
    // Across a line break or a separator: each line of it is read alone.
    const out: { result: chrono.ParsedResult; index: number }[] = [];
    let at = result.index;
    for (const line of result.text.split('\n')) {
      if (line.trim())
        for (const r of chrono.en.strict.parse(line, REFERENCE)) out.push({ result: r, index: place(at + r.index) });
      at += line.length + 1;
    }
    return out;
  });
}

/** Every date in `text` that states its year, in order. */
export function datesIn(text: string, wanted?: (from: number, to: number) => boolean): FoundDate[] {
  const found: FoundDate[] = [];
  const windows = wanted ? yearWindows(text).filter(([from, to]) => wanted(from, to)) : yearWindows(text);
  // chrono's strict parsers read a date only with its month, named or in digits: a stretch
  // with neither ("in 2005 the Act", "S 2464") is not given to them.
  const read = windows.filter(([from, to]) => {
    const stretch = text.slice(from, to);
    return MONTH_OR_DIGITS.test(stretch) || FOREIGN_MONTH.test(stretch);
  });
  const results = parseStretches(text, read);
  // A stretch naming a month of another language chrono reads is read in that language
  // where English finds nothing in it ("28 mars 2012").
  for (const [from, to] of read) {
    const stretch = text.slice(from, to);
    if (!FOREIGN_MONTH.test(stretch) || results.some((r) => r.index >= from && r.index < to)) continue;
    for (const result of foreignParse(stretch, REFERENCE)) results.push({ result, index: from + result.index });
  }
  for (const { result, index } of results) {
    // A date does not run across a line break: "2026\nJanuary" is a list of years and
    // months, "Sun\nMarch 13, 2015" a site's name then a date (parseStretches read such lines alone).
    if (result.text.includes('\n')) continue;
    const start = result.start;
    if (!start.isCertain('year') || !start.isCertain('month')) continue;
    const value = iso(
      start.get('year') ?? 0,
      start.get('month') ?? undefined,
      start.isCertain('day') ? (start.get('day') ?? undefined) : undefined,
    );
    // "today" (read against the reference), "2007" alone or a time of day is not a document's date.
    if (value && /\d{4}/.test(result.text) && /[A-Za-z]|\d[-/]\d/.test(result.text))
      found.push({ value, index, length: result.text.length });
  }
  const overlaps = (m: RegExpExecArray) =>
    found.some((f) => m.index < f.index + f.length && f.index < m.index + m[0].length);
  for (const match of text.matchAll(NUMERIC)) {
    if (overlaps(match)) continue;
    const value = iso(Number(match[3]), Number(match[1]), Number(match[2]));
    if (value) found.push({ value, index: match.index, length: match[0].length });
  }
  for (const [from, to] of windows)
    for (const match of text.slice(from, to).matchAll(MONTH_YEAR)) {
      match.index += from;
      const month = MONTHS.indexOf((match[1] ?? '').slice(0, 3).toLowerCase()) + 1;
      const value = overlaps(match) ? null : iso(Number(match[2]), month);
      if (value) found.push({ value, index: match.index, length: match[0].length });
    }
  for (const [from, to] of windows)
    for (const my of foreignMonthYears(text.slice(from, to))) {
      const at = from + my.index;
      const value = found.some((f) => at < f.index + f.length && f.index < at + my.length)
        ? null
        : iso(my.year, my.month);
      if (value) found.push({ value, index: at, length: my.length });
    }
  return found.sort((a, b) => a.index - b.index);
}

/** A whole string that is a date ("2016-07-29T16:42:34-04:00", "Mon, 23 Nov 2020 …"). */
export function dateOf(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  return datesIn(text.slice(0, 200))[0]?.value ?? null;
}
