/**
 * Who wrote a document and to whom, where its face says so: a memo's From and To lines, a
 * byline, a statement's attribution, a signature block, a letter's salutation, the
 * senators and officials a release names as acting in its lead, an email's headers.
 */
import { linesOf, sourceAt } from './page-text.js';
import { releaseIssuers } from './issuers.js';
import { LETTER_PEOPLE_RULES } from './letter-rules.js';
import { mailboxName, nameCase, PERSON, readName } from './names.js';
import { faceText, finding, type Finding, type InferInput } from './types.js';

function labelled(input: InferInput, label: RegExp, field: 'authors' | 'recipients', rule: string): Finding[] {
  const text = faceText(input);
  for (const line of linesOf(text, 60)) {
    const m = label.exec(line.text);
    if (!m) continue;
    const rest = line.text.slice(m[0].length);
    const value = rest.split(/\s*[,;(]\s*/)[0]?.trim() ?? '';
    if (!value || value.length > 120) continue;
    const at = line.start + m[0].length;
    return [finding(field, [nameCase(value)], 0.9, rule, sourceAt(text, 1, at, at + value.length))];
  }
  return [];
}

const memoFrom = (input: InferInput) => labelled(input, /^\s*from\s*:\s*/i, 'authors', 'memo-from-line');
const memoTo = (input: InferInput) => labelled(input, /^\s*to\s*:\s*/i, 'recipients', 'memo-to-line');

/** "By Priya Raman · November 16, 2020", "By MARK NIESSEAssociated Press Writer". */
function byline(input: InferInput): Finding[] {
  const text = faceText(input);
  const head = text.slice(0, 1500);
  // Most pages have no byline: the name pattern runs only where "By" is written.
  if (!head.includes('By')) return [];
  const m = new RegExp(
    String.raw`(?:(?:^|\n|\s)By:?\s+(${PERSON}|[A-Z][A-Z'’-]+(?:\s[A-Z][A-Z'’-]+){1,2})|(?<=[a-z])By\s+([A-Z][A-Z'’-]+(?:\s[A-Z][A-Z'’-]+){1,2}))`,
  ).exec(head);
  const raw = m?.[1] ?? m?.[2];
  if (!m || !raw) return [];
  const at = m.index + m[0].length - raw.length;
  // Scrapers glue the byline to the next words ("NIESSEAssociated"); a name ends at a word that is not one ("Erin Cunningham March").
  const glued = /^[A-Z][A-Z'’-]+(?:\s[A-Z][A-Z'’-]+){0,2}?(?=[A-Z][a-z])/.exec(text.slice(at, at + 60))?.[0];
  const name = glued ? { name: nameCase(glued), start: at, end: at + glued.length } : readName(text, at);
  if (!name || !name.name.includes(' ')) return [];
  return [finding('authors', [name.name], 0.85, 'byline', sourceAt(text, 1, name.start, name.end))];
}

/** "Statement attributable to Hoan Ton-That", "Statement of Brooklyn District Attorney Ken Thompson". */
function attributable(input: InferInput): Finding[] {
  const text = faceText(input);
  const lead = /(?:[Aa]ttributable to|[Ss]tatement (?:[Oo]f|[Ff]rom|[Bb]y)|STATEMENT (?:OF|FROM|BY))\s+/.exec(
    text.slice(0, 3000),
  );
  if (!lead) return [];
  // Titles and offices may stand before the name: "U.S. Senator", "Brooklyn District Attorney".
  const rest = text.slice(lead.index + lead[0].length, lead.index + lead[0].length + 120);
  const skip =
    /^(?:(?:the\s+)?(?:U\.?\s{0,2}S\.?\s+|[A-Z][a-z]+\s+)*(?:Senator|Sen\.?|Representative|Rep\.?|District Attorney|State'?s Attorney|Attorney General|Governor|Mayor|Chief|Director|CEO)\s+)?/.exec(
      rest,
    );
  const name = readName(text, lead.index + lead[0].length + (skip?.[0].length ?? 0));
  if (!name || !name.name.includes(' ')) return [];
  return [finding('authors', [name.name], 0.85, 'statement-attribution', sourceAt(text, 1, name.start, name.end))];
}

function emailHeaders(input: InferInput): Finding[] {
  if (input.format !== 'email') return [];
  const out: Finding[] = [];
  const from = (input.metadata.authors ?? []).map(mailboxName).filter(Boolean);
  if (from.length) out.push(finding('authors', from, 0.9, 'email-from-header', null));
  const to = (input.metadata.recipients ?? []).map(mailboxName).filter(Boolean);
  if (to.length) out.push(finding('recipients', to, 0.9, 'email-to-cc-headers', null));
  return out;
}

/** An editor's label as pages write it: "责任编辑：", "Editor:", "Edited by", "Rédaction :", "Redakteur:". */
const EDITOR_LABEL = String.raw`(?:责任编辑|编辑|編輯|editor|edited\s+by|r[ée]dact(?:eur|rice|ion)|redakt(?:eur|eurin|ion))\s*[:：︱|]?\s*`;

/**
 * Whether the page names `name` as its editor: news sites put the page's editor in the
 * author meta tag ("责任编辑：肖春芳"), and an editor is not the author.
 */
function namedAsEditor(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(EDITOR_LABEL + escaped, 'i').test(text.slice(0, 50_000));
}

function htmlAuthor(input: InferInput): Finding[] {
  const face = input.face;
  if (!face) return [];
  const candidates = [...face.jsonLd.authors, face.meta['author'] ?? '', face.meta['byl'] ?? '']
    .map((a) => a.replace(/^by\s+/i, '').trim())
    .filter((a) => a && !/^https?:/i.test(a) && a.length < 80 && !namedAsEditor(faceText(input), a));
  const first = candidates[0];
  return first ? [finding('authors', [first], 0.85, 'html-author-meta', null)] : [];
}

export const PEOPLE_RULES = [
  emailHeaders,
  memoFrom,
  memoTo,
  attributable,
  byline,
  htmlAuthor,
  ...LETTER_PEOPLE_RULES,
  releaseIssuers,
];
