/**
 * Dates as documents write them (`2016-07-25T14:03:00-04:00`, `Tue, 19 Jun 2001 01:16:04
 * +0800`, `July 25, 2016`) to a partial ISO date, keeping the day the author wrote rather
 * than converting to UTC, and only as precise as the source.
 */
import { isPartialDate } from '../../../shared/document.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function build(year: string, month?: string | number, day?: string | number): string | undefined {
  const y = Number(year);
  if (!Number.isInteger(y) || y < 1000 || y > 2999) return undefined;
  if (month === undefined) return String(y);
  const mm = String(month).padStart(2, '0');
  if (day === undefined) return isPartialDate(`${y}-${mm}`) ? `${y}-${mm}` : String(y);
  const iso = `${y}-${mm}-${String(day).padStart(2, '0')}`;
  // The Unix epoch is what broken software writes when it knows no date.
  if (iso === '1970-01-01') return undefined;
  if (isPartialDate(iso)) return iso;
  return isPartialDate(`${y}-${mm}`) ? `${y}-${mm}` : String(y);
}

function month(name: string): number | undefined {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : i + 1;
}

/** The partial ISO date a free-form date string states, or undefined. */
export function partialDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const s = value.trim().slice(0, 200);
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?=$|[T\s+Z]|\.\d)/.exec(s);
  if (m?.[1]) return build(m[1], m[2], m[3]);
  m = /^(\d{4})(\d{2})(\d{2})(?!\d)/.exec(s);
  if (m?.[1]) return build(m[1], m[2], m[3]);
  // RFC 5322 and friends: "Tue, 19 Jun 2001 ...", "19 June 2001".
  m = /(?:^|[\s,])(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{4}|\d{2})(?!\d)/.exec(s);
  if (m?.[1] && m[2] && m[3]) {
    const mo = month(m[2]);
    if (mo) return build(m[3].length === 2 ? twoDigitYear(m[3]) : m[3], mo, m[1]);
  }
  // "July 25, 2016", "Jul 25 2016".
  m = /(?:^|[\s,])([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/.exec(s);
  if (m?.[1] && m[2] && m[3]) {
    const mo = month(m[1]);
    if (mo) return build(m[3], mo, m[2]);
  }
  // "July 2016".
  m = /^([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(s);
  if (m?.[1] && m[2]) {
    const mo = month(m[1]);
    if (mo) return build(m[2], mo);
  }
  return undefined;
}

/** RFC 2822 obsolete two-digit years: 00-49 are 2000s, 50-99 are 1900s. */
function twoDigitYear(yy: string): string {
  const n = Number(yy);
  return String(n < 50 ? 2000 + n : 1900 + n);
}
