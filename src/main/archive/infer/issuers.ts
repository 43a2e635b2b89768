/**
 * Who issues a press release: the officials its lead names before its first verb
 * ("U.S. Senators Blanche Lincoln and Mark Pryor along with U.S. Representative Mike Ross
 * announced"), the official its site chrome names ("United States Senator Richard Shelby
 * Press Room"), and the family names its headline puts before a verb ("SEN. DURBIN, REP.
 * CROWLEY ANNOUNCE", "Durbin, Klobuchar Seek", "Senate Passes Kerry Legislation"), each
 * written in full where the text names the person in full.
 */
import { familyName, isNameWord, nameCase, readName, type NameAt } from './names.js';
import { isListing } from './listing.js';
import { isAllCaps } from './sentence-case.js';
import { isTablePage } from './tabular.js';
import { sourceAt } from './page-text.js';
import { faceText, finding, type Finding, type InferInput } from './types.js';

/** Titles that introduce an issuing official; "U.S." and "State" may precede them. */
const TITLE = String.raw`(?:U\.?\s{0,2}S\.?\s+)?(?:SENS?\b\.?|Sens?\b\.?|SENATORS?|Senators?|REPS?\b\.?|Reps?\b\.?|Representative|Congress(?:wo)?man|Governor|Gov\.|Mayor|(?:Majority |Minority |Republican |Democratic )?Leader|District Attorney|State'?s Attorney|Attorney General)`;
const TITLED = new RegExp(String.raw`\b${TITLE}\s+`, 'g');
const ONLY_TITLE = new RegExp(String.raw`^${TITLE}$`, 'i');
const isTitle = (word: string) => ONLY_TITLE.test(word);
/** What ends a lead's run of names: its verb, or a date or dateline. */
const LEAD_VERB =
  /\b(?:today|announced?|announces|applaud(?:ed|s)?|praised?|said|says|introduced?|urged?|urges|called|calls|joined|joins|secured|secures|released|sent|sends|welcomed|hailed|unveil(?:ed|s)?|expressed|issued|made|wrote|spoke|hosted|seeks?|sought|will|has|have|is|are|was|were)\b/;
/** Verbs a headline puts after its issuers' family names. */
const HEADLINE_VERB = String.raw`(?:Announce|Applaud|Seek|Urge|Call|Join|Introduce|Unveil|Secure|Praise|Welcome|Express|Comment|Issue|Say|Question|Hail|Vow|Ask|Push|Fight|Request|Demand|Release|Offer|Support|Lead|Work|Cosponsor|Meet|Visit|Win|Tour|Host|React|Respond|Vote|Receive|Congratulate|Honor|Statement|Bill|Legislation|Amendment|Resolution)(?:e?s)?\b`;
const HEADLINE_NAMES = new RegExp(
  String.raw`^(?:${TITLE}\s+)?([A-Z][\p{L}'’-]+(?:(?:\s*,\s*|\s+and\s+|\s*&\s*|\s{2,}|\s+)(?:${TITLE}\s+)?[A-Z][\p{L}'’-]+){0,3})\s+${HEADLINE_VERB}`,
  'iu',
);
const PASSES = new RegExp(
  String.raw`\b(?:Passes|Approves|Adopts|Clears)\s+([A-Z][\p{L}'’-]+(?:(?:\s*,\s*|\s+and\s+|\s{1,})[A-Z][\p{L}'’-]+){0,2})\s+(?:(?:Bipartisan|Senate|House|Joint)\s+){0,2}(?:Bill|Legislation|Amendment|Resolution|Measure)\b`,
  'u',
);

/**
 * The titled officials of the head, in order, with the offset each title starts at; names
 * joined to a titled one ("Senators Olympia J. Snowe and Susan Collins") are read too.
 */
function titledNames(text: string, limit: number): (NameAt & { title: number })[] {
  const out: (NameAt & { title: number })[] = [];
  for (const m of text.slice(0, limit).matchAll(TITLED)) {
    let name = readName(text, m.index + m[0].length);
    while (name && name.end <= limit) {
      // In a headline in capitals a name is one word: "SEN. CRAIG ACCEPTING APPLICATIONS".
      if (name.name.includes(' ') && isAllCaps(text.slice(name.start, name.end + 30))) {
        const first = /^\S+/.exec(text.slice(name.start))?.[0] ?? '';
        name = { name: nameCase(first), start: name.start, end: name.start + first.length };
      }
      out.push({ ...name, title: m.index });
      // "and" in any case: a headline in capitals joins its officials with "AND".
      const joined = /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)/i.exec(text.slice(name.end, name.end + 12));
      name = joined ? readName(text, name.end + joined[0].length) : null;
    }
  }
  return out;
}

/** The first run of titled names not broken by a verb: the lead's issuers (or the chrome's). */
function leadRun(text: string, names: (NameAt & { title: number })[]): NameAt[] {
  const run: NameAt[] = [];
  for (const n of names) {
    const previous = run[run.length - 1];
    if (previous) {
      const between = text.slice(previous.end, n.title);
      if (LEAD_VERB.test(between) || between.split(/\s+/).length > 30) break;
    }
    run.push(n);
  }
  return run;
}

const BODY_CHARS = 5000;

