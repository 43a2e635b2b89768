/**
 * A document's title from its face: a memo's Subject, a letter's Re line or "Letter from X
 * to Y", an email's Subject (or the release it carries), a page's headline without its
 * site's suffix, a release's headline (in sentence case when it is all capitals).
 */
import { OWN_DATE_LABEL } from './date-labels.js';
import { LETTER_TITLE_RULES } from './letter-rules.js';
import { cleanHeadline, withoutSiteMarks } from './title-cleanup.js';
import { beforeGlue, isFurniture, isLeadSentence, isRunningHead, withoutSiteSuffix } from './title-furniture.js';
import { readName } from './names.js';
import { findOnPage, linesOf, sourceAt } from './page-text.js';
import { isAllCaps, sentenceCase } from './sentence-case.js';
import { faceText, finding, type Finding, type InferInput } from './types.js';

function subjectLine(input: InferInput): Finding[] {
  const text = faceText(input);
  for (const line of linesOf(text, 60)) {
    const m = /^\s*(subject|re|subj)\s*:\s*/i.exec(line.text);
    const value = m ? line.text.slice(m[0].length).trim() : '';
    if (!m || value.length < 3) continue;
    const at = line.start + m[0].length;
    return [finding('title', value, 0.9, 'subject-line', sourceAt(text, 1, at, at + value.length))];
  }
  return [];
}

/** Lines that stand above a headline but are not it. */
const BOILERPLATE =
  /^(?:(?:latest )?news(?: room| releases?)?|press (?:releases?|room|office)|releases?|for immediate release|contact\b.*|phone\b.*|statement|topics|media advisory|united states senator.*|senator [\w .]+ press releases?|u\.?\s?s\.? senator [\w .]+|.*\bpress releases?|official - subject to final review|\d+)$/i;

/** Words of a site's navigation: a line made only of them is chrome, not a headline. */
const CHROME_WORD =
  /^(?:news|newsroom|press|room|releases?|latest|topics|home|contact|us|media|office|statements?|speeches|and|advisories|center|centre|skip|to|content|main|menu|search)$/i;
const isChrome = (line: string) => line.split(/\s+/).every((w) => CHROME_WORD.test(w.replace(/[^\p{L}]/gu, '')));
/** "John Thune", "Senator Jim Webb", "U.S. Senator Richard Shelby": a name is not a headline. */
const isOnlyName = (line: string) => {
  const bare = line.replace(/^(?:(?:United States|U\.?\s?S\.?)\s+)?(?:Senator|Sen\.|Representative|Rep\.)\s+/i, '');
  const name = readName(bare, 0);
  return name !== null && bare.slice(name.end).trim() === '';
};

interface Piece {
  text: string;
  start: number;
}

/**
 * A headline wrapped onto the next lines: it goes on in lower case ("After the memo: how
 * face-search trials / spread through…"), or, in a PDF, in capitals line after line; or it
 * was cut where a scraper dropped an apostrophe ("China   s Unfair Currency Manipulation").
 */
function continued(value: string, pieces: Piece[], index: number, pdf: boolean): { written: string; end: number } {
  const first = pieces[index];
  let written = value;
  let end = (first?.start ?? 0) + (first?.text.trimEnd().length ?? 0);
  for (let i = index + 1; i <= index + 6 && !/[.!?:]$/.test(written); i++) {
    const next = pieces[i];
    const text = next?.text.trim() ?? '';
    let joined: string | null = null;
    if (/^[st]\s+\p{L}/u.test(text) || (isAllCaps(written) && /^[ST]\s+\p{Lu}/u.test(text)))
      joined = `${written}’${text}`;
    else if (/^\p{Ll}/u.test(text) && text.split(/\s+/).length <= 12) joined = `${written} ${text}`;
    else if (pdf && isAllCaps(written) && isAllCaps(text) && text.split(/\s+/).length >= 2 && !isFurniture(text))
      joined = written.endsWith('-') ? `${written.slice(0, -1)}${text}` : `${written} ${text}`;
    if (!next || joined === null) break;
    written = joined;
    end = next.start + next.text.indexOf(text) + text.length;
  }
  return { written, end };
}

