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
