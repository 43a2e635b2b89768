/**
 * A Chinese or Japanese date on a document's face: "2016年10月14日07:17" under a headline,
 * "2018 年 04 月" on a report's cover. chrono reads no CJK dates here, and the English rules
 * never see one. Taken only where the date ends a short line (a time may follow it): a
 * date inside a sentence of the body ("2018年4月起…") is an event's, not the document's.
 */
import { linesOf, sourceAt } from './page-text.js';
import { faceText, finding, type Finding, type InferInput } from './types.js';

const CJK_DATE = /(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?/u;
/** What may follow the date on its line: nothing, or a time. */
const AFTER = /^\s*(?:\d{1,2}[:：]\d\d(?:[:：]\d\d)?)?\s*$/u;
/** A line this short is a date line or a byline with its date, not a sentence. */
const SHORT_LINE = 40;

export function cjkDateLine(input: InferInput): Finding[] {
  const text = faceText(input);
  const found: { value: string; start: number; end: number }[] = [];
  for (const line of linesOf(text, 120)) {
    if (line.text.length > SHORT_LINE) continue;
    const m = CJK_DATE.exec(line.text);
    if (!m?.[1] || !m[2] || !AFTER.test(line.text.slice(m.index + m[0].length))) continue;
    const month = Number(m[2]);
    const day = m[3] ? Number(m[3]) : null;
    if (month < 1 || month > 12 || (day !== null && (day < 1 || day > 31))) continue;
    const pad = (n: number) => String(n).padStart(2, '0');
    const value = `${m[1]}-${pad(month)}${day === null ? '' : `-${pad(day)}`}`;
    found.push({ value, start: line.start + m.index, end: line.start + m.index + m[0].length });
  }
  const first = found[0];
  if (!first) return [];
  // Applied when every such line agrees; a choice between different dates is only offered.
  const agreed = found.every((d) => d.value === first.value);
  return [
    finding('date', first.value, agreed ? 0.78 : 0.6, 'cjk-date-line', sourceAt(text, 1, first.start, first.end)),
  ];
}
