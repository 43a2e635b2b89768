/**
 * Where a document's own date stands: a memo's "Date:" line, the release line, a line
 * that is only a date near the top, a byline or dateline, the date line of a letter, an
 * email's Date header, a page's published time. A date inside a sentence of the body
 * ("on November 13, the department…") is never the document's date.
 */
import { linesOf, sourceAt } from './page-text.js';
import { dateOf, datesIn } from './read-date.js';
import { faceText, finding, type Finding, type InferInput } from './types.js';

/** How much of the first page's writing (white space not counted) is its head. */
const HEAD_CHARS = 700;

/** The offset where the head ends: after HEAD_CHARS characters that are not white space (scrapers indent by hundreds of spaces). */
export function headEnd(text: string, chars = HEAD_CHARS): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (!/\s/.test(text[i] ?? '') && ++seen >= chars) return i + 1;
  }
  return text.length;
}

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

function releaseLine(input: InferInput): Finding[] {
  const text = faceText(input).slice(0, 3000);
  const m = /(for immediate release|news release|press release|embargoed until)[\s:–—-]*/i.exec(text);
  if (!m) return [];
  const after = m.index + m[0].length;
  const date = datesIn(text.slice(after, after + 60)).find((d) => d.index < 25);
  if (!date) return [];
  const at = after + date.index;
  return [finding('date', date.value, 0.95, 'release-date-line', sourceAt(text, 1, at, at + date.length))];
}

/** The letter's date line: a date on its own line (or sentence) shortly before "Dear …". */
function letterDateLine(input: InferInput): Finding[] {
  const text = faceText(input).slice(0, 8000);
  const dear = /(^|\n|\s)Dear\s+[A-Z]/.exec(text);
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

/** A date in the head of the page that is not part of a sentence. */
function headDate(input: InferInput): Finding[] {
  const text = faceText(input);
  const head = text.slice(0, headEnd(text));
  const lineOf = (index: number) => head.lastIndexOf('\n', index - 1);
  const eventLines = new Set<number>();
  const dates = datesIn(head).filter((d) => {
    const before = head.slice(Math.max(0, d.index - 30), d.index);
    // An event's date, and the same date restated on its line ("February 28, 1998; 18 years ago (1998-02-28)").
    const words = head.slice(Math.max(0, d.index - 80), d.index).replace(/[ \t]+/g, ' ');
    if (EVENT.test(words) || eventLines.has(lineOf(d.index))) {
      eventLines.add(lineOf(d.index));
      return false;
    }
    // chrono may take the sentence's word into the date: "this Monday, December 3, 2007".
    const lead = /^(?:this|last|next|on|by|since|until)\b/i.exec(head.slice(d.index, d.index + d.length));
    return !IN_SENTENCE.test(before) && !lead;
  });
  if (dates.length === 0) return [];
  const after = (d: (typeof dates)[number]) => head.slice(d.index + d.length, d.index + d.length + 30);
  // A date followed by its dateline ("… 2007 WASHINGTON", "2020 — Visage") is the release date.
  const dateline = dates.find((d) => /^\s*(?:[-–—(]|\(?[A-Z]{4,}\b|Washington\b)/.test(after(d)));
  const onOwnLine = dates.find((d) => {
    // Scrapers write runs of spaces where line breaks were: they end a line too.
    const before = head.slice(0, d.index);
    const breakBefore = /(?:\n|\s{3,})(?!.*(?:\n|\s{3,}))/s.exec(before);
    const lineStart = breakBefore ? breakBefore.index + breakBefore[0].length : 0;
    const lineEnd = head.slice(d.index + d.length).search(/\n|\s{3,}/);
    const line = head.slice(lineStart, lineEnd < 0 ? head.length : d.index + d.length + lineEnd);
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
  const m = /last (?:modified|edited|updated) on\s+/i.exec(text);
  if (!m) return [];
  const at = m.index + m[0].length;
  const date = datesIn(text.slice(at, at + 40)).find((d) => d.index === 0);
  return date ? [finding('date', date.value, 0.7, 'last-modified-line', sourceAt(text, 1, at, at + date.length))] : [];
}

export const DATE_RULES = [
  emailHeader,
  labelledLine,
  releaseLine,
  htmlPublished,
  headDate,
  letterDateLine,
  lastModified,
];
