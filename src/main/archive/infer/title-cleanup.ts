/**
 * A headline's own words, cleared of what scraping and page furniture leave around them:
 * curly quotes and apostrophes that a wrong decoding turned into "â" ("Alitoâs record",
 * "âInhofe Amendment…â?"), quotation marks around the whole headline, a "Media Release:"
 * label before it, and a contact line glued after it ("… Union Speech Contact Erin Rath").
 */

/**
 * UTF-8 curly quotes read as Windows-1252 and then stripped of their unprintable bytes
 * leave a lone "â": between a word and its contraction it was an apostrophe, before a word
 * an opening quote, after one (often with a "?" for the byte that had no character) a
 * closing one. Only these three places are repaired: "â" in a real word ("château") stays.
 */
export function repairedQuotes(text: string): string {
  if (!text.includes('â')) return text;
  return text
    .replace(/(?<=\p{L})â(?=(?:s|t|ll|re|ve|d|m)\b)/gu, '’')
    .replace(/(?<=^|[\s(])â(?=[\p{L}\p{N}])/gu, '“')
    .replace(/(?<=[\p{L}\p{N}.!?])â\??(?=$|[\s),.;:])/gu, '”');
}

const QUOTED = /^["“”'‘’](.+)["“”'‘’]$/su;

/** The headline without quotation marks around the whole of it (a quote inside stays). */
export function withoutWrappingQuotes(title: string): string {
  const m = QUOTED.exec(title);
  return m?.[1] && !/["“”]/.test(m[1]) ? m[1].trim() : title;
}

/** "Media Release: Nelson to vote no…", "Press Release - …": the label of the page, not the headline. */
const RELEASE_LABEL = /^(?:media|press|news)\s+(?:release|advisory|statement)s?\s*[:–—-]\s*/i;

/**
 * A contact line scraped onto the headline's line without its colon: "Senator Gregg Comments
 * On State Of The Union Speech Contact Erin Rath". The headline ends before "Contact" when a
 * capitalised name follows it.
 */
const GLUED_CONTACT =
  /\s+Contacts?:?\s+(?:\p{Lu}[\p{L}.'’-]*\s*){1,4}(?:(?:or|and|&)\s+(?:\p{Lu}[\p{L}.'’-]*\s*){1,4})?$/u;

/** The headline cleared of decoding damage, wrapping quotes, a release label and a glued contact. */
export function cleanHeadline(title: string): string {
  const repaired = withoutWrappingQuotes(repairedQuotes(title).trim());
  return repaired.replace(RELEASE_LABEL, '').replace(GLUED_CONTACT, '').trim();
}

/**
 * A page title's site marks that are not " | Site" or " - Site": a blog platform's
 * "Post @ Blog name :: Platform ::", and a site's name in brackets after the headline
 * ("欲張りなイヌ ＜福娘童話集 きょうのイソップ童話＞"). Each is dropped only when the page
 * writes the site's name again elsewhere (its masthead or breadcrumb), so a headline that
 * merely ends in brackets keeps them.
 */
export function withoutSiteMarks(title: string, page: string): string {
  const elsewhere = (name: string) => {
    const word = name.trim().split(/\s+/)[0] ?? '';
    return word.length >= 2 && page.split(word).length > 2;
  };
  let out = title.replace(/\s*::[^:]+::\s*$/u, '').trim();
  const at = /^(.+?)\s+@\s+([^@]+)$/u.exec(out);
  if (at?.[1] && at[2] && elsewhere(at[2])) out = at[1].trim();
  const bracketed = /^(.+?)\s*[＜<【〔［[]([^＞>】〕］\]]+)[＞>】〕］\]]\s*$/u.exec(out);
  if (bracketed?.[1] && bracketed[2] && elsewhere(bracketed[2])) out = bracketed[1].trim();
  return out || title;
}
