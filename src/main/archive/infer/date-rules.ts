/**
 * Where a document's own date stands: a memo's "Date:" line, the release line, a line
 * that is only a date near the top, a byline or dateline, the date line of a letter, an
 * email's Date header, a page's published time. A date inside a sentence of the body
 * ("on November 13, the department…") is never the document's date.
 */
import { cjkDateLine } from './cjk-dates.js';
import { datesBetween, faceOf } from './face-cache.js';
import { lineStartBefore } from './head.js';
import { isListing } from './listing.js';
import { linesOf, sourceAt } from './page-text.js';
import { isOtherDate, OWN_DATE_LABEL } from './date-labels.js';
import { isTabularLine } from './tabular.js';
import { dateOf, datesIn } from './read-date.js';
import { faceText, finding, type Finding, type InferInput } from './types.js';

/** Words after which a date is an event's, not the document's: "founded on", "born", "since". */
const EVENT =
  /\b(founded|established|born|died|since|launched|created|enacted|signed|passed)\b(?:[^.\n]{0,20}|:?\s*)$/i;
/** Words after which a date belongs to a sentence, not to the document. */
const IN_SENTENCE =
  /\b(on|in|since|by|until|till|of|from|to|before|after|this|last|next|through|between|and|dated|as of|effective|until|deadline)\s*[,:]?\s*((mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$/i;

function labelledLine(input: InferInput): Finding[] {
  const text = faceText(input);
  for (const line of linesOf(text, 60)) {
    const m = /^\s*(date|dated)\s*:\s*/i.exec(line.text);
    if (!m) continue;
    const rest = line.text.slice(m[0].length);
    const date = datesIn(rest)[0];
    if (date && date.index < 4) {
      const at = line.start + m[0].length + date.index;
      return [finding('date', date.value, 0.95, 'memo-date-line', sourceAt(text, 1, at, at + date.length))];
    }
  }
  return [];
}

const RELEASE_LINE = /(for immediate release|news release|press release|embargoed until)[\s:–—-]*/;

/** A line opening on a label of the document's own date: "In force from 28 March 2012", "Effective date: 1 July 2020". */
function ownDateLabel(input: InferInput): Finding[] {
  const text = faceOf(input).text;
  for (const line of linesOf(text, 40)) {
    const m = OWN_DATE_LABEL.exec(line.text);
    if (!m) continue;
    const date = datesIn(line.text.slice(m[0].length, m[0].length + 60))[0];
    if (date && date.index < 4) {
      const at = line.start + m[0].length + date.index;
      return [finding('date', date.value, 0.85, 'own-date-label', sourceAt(text, 1, at, at + date.length))];
    }
  }
  return [];
}

function releaseLine(input: InferInput): Finding[] {
  const face = faceOf(input);
  // The lower-cased top, shared: a case-blind alternation over the page costs more.
  const m = RELEASE_LINE.exec(face.lowerTop?.slice(0, 3000) ?? face.text.slice(0, 3000).toLowerCase());
  if (!m) return [];
  const after = m.index + m[0].length;
  const date = datesBetween(face, after, after + 60).find((d) => d.index < after + 25);
  if (!date) return [];
  return [
    finding(
      'date',
      date.value,
      0.95,
      'release-date-line',
      sourceAt(face.text, 1, date.index, date.index + date.length),
    ),
  ];
}

/** The letter's date line: a date on its own line (or sentence) shortly before "Dear …". */
function letterDateLine(input: InferInput): Finding[] {
  const text = faceText(input).slice(0, 8000);
  // Most pages greet no one: the pattern runs only where "Dear" is written.
  const dear = text.includes('Dear') ? /(^|\n|\s)Dear\s+[A-Z]/.exec(text) : null;
  if (!dear) return [];
  const before = text.slice(Math.max(0, dear.index - 400), dear.index);
  const offset = Math.max(0, dear.index - 400);
  const candidates = datesIn(before).filter((d) => {
    const lead = before.slice(0, d.index);
    return /(^|\n|[.:]\s+)\s*$/.test(lead) && d.value.length === 10;
  });
  const date = candidates[candidates.length - 1];
  if (!date) return [];
  const at = offset + date.index;
  return [finding('date', date.value, 0.85, 'letter-date-line', sourceAt(text, 1, at, at + date.length))];
}

const ROW_REACH = 100;
/** Whether the line holding `index` (runs of spaces end lines too) is a row of a table: its dates are cells. */
function inTableRow(text: string, index: number): boolean {
  // Within a row's reach of the date: a scraped page may run a whole paragraph on one line.
  const rest = text.slice(index, index + ROW_REACH).search(/\n|\s{3,}/);
  const start = Math.max(lineStartBefore(text, index), index - ROW_REACH);
  return isTabularLine(text.slice(start, rest < 0 ? index + ROW_REACH : index + rest));
}

/** What follows a period's first day: "Through 7/16/2017", "to June 30, 2020", "– 14 March". */
const PERIOD_NEXT = /^\s*(?:through|thru|to|until|till|[–—-])\s*(?:\d|[A-Z][a-z]{2})/i;

/** A volume, a reporter and a page before the date: "36 FR 7801, Apr. 24, 1971", "120 Stat. 2083, Oct. 4, 2006". */
const CITATION_BEFORE = /\b\d+\s+(?:FR|F\.R\.|Fed\.\s?Reg\.|Stat\.|U\.S\.C\.?)\s+\d+,?\s*$/;

/** Whether the date starts a period (chrono may read the whole range as one date). */
function isPeriodStart(text: string, d: { index: number; length: number }): boolean {
  return (
    PERIOD_NEXT.test(text.slice(d.index + d.length, d.index + d.length + 12)) ||
    /\s(?:through|thru|to|until|till|[–—-])\s/i.test(text.slice(d.index, d.index + d.length))
  );
}

/** A date in the head of the page that is not part of a sentence. */
function headDate(input: InferInput): Finding[] {
  // A list of dated items has many dates at its top and none of its own.
  if (isListing(input)) return [];
  const face = faceOf(input);
  const text = face.text;
  const head = text.slice(0, face.headEnd);
  const lineOf = (index: number) => head.lastIndexOf('\n', index - 1);
  const eventLines = new Set<number>();
  const dates = datesBetween(face, 0, face.headEnd).filter((d) => {
    const before = head.slice(Math.max(0, d.index - 30), d.index);
    // An event's date, and the same date restated on its line ("February 28, 1998; 18 years ago (1998-02-28)").
    const words = head.slice(Math.max(0, d.index - 80), d.index).replace(/[ \t]+/g, ' ');
    if (EVENT.test(words) || eventLines.has(lineOf(d.index))) {
      eventLines.add(lineOf(d.index));
      return false;
    }
    // chrono may take the sentence's word into the date: "this Monday, December 3, 2007".
    const lead = /^(?:this|last|next|on|by|since|until)\b/i.exec(head.slice(d.index, d.index + d.length));
    const onLine = head.slice(lineStartBefore(head, d.index), d.index);
    // A period's first day ("Report Covering the Week 7/10/2017 Through 7/16/2017"), and a date
    // inside a bracketed citation ("[36 FR 7801, Apr. 24, 1971, as amended…"): not a date of issue.
    const period = isPeriodStart(head, d);
    const cited = onLine.split('[').length > onLine.split(']').length || CITATION_BEFORE.test(before);
    return (
      !IN_SENTENCE.test(before) && !lead && !isOtherDate(onLine) && !inTableRow(head, d.index) && !period && !cited
    );
  });
  if (dates.length === 0) return [];
  const after = (d: (typeof dates)[number]) => head.slice(d.index + d.length, d.index + d.length + 30);
  // A date followed by its dateline ("… 2007 WASHINGTON", "2020 — Visage") is the release date.
  const dateline = dates.find((d) => /^\s*(?:[-–—(]|\(?[A-Z]{4,}\b|Washington\b)/.test(after(d)));
  const onOwnLine = dates.find((d) => {
    const lineEnd = head.slice(d.index + d.length).search(/\n|\s{3,}/);
    const line = head.slice(lineStartBefore(head, d.index), lineEnd < 0 ? head.length : d.index + d.length + lineEnd);
    return line.trim().length <= d.length + 25;
  });
  const byline = dates.find((d) =>
    /\bby\s+[A-Z][^\n]{2,60}[·|•,–—-]\s*$/i.test(head.slice(Math.max(0, d.index - 70), d.index)),
  );
  const chosen = byline ?? dateline ?? onOwnLine ?? dates[0];
  if (!chosen) return [];
  const rule =
    chosen === byline
      ? 'byline-date'
      : chosen === dateline
        ? 'dateline'
        : chosen === onOwnLine
          ? 'date-line-at-top'
          : 'date-in-heading';
  // A date that is only the first in the head, inside a line of other words, is a guess:
  // offered, not applied (a wrong applied date is worse than none).
  const confidence = chosen === byline ? 0.85 : chosen === dateline || chosen === onOwnLine ? 0.8 : 0.6;
  return [
    finding('date', chosen.value, confidence, rule, sourceAt(text, 1, chosen.index, chosen.index + chosen.length)),
  ];
}

function emailHeader(input: InferInput): Finding[] {
  if (input.format !== 'email' || !input.metadata.date) return [];
  return [finding('date', input.metadata.date, 0.95, 'email-date-header', null)];
}

function htmlPublished(input: InferInput): Finding[] {
  const face = input.face;
  if (!face) return [];
  const raw =
    face.meta['article:published_time'] ??
    face.meta['article:published'] ??
    face.jsonLd.datePublished ??
    face.meta['datepublished'] ??
    face.times.find((t) => t.published)?.datetime ??
    face.meta['og:published_time'] ??
    face.meta['parsely-pub-date'] ??
    face.meta['date'] ??
    face.meta['dc.date'] ??
    face.meta['dcterms.date'] ??
    face.meta['pubdate'];
  const value = raw ? dateOf(raw) : null;
  return value ? [finding('date', value, 0.9, 'html-published-time', null)] : [];
}

/** MediaWiki and others: "This page was last modified on 28 October 2016". */
function lastModified(input: InferInput): Finding[] {
  const text = faceText(input);
  // Case-blind by hand: a case-blind pattern run over a whole page costs more than every other date rule.
  const m = /[Ll]ast (?:[Mm]odified|[Ee]dited|[Uu]pdated) on\s+|LAST (?:MODIFIED|EDITED|UPDATED) ON\s+/.exec(text);
  if (!m) return [];
  const at = m.index + m[0].length;
  const date = datesIn(text.slice(at, at + 40)).find((d) => d.index === 0);
  return date ? [finding('date', date.value, 0.7, 'last-modified-line', sourceAt(text, 1, at, at + date.length))] : [];
}

/** How far into the first page a date standing alone on its line is looked for: past a site's navigation. */
const STANDALONE_CHARS = 4000;
/**
 * What may follow a date alone on its line: a time ("9:00PM", "13:29:24", "7:30 a.m. EDT";
 * chrono may have taken its hour into the date), or a colon or dash and the headline.
 */
const AFTER_STANDALONE =
  /^(?::\d\d(?::\d\d)?)?[ \t]*(?:,?[ \t]*\d{1,2}:\d\d(?::\d\d)?[ \t]*(?:[ap]\.?m\.?)?(?:[ \t]+[A-Z]{2,4})?[ \t]*)?(?:$|\n|[:–—][ \t]+\S)/i;

/**
 * A date standing alone at the start of a line near the top (an article's "March 13, 2015
 * 9:00PM" under its byline, an agenda's "April 6, 2016", a news list's "June 5, 2026:
 * Judge Dismisses…"), where the head's writing ends before it. Applied when every such
 * date agrees; a choice between different ones is only offered.
 */
function standaloneDate(input: InferInput): Finding[] {
  if (isListing(input)) return [];
  const face = faceOf(input);
  const text = face.text.slice(0, STANDALONE_CHARS);
  const candidates = datesBetween(face, 0, STANDALONE_CHARS);
  const alone = candidates.filter((d) => {
    const start = lineStartBefore(text, d.index);
    const before = text.slice(start, d.index);
    return (
      before.trim() === '' &&
      AFTER_STANDALONE.test(text.slice(d.index + d.length, d.index + d.length + 40)) &&
      !isPeriodStart(text, d)
    );
  });
  const first = alone[0];
  if (!first) return [];
  const agreed = alone.every((d) => d.value === first.value);
  return [
    finding(
      'date',
      first.value,
      agreed ? 0.78 : 0.6,
      'date-alone-on-line',
      sourceAt(face.text, 1, first.index, first.index + first.length),
    ),
  ];
}

export const DATE_RULES = [
  emailHeader,
  labelledLine,
  releaseLine,
  htmlPublished,
  ownDateLabel,
  headDate,
  letterDateLine,
  standaloneDate,
  cjkDateLine,
  lastModified,
];
