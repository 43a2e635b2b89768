/**
 * A letter known by its structure, in whatever language it greets: a salutation line near
 * the top ("Dear Mr Harris", "Tēnā koe F Cook", "Madame,"), a closing line ("Yours
 * faithfully", "Nāku noa, nā", "Kind regards") and the signature block under it (the name,
 * after any rank: "Detective Inspector Paul Berry"). From it: the author, the recipient
 * (in full where the inside address names them), and the subject line under the salutation.
 */
import { linesOf, sourceAt, type Line } from './page-text.js';
import { familyName, PERSON, readName } from './names.js';
import { isAllCaps, sentenceCase } from './sentence-case.js';
import { faceText, finding, type Finding, type InferInput } from './types.js';

/** Greetings that open a letter's salutation line, in the languages of the documents met so far. */
const GREETING = String.raw`(?:Dear|Tēnā\s+koe|Tena\s+koe|Tēnā\s+kōrua|Tēnā\s+koutou|Kia\s+ora|To\s+whom\s+it\s+may\s+concern|Ladies\s+and\s+Gentlemen|Gentlemen|Madam|Sir|Madame|Monsieur|Mesdames|Chère?|Sehr\s+geehrter?|Liebe[rs]?|Estimad[oa]s?|Querid[oa]s?|Gentile|Caro|Cara|Beste|Geachte)`;
const SALUTATION = new RegExp(String.raw`^[ \t]*${GREETING}(?=[\s,:]|$)([^\n]{0,60})$`, 'u');
/** Addressees that make a salutation a circular's, not a letter's: "Dear Friends", "Dear Colleague". */
const CIRCULAR =
  /^\s*(?:Friends?|Colleagues?|Neighbou?rs?|Constituents?|Supporters?|Fellow|Members?|Customers?|All)\b/i;

/** Closing lines: the line above a letter's signature. */
const CLOSING =
  /^[ \t]*(?:Yours\s+(?:sincerely|faithfully|truly|respectfully|very\s+truly)|(?:Very\s+)?(?:Sincerely|Truly|Respectfully|Faithfully)(?:\s+yours)?|Respectfully\s+submitted|(?:With[ \t]+)?(?:(?:Kind|Best|Warm(?:est)?)[ \t]+)?[Rr]egards|Ngā\s+mihi(?:\s+nui)?|Nga\s+mihi|Nāku\s+(?:iti\s+)?noa,?\s+nā|Naku\s+noa,?\s+na|Noho\s+ora\s+mai|Cordialement|Bien\s+cordialement|Mit\s+freundlichen\s+Grüßen|Atentamente|Cordiali\s+saluti|Met\s+vriendelijke\s+groet)[,.]?[ \t]*$/imu;

/** Ranks and offices written before a signer's name. */
const RANK =
  /^(?:(?:Detective|Senior|Chief|Deputy|Assistant|Acting|Inspector|Superintendent|Sergeant|Constable|Commissioner|Captain|Lieutenant|Officer|Director|Manager|Professor|Prof\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Hon\.?|Honourable|Honorable|Senator|Sen\.?|Rep\.?|Judge|Justice|Rev\.?|Sir|Dame|Secretary|Chairman|Chairwoman|Chair|Minister|Mayor|Governor|President|Ambassador)\s+)+/;

export interface Salutation {
  line: Line;
  /** Who is greeted, as written ("Mr Harris", "F Cook"), or '' for "Dear Sir". */
  addressee: string;
}

/** The letter's salutation line in the head of its first page, if any (not a circular's). */
export function salutationOf(text: string): Salutation | null {
  for (const line of linesOf(text.slice(0, 3000), 80)) {
    const m = SALUTATION.exec(line.text);
    if (!m) continue;
    const addressee = (m[1] ?? '').replace(/[,:]\s*$/, '').trim();
    if (CIRCULAR.test(addressee)) return null;
    return { line, addressee };
  }
  return null;
}

