/** Person names as documents write them: "Daniel R. Whitcombe", "MARK NIESSE", "Joseph R. Biden, Jr.". */

const NAME_WORD = String.raw`(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?|[A-Z][a-z]?[A-Z][a-z]+|[A-Z]\.?)`;
/** One to four name words, the last one long; a suffix may follow. */
export const PERSON = String.raw`${NAME_WORD}(?:[ \t]{1,3}${NAME_WORD}){0,2}[ \t]{1,3}(?:Mc|Mac|De|Van|Von|O')?[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?(?:,?\s(?:Jr|Sr|II|III)\.?)?`;

/** "MARK NIESSE" → "Mark Niesse"; names already in mixed case are kept. */
export function nameCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** A display name from "Name <address>", or the address where no name is given. */
export function mailboxName(mailbox: string): string {
  const m = /^(.*?)\s*<([^>]*)>\s*$/.exec(mailbox);
  if (!m) return mailbox.trim();
  const name = (m[1] ?? '').replace(/^"|"$/g, '').trim();
  return name || (m[2] ?? '').trim();
}

/** The family name a name is matched by: its last word, without suffixes or punctuation. */
export function familyName(name: string): string {
  const words = name
    .replace(/\b(Jr|Sr|II|III|M\.D|Ph\.D)\.?$/i, '')
    .replace(/[,.]+/g, ' ')
    .trim()
    .split(/\s+/);
  return (words[words.length - 1] ?? '').toLowerCase();
}

/**
 * Capitalised words that are not names: what follows a name in headlines and site chrome
 * ("Casey Announce", "Carl Levin  News Release", "Bob Corker  Monday  May", "John Kerry
 * D Mass"). A name stops at the first of them.
 */
const NOT_NAME = new Set(
  (
    'a an and as at by for from in of on or the to with ' +
    'regarding concerning following about after before during against upon over under between through into via amid re skip ' +
    'announce announces announced applaud applauds applauded says said say urge urges urged call calls called ' +
    'seek seeks join joins introduce introduces unveil unveils secure secures praise praises welcome welcomes ' +
    'express expresses comment comments statement statements issue issues issued question questions hail hails ' +
    'vow vows ask asks push pushes fight fights request requests demand demands release releases offer offers ' +
    'support supports lead leads work works cosponsor cosponsors testify testifies meet meets visit visits win wins ' +
    'tour tours host hosts react reacts respond responds vote votes named receive receives congratulate ' +
    'congratulates honor honors bill bills legislation act amendment resolution passes pass approves approve ' +
    'remarks speech letter calls today news press room office newsroom latest home contact phone media advisory ' +
    'senate senator senators sen sens house committee congress department federal national washington united states ' +
    'state county city district court police project projects river program funding approval report ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois ' +
    'indiana iowa kansas kentucky louisiana maine maryland massachusetts mass michigan minnesota mississippi missouri ' +
    'montana nebraska nevada hampshire jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania ' +
    'rhode tennessee texas utah vermont virginia wisconsin wyoming'
  ).split(' '),
);

/** A word that may be part of a person's name. */
export function isNameWord(word: string): boolean {
  return (
    /^(?:[A-Z][\p{L}'’-]*|[A-Z]\.?)$/u.test(word) &&
    !/^[RDI]-/.test(word) && // a party and state: "D-Del"
    (/^[A-Z]\.?$/.test(word) || !NOT_NAME.has(word.toLowerCase().replace(/\.$/, '')))
  );
}

/** Given names that are also words a name stops at: "Sen. Bill Nelson" (not "the Bill Nelson backed"). */
const GIVEN_NAMES_ALSO_WORDS = new Set(['Bill']);

/** Whether `token`, such a word written in name case, opens a name: one more name word follows after one space. */
function givenNameBeforeName(token: string, text: string, at: number): boolean {
  if (!GIVEN_NAMES_ALSO_WORDS.has(token)) return false;
  const next = /^ ([A-Z][\p{L}'’-]+)/u.exec(text.slice(at + token.length, at + token.length + 40))?.[1];
  return next !== undefined && isNameWord(next);
}

/** A name's words, and where they stand in the text searched. */
export interface NameAt {
  name: string;
  start: number;
  end: number;
}

/**
 * The person's name that starts at `at`: 1 to 4 name words. It stops at a word that is not
 * a name, at punctuation, or at a gap of two or more spaces (where a scraper dropped a
 * comma or a parenthesis) unless the word before is an initial ("Barbara A  Mikulski").
 * An all-capitals name is put in name case.
 */
export function readName(text: string, at: number): NameAt | null {
  const word = /[\p{L}][\p{L}'’.-]*/uy;
  const words: { text: string; start: number; end: number }[] = [];
  let pos = at;
  while (words.length < 4) {
    word.lastIndex = pos;
    const m = word.exec(text);
    if (!m) break;
    const token = m[0].replace(/[.'’-]+$/, (tail) => (/^\.$/.test(tail) && m[0].length === 2 ? tail : ''));
    // A possessive ends the name: "HATCH'S FLAG-PROTECTION AMENDMENT" names Hatch.
    const possessive = /^(.+?)['’][sS]$/.exec(token)?.[1];
    if (!isNameWord(possessive ?? token) && !(words.length === 0 && givenNameBeforeName(token, text, m.index))) break;
    words.push({ text: possessive ?? token, start: m.index, end: m.index + (possessive ?? token).length });
    if (possessive) break;
    const gap = /^[ \t]*/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 8))?.[0] ?? '';
    const initial = /^[A-Z]\.?$/.test(token);
    if (gap.length === 0 || (gap.length >= 2 && !initial) || /\n/.test(gap)) break;
    pos = m.index + m[0].length + gap.length;
  }
  // A name does not end on an initial.
  while (words.length > 0 && /^[A-Z]\.?$/.test(words[words.length - 1]?.text ?? '')) words.pop();
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return null;
  return { name: nameCase(text.slice(first.start, last.end).replace(/\s+/g, ' ')), start: first.start, end: last.end };
}