/** The headline: the first line (or run of words before the date or dateline) that is not furniture. */
function headline(input: InferInput): Finding[] {
  const text = faceText(input);
  const head = text.slice(0, 1500);
  // Scrapers write runs of spaces where lines were; treat them as line ends.
  const pieces = [...head.matchAll(/[^\n]+/g)].flatMap((m) => {
    const out: Piece[] = [];
    let at = 0;
    for (const part of m[0].split(/( {3,}|\t+)/)) {
      if (!/^( {3,}|\t+)$/.test(part)) out.push({ text: part, start: m.index + at });
      at += part.length;
    }
    return out;
  });
  const date =
    /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\b\d{1,2} \d{1,2} \d{4}\b|(?<!\b(?:from|in|to|of|by) )\bWASHINGTON\b(?:,?\s*D\.?\s?C\.?)?|\bPress Release\b|\bFOR IMMEDIATE RELEASE/i;
  let contactLines = 0;
  // A dateline alone on its piece ("Washington DC   State, county and local leaders…"): the body follows it.
  let afterDateline = false;
  for (const [index, piece] of pieces.entries()) {
    let value = piece.text.trim();
    if (value === '') continue;
    const followsDateline = afterDateline;
    afterDateline = false;
    let start = piece.start + piece.text.indexOf(value);
    // A contact block's lines (a name, a job title, an office, a phone) follow its "Contact:".
    if (/^contact\b/i.test(value) || /\bcontact:/i.test(value)) contactLines = 5;
    // …until the header's date line ("Date 02 16 2006").
    else if (contactLines > 0 && value.split(/\s+/).length <= 6 && !date.test(value)) {
      contactLines--;
      continue;
    } else contactLines = 0;
    // "In force from 28 March 2012": the document's date above its title, not the title.
    const ownDate = OWN_DATE_LABEL.exec(value);
    if (ownDate && /^[^\n]{0,30}\b\d{4}\W*$/.test(value.slice(ownDate[0].length))) continue;
    let dateline = false;
    // Furniture first ("10 01 2007 Levin Announces…", "FOR IMMEDIATE RELEASE  September 21  2005 Senate Passes…"):
    // the headline may follow it.
    for (let cut = date.exec(value); cut && cut.index < 12; cut = date.exec(value)) {
      dateline ||= /^WASHINGTON/i.test(cut[0]);
      const rest = value.slice(cut.index + cut[0].length);
      const trimmed = rest.replace(/^[\s,:.–—-]+/, '');
      start += value.length - trimmed.length;
      value = trimmed;
    }
    // What follows a dateline is the lead's first sentence: the body has begun, without a headline.
    if ((dateline || followsDateline) && value.split(/\s+/).length >= 8) break;
    if (dateline) {
      afterDateline = value === '';
      continue;
    }
    const cut = date.exec(value);
    if (cut) value = value.slice(0, cut.index).trim();
    value = beforeGlue(value);
    value = value.replace(/^(?:press releases?|news releases?|releases|latest news)\s+/i, '');
    // A headline starts with a word, is more than a few words, and is not navigation or a name.
    if (!/^[\p{L}\p{N}"“‘']/u.test(value) || value.split(/\s+/).length < 3) continue;
    // A long line ending in a full stop is the lead's sentence, not a headline.
    if (value.length > 120 && /\.["”]?$/.test(value)) continue;
    // A line ending in a colon introduces what follows: "Senator Boxer today sent the following letter:".
    if (/:$/.test(value)) continue;
    if (isLeadSentence(value)) break;
    // A sentence ended by a full stop ("Let me see what happens if I insert a worksheet."), or
    // more words than any headline (a scraped lead without its punctuation): the body has begun.
    if (/\p{Ll}{2}[.]["”]?$/u.test(value) || value.split(/\s+/).length > 30) break;
    if (input.format === 'pdf' && isRunningHead(value)) continue;
    value = withoutSiteSuffix(value, text);
    if (value.length < 8 || BOILERPLATE.test(value) || isChrome(value) || isOnlyName(value) || isFurniture(value))
      continue;
    if (value.length > 250) value = value.slice(0, 250).replace(/\s+\S*$/, '');
    const at = text.indexOf(value, start);
    if (at < 0) continue;
    const whole = at + value.length === piece.start + piece.text.trimEnd().length;
    // A long line going on in lower case on a long next line is a paragraph, not a headline.
    const next = pieces[index + 1]?.text.trim() ?? '';
    if (whole && /^\p{Ll}/u.test(next) && value.split(/\s+/).length >= 10 && next.split(/\s+/).length >= 10) break;
    // The headline with a contact glued after it: a short rest is the header's label ("Senator Graham Press Relases").
    const cleaned = cleanHeadline(value);
    if (cleaned !== value && cleaned.split(/\s+/).length <= 4) {
      contactLines = 5;
      continue;
    }
    const { written, end } = whole
      ? continued(value, pieces, index, input.format === 'pdf')
      : { written: value, end: at + value.length };
    const headlineWords = cleanHeadline(written);
    const caps = isAllCaps(headlineWords);
    // The body without the headline's own words: they would teach it their capitals.
    const title = caps ? sentenceCase(headlineWords, text.slice(0, at) + text.slice(end)) : headlineWords;
    return [finding('title', title, 0.8, caps ? 'headline-caps' : 'headline', sourceAt(text, 1, at, end))];
  }
  return [];
}

/** Strips " - The New York Times", " | Port Alder Ledger" and the like. */
function withoutSite(title: string, site: string | undefined): string {
  if (site) {
    const escaped = site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const stripped = title.replace(new RegExp(String.raw`\s*[|\-–—:·]\s*(?:the\s)?${escaped}\s*$`, 'i'), '');
    if (stripped !== title) return stripped;
  }
  const parts = title.split(/\s+[|–—]\s+|\s+-\s+/);
  return parts.length > 1 && (parts[0] ?? '').length >= 15 ? (parts[0] ?? title) : title;
}

function htmlTitle(input: InferInput): Finding[] {
  const face = input.face;
  if (!face) return [];
  const site = face.meta['og:site_name'] ?? face.meta['application-name'];
  const raw =
    face.meta['og:title'] ?? face.jsonLd.headline ?? face.firstHeading ?? face.meta['twitter:title'] ?? face.title;
  if (!raw) return [];
  const title = withoutSiteMarks(withoutSite(raw.replace(/\s+/g, ' ').trim(), site), faceText(input));
  return [finding('title', title, 0.9, 'html-headline', findOnPage(faceText(input), 1, title))];
}

function emailSubject(input: InferInput): Finding[] {
  if (input.format !== 'email') return [];
  const out: Finding[] = [];
  if (/^\s*for immediate release/i.test(faceText(input))) {
    const release = headline(input).map((f) => ({ ...f, confidence: 0.92, rule: 'release-headline' }));
    out.push(...release);
  }
  if (input.metadata.title) out.push(finding('title', input.metadata.title, 0.9, 'email-subject', null));
  return out;
}

/** "Letter from Eleanor M. Vance to Jonah Pell", built from what the letter's face names. */
export function letterTitle(authors: readonly string[], recipients: readonly string[]): Finding[] {
  const from = authors[0];
  const to = recipients[0];
  if (!from || !to) return [];
  return [finding('title', `Letter from ${from} to ${to}`, 0.8, 'letter-from-to', null)];
}

export const TITLE_RULES = [emailSubject, subjectLine, ...LETTER_TITLE_RULES, htmlTitle, headline];