/** The first closing line on any page, with its page index and offset. */
function closingOf(input: InferInput): { page: number; end: number } | null {
  for (const [page, p] of input.pages.entries()) {
    const m = CLOSING.exec(p.text);
    if (m) return { page, end: m.index + m[0].length };
  }
  return null;
}

/** Whether the document is a letter by its structure: a salutation, and a closing after it. */
export function letterSignal(input: InferInput): string | undefined {
  const salutation = salutationOf(faceText(input));
  return salutation && closingOf(input) ? salutation.line.text.trim() : undefined;
}

/** The signer: the first name under the closing line, after any rank ("Detective Inspector Paul Berry"). */
function signatureBlock(input: InferInput): Finding[] {
  const closing = closingOf(input);
  if (!closing) return [];
  const text = input.pages[closing.page]?.text ?? '';
  for (const line of linesOf(text.slice(closing.end, closing.end + 400), 6)) {
    const trimmed = line.text.trim();
    if (!trimmed || /^[([]?(?:signed|signature)/i.test(trimmed)) continue;
    const rank = RANK.exec(trimmed)?.[0] ?? '';
    const at = closing.end + line.start + line.text.indexOf(trimmed) + rank.length;
    const name = readName(text, at);
    // The name ends its line: a line of several names is a list of co-signers, not a signature.
    const rest = text.slice(name?.end ?? 0, closing.end + line.start + line.text.length);
    if (!name || !name.name.includes(' ') || !/^[\s.,]*$/.test(rest)) return [];
    return [
      finding('authors', [name.name], 0.85, 'signature-block', sourceAt(text, closing.page + 1, name.start, name.end)),
    ];
  }
  return [];
}

/** The person greeted, written in full where the inside address above names them so. */
function salutationRecipient(input: InferInput): Finding[] {
  const text = faceText(input);
  const salutation = salutationOf(text);
  const greeted = salutation?.addressee.replace(RANK, '').trim() ?? '';
  if (!salutation || !/^\p{Lu}/u.test(greeted)) return [];
  const start = salutation.line.start + salutation.line.text.lastIndexOf(greeted);
  const name = readName(text, start);
  if (!name) return [];
  const before = text.slice(Math.max(0, salutation.line.start - 400), salutation.line.start);
  const family = familyName(name.name);
  const named = [...before.matchAll(new RegExp(String.raw`(${PERSON})`, 'g'))]
    .map((x) => (x[1] ?? '').replace(RANK, ''))
    .find((n) => familyName(n) === family && n.includes(' '));
  return [
    finding('recipients', [named ?? name.name], 0.8, 'letter-salutation', sourceAt(text, 1, name.start, name.end)),
  ];
}

/** The subject line under the salutation: short, no full stop; a line in capitals may wrap onto the next. */
function letterSubject(input: InferInput): Finding[] {
  const text = faceText(input);
  const salutation = salutationOf(text);
  if (!salutation) return [];
  const after = salutation.line.start + salutation.line.text.length + 1;
  const lines = linesOf(text.slice(after, after + 600), 6).filter((l) => l.text.trim() !== '');
  const first = lines[0];
  const value = first?.text.trim() ?? '';
  const words = value.split(/\s+/).length;
  if (!first || words < 2 || words > 16 || /[.,;:]$/.test(value)) return [];
  let end = after + first.start + first.text.length;
  const next = lines[1]?.text.trim() ?? '';
  if (isAllCaps(value) && next && isAllCaps(next) && !/^\(/.test(next) && next.split(/\s+/).length <= 10)
    end = after + (lines[1]?.start ?? 0) + (lines[1]?.text.length ?? 0);
  const source = sourceAt(text, 1, after + first.start, end);
  const written = source.text.replace(/\s+/g, ' ');
  const title = isAllCaps(written) ? sentenceCase(written, text) : written;
  return [finding('title', title, 0.9, 'letter-subject-line', source)];
}

export const LETTER_PEOPLE_RULES = [signatureBlock, salutationRecipient];
export const LETTER_TITLE_RULES = [letterSubject];