/** The headline's family names before its verb, when the body writes each of them again. */
function headlineFamilies(text: string, limit: number): NameAt[] {
  // The head's lines; scrapers write runs of spaces where lines ended. (Split, not a lazy
  // pattern with a look-ahead at every character: this runs on every release.)
  let offset = 0;
  for (const part of text.slice(0, Math.min(limit, 700)).split(/(\s{3,}|\n)/)) {
    const pieceStart = offset;
    offset += part.length;
    if (part === '' || /^\s+$/.test(part)) continue;
    const line = part.replace(/^[\s\d]*(?:FOR IMMEDIATE RELEASE|Press Release)?[\s:]*/i, '');
    const lineStart = pieceStart + part.length - line.length;
    const m = HEADLINE_NAMES.exec(line) ?? PASSES.exec(line);
    if (!m?.[1]) continue;
    // The lead and the paragraphs after it: where a release writes its issuers' names again.
    const body = text.slice(lineStart + m.index + m[0].length, lineStart + m.index + m[0].length + BODY_CHARS);
    const out: NameAt[] = [];
    let at = lineStart + m.index + m[0].indexOf(m[1]);
    const parts = m[1].split(/(\s*,\s*|\s+and\s+|\s*&\s*|\s+)/i);
    // Every word before the verb must be a name or a title: "VETERAN'S HISTORY PROJECT RECEIVES" names no one.
    if (parts.some((w, i) => i % 2 === 0 && !isTitle(w) && !isNameWord(readName(w, 0)?.name ?? ''))) continue;
    for (const word of parts) {
      const cased = readName(word, 0)?.name;
      const again =
        cased &&
        cased.length > 2 &&
        !cased.includes(' ') &&
        (new RegExp(String.raw`\b${cased}\b`).test(body) || writtenAsName(cased, body));
      if (again && !isTitle(word)) out.push({ name: cased, start: at, end: at + word.length });
      at += word.length;
    }
    if (out.length) return out;
  }
  return [];
}

/**
 * Whether the body writes `word` as a name: capitalised, whatever the rest's case
 * ("DeWine" for "DEWINE"), and not only where a sentence starts ("Joint", "Delegation").
 */
function writtenAsName(word: string, body: string): boolean {
  for (const m of body.matchAll(new RegExp(String.raw`\b${word}\b`, 'gi'))) {
    const sentenceStart = /(?:^|[.!?"“]\s*|\n\s*)$/.test(body.slice(Math.max(0, m.index - 3), m.index));
    if (/^\p{Lu}/u.test(m[0]) && m[0] !== m[0].toUpperCase() && !sentenceStart) return true;
  }
  return false;
}

/** "Lincoln" as "Blanche Lincoln" where the text names a person in full with that family name. */
function inFull(family: NameAt, full: NameAt[], text: string): NameAt {
  const key = familyName(family.name);
  const titled = full.find((n) => n.name.includes(' ') && familyName(n.name) === key);
  if (titled || family.name.includes(' ')) return titled ?? family;
  // Untitled in the lead: "and Bob Casey, the junior Senator from Pennsylvania".
  const escaped = family.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of text.matchAll(new RegExp(String.raw`\b([A-Z][a-z]+(?:\s{1,2}[A-Z]\.?)?)\s{1,2}${escaped}\b`, 'g'))) {
    const name = readName(text, m.index);
    if (name && familyName(name.name) === key && name.name.includes(' ')) return name;
  }
  return family;
}

/**
 * A name as a headline in capitals glues words to it: a possessive and what it owns
 * ("SEN. SANDERS' CLEAN POWER ACT"), a participle after a hyphen ("SEN. KYL-BACKED BILL").
 */
function withoutHeadlineGlue(name: string): string {
  return name
    .replace(/['’]s?(?:\s.*)?$/u, '')
    .replace(/-(?:backed|led|sponsored|authored|drafted|supported|passed|championed|proposed)$/i, '');
}

export function releaseIssuers(input: InferInput): Finding[] {
  // An index of releases names its office's official on every item: it issues none of them here.
  if (isListing(input) || isTablePage(faceText(input))) return [];
  const text = faceText(input);
  const limit = Math.min(text.length, 2500);
  const titled = titledNames(text, limit);
  const run = leadRun(text, titled);
  const families = headlineFamilies(text, limit);
  // A headline that names its issuers names them all ("Klobuchar Announces…" though Cantwell
  // joins her in the lead); without one, the lead's run of officials issues the release.
  const all = (families.length ? families : run).map((n) =>
    inFull({ ...n, name: withoutHeadlineGlue(n.name) }, titled, text.slice(0, limit)),
  );
  // A name that is another's first word ("Mark" beside "Mark Pryor"), or whose first word is
  // another's family name ("Craig Accepting Applications" beside "Larry Craig"), is a misreading.
  const firstWord = (n: NameAt) => n.name.split(' ')[0]?.toLowerCase() ?? '';
  const sound = all.filter(
    (n) =>
      !all.some(
        (o) =>
          o !== n &&
          o.name.includes(' ') &&
          ((!n.name.includes(' ') && firstWord(o) === n.name.toLowerCase()) ||
            (n.name.includes(' ') && familyName(o.name) === firstWord(n))),
      ),
  );
  const bare = sound.map((n) => ({ ...n, name: withoutHeadlineGlue(n.name) })).filter((n) => n.name.length > 1);
  const kept = bare.filter((n, i) => bare.findIndex((o) => familyName(o.name) === familyName(n.name)) === i);
  const first = run[0] ?? families[0];
  if (kept.length === 0 || !first) return [];
  return [
    finding(
      'authors',
      kept.map((n) => n.name),
      0.8,
      'release-issuer',
      sourceAt(text, 1, first.start, first.end),
    ),
  ];
}
