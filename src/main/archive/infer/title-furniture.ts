/**
 * Lines that stand where a headline might but are the page's furniture: an address, an
 * organisation's name alone (a letterhead, a printer's imprint, a court's caption), a
 * running header with its page number, a breadcrumb or section kicker, a citation cut
 * mid-parenthesis, a form number, a line holding a web or mail address, a lead sentence.
 * And a title's site suffix (" | Los Angeles County District Attorney's Office").
 */

const ADDRESS =
  /\b\d{1,5}\s+(?:[A-Z][\w.'’]*\s+){0,4}(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Drive|Lane|Way|Place|Plaza|Square|Suite|Floor)\b\.?|\bP\.?\s?O\.?\s+Box\b|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b/i;
/** The last word of an organisation's name. */
const ORGANISATION_END =
  /\b(?:Office|Headquarters|Group|Department|Dept\.?|Court|Agency|Ministry|Bureau|Service|Services|Police|Council|Commission|Committee|Senate|University|College|Institute|Inc\.?|Ltd\.?|LLC|Company|Corporation|District|Division|Unit|Branch|Centre|Center|Authority|Board|Foundation|Association|Society|Administration|United States|Attorney)$/i;
const MINOR = /^(?:of|the|and|for|in|on|at|to|&|de|du|la|le|des|y|e)$/i;
const RUNNING_HEADER = /\bPage\s+\d+(?:\s+of\s+\d+)?\b|^\s*-?\s*\d+\s*-?\s*$/i;
/** A breadcrumb or section kicker: short parts between dots or arrows ("Weekly · Public safety"). */
function isKicker(line: string): boolean {
  const parts = line.split(/\s[·•›»|>]\s/);
  return parts.length >= 2 && parts.every((p) => p.trim().split(/\s+/).length <= 4);
}
const WEB = /\bwww\.|https?:|\S@\S+\.\w/i;
const FORM_MARK = /\((?:R|Rev|Revised)\.?\s*\d/i;
/** A lead's sentence: a first person, or an official doing something today. */
const LEAD = /\b(?:I|we)\b|\b(?:today|yesterday)\s+(?:\w+ed|announce[sd]?|said|says|sent|made|wrote|spoke|issued)\b/;

/** Verbs of headlines: a line with one says something, it does not name an organisation. */
const HEADLINE_VERB =
  /\b(?:announce|applaud|seek|urge|call|join|introduce|unveil|secure|praise|welcome|express|comment|issue|say|question|hail|vow|ask|push|fight|request|demand|release|offer|support|lead|work|meet|visit|win|tour|host|vote|receive|congratulate|honor|pass|approve|award|fund|grant|get|open|close|launch|name|appoint|sentence|charge|dismiss|find|protect|help|bring|block|back|oppose|plan|begin)(?:s|es|ed|d)?\b/i;

/** A line that is an organisation's name and nothing else: every word capitalised or minor, ending in an organisation word. */
function isOrganisationName(line: string): boolean {
  const words = line.replace(/[,.:;]+$/, '').split(/\s+/);
  if (words.length > 9 || HEADLINE_VERB.test(line)) return false;
  const named = words.every((w) => MINOR.test(w) || /^[\p{Lu}\d(]/u.test(w));
  return named && ORGANISATION_END.test(line.replace(/[,.:;]+$/, '').replace(/\s+/g, ' '));
}

function bracketsBalanced(line: string): boolean {
  const count = (re: RegExp) => (line.match(re) ?? []).length;
  return count(/\(/g) === count(/\)/g) && count(/\[/g) === count(/\]/g);
}

/**
 * An imprint or a running head that names its issuer before a comma: "U.S. Census Bureau,
 * Statistical Abstract of the United States: 2012", "Drug Enforcement Administration, Justice".
 */
function isImprint(line: string): boolean {
  const comma = line.indexOf(', ');
  return comma > 0 && !HEADLINE_VERB.test(line) && isOrganisationName(line.slice(0, comma));
}

/** Whether a candidate headline is furniture instead. */
export function isFurniture(line: string): boolean {
  return (
    ADDRESS.test(line) ||
    isImprint(line) ||
    isOrganisationName(line) ||
    RUNNING_HEADER.test(line) ||
    isKicker(line) ||
    WEB.test(line) ||
    FORM_MARK.test(line) ||
    !bracketsBalanced(line)
  );
}

/** A lead's first sentence: where the body starts, and the search for a headline ends. */
export function isLeadSentence(line: string): boolean {
  return line.length > 120 && LEAD.test(line);
}

/**
 * Text extracted from a PDF glues a line to the next sentence: "Technology (FRT)This
 * document was current…". The headline ends at the glue.
 */
export function beforeGlue(line: string): string {
  const glue = /[a-z)\]][.)]?(?=[A-Z][a-z]+\s+[a-z])/.exec(line);
  return glue && glue.index > 10 ? line.slice(0, glue.index + glue[0].length) : line;
}

/**
 * A page title's site suffix: the last part after " | ", " - ", " – " or " — ", when it
 * names an organisation or the page writes it again elsewhere (its masthead or footer).
 */
export function withoutSiteSuffix(title: string, page: string): string {
  const m = /^(.{15,})\s+[|–—-]\s+([^|–—]{3,80})$/.exec(title);
  if (!m?.[1] || !m[2]) return title;
  const [head, tail] = [m[1].trim(), m[2].trim()];
  const elsewhere = page.indexOf(tail) >= 0 && page.indexOf(tail) !== page.indexOf(title) + title.lastIndexOf(tail);
  const organisation =
    ORGANISATION_END.test(tail) ||
    /\b(?:News|Times|Post|Journal|Herald|Tribune|Newscenter|NewsCenter|Review|Gazette)\b/.test(tail);
  return elsewhere || organisation || isOrganisationName(tail) ? head : title;
}

/**
 * A PDF's running head that starts with its page number: "206 Law Enforcement, Courts, and
 * Prisons". A number (not a year) and then only capitalised or minor words, without a verb
 * ("3 Senators Secure Funds" is a headline).
 */
export function isRunningHead(line: string): boolean {
  const m = /^(\d{1,4})\s+(\p{Lu}.*)$/u.exec(line);
  if (!m?.[1] || !m[2] || /^(?:1[89]|20)\d\d$/.test(m[1]) || HEADLINE_VERB.test(m[2])) return false;
  return m[2].split(/\s+/).every((w) => MINOR.test(w) || /^[\p{Lu}&]/u.test(w));
}
