/**
 * Who issues a press release: the officials its lead names before its first verb
 * ("U.S. Senators Blanche Lincoln and Mark Pryor along with U.S. Representative Mike Ross
 * announced"), the official its site chrome names ("United States Senator Richard Shelby
 * Press Room"), and the family names its headline puts before a verb ("SEN. DURBIN, REP.
 * CROWLEY ANNOUNCE", "Durbin, Klobuchar Seek", "Senate Passes Kerry Legislation"), each
 * written in full where the text names the person in full.
 */
import { familyName, isNameWord, nameCase, readName, type NameAt } from './names.js';
import { isAllCaps } from './sentence-case.js';
import { sourceAt } from './page-text.js';
import { faceText, finding, type Finding, type InferInput } from './types.js';

/** Titles that introduce an issuing official; "U.S." and "State" may precede them. */
const TITLE = String.raw`(?:U\.?\s{0,2}S\.?\s+)?(?:SENS?\b\.?|Sens?\b\.?|SENATORS?|Senators?|REPS?\b\.?|Reps?\b\.?|Representative|Congress(?:wo)?man|Governor|Gov\.|Mayor|(?:Majority |Minority |Republican |Democratic )?Leader|District Attorney|State'?s Attorney|Attorney General)`;
const TITLED = new RegExp(String.raw`\b${TITLE}\s+`, 'g');
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
  String.raw`\b(?:Passes|Approves|Adopts|Clears)\s+([A-Z][\p{L}'’-]+(?:(?:\s*,\s*|\s+and\s+|\s{2,})[A-Z][\p{L}'’-]+){0,2})\s+(?:Bipartisan\s+)?(?:Bill|Legislation|Amendment|Resolution|Measure)\b`,
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
      const joined = /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)/.exec(text.slice(name.end, name.end + 12));
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

/** The headline's family names before its verb, when the body writes each of them again. */
function headlineFamilies(text: string, limit: number): NameAt[] {
  for (const piece of text.slice(0, Math.min(limit, 700)).matchAll(/[^\n]+?(?=\s{3,}|\n|$)/g)) {
    const line = piece[0].replace(/^[\s\d]*(?:FOR IMMEDIATE RELEASE|Press Release)?[\s:]*/i, '');
    const lineStart = piece.index + piece[0].length - line.length;
    const m = HEADLINE_NAMES.exec(line) ?? PASSES.exec(line);
    if (!m?.[1]) continue;
    const body = text.slice(lineStart + m.index + m[0].length);
    const out: NameAt[] = [];
    let at = lineStart + m.index + m[0].indexOf(m[1]);
    const parts = m[1].split(/(\s*,\s*|\s+and\s+|\s*&\s*|\s+)/);
    // Every word before the verb must be a name or a title: "VETERAN'S HISTORY PROJECT RECEIVES" names no one.
    const isTitle = (w: string) => new RegExp(String.raw`^${TITLE}$`, 'i').test(w);
    if (parts.some((w, i) => i % 2 === 0 && !isTitle(w) && !isNameWord(readName(w, 0)?.name ?? ''))) continue;
    for (const word of parts) {
      const cased = readName(word, 0)?.name;
      const again =
        cased && cased.length > 2 && !cased.includes(' ') && new RegExp(String.raw`\b${cased}\b`).test(body);
      if (again && !new RegExp(String.raw`^${TITLE}$`, 'i').test(word))
        out.push({ name: cased, start: at, end: at + word.length });
      at += word.length;
    }
    if (out.length) return out;
  }
  return [];
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

export function releaseIssuers(input: InferInput): Finding[] {
  const text = faceText(input);
  const limit = Math.min(text.length, 2500);
  const titled = titledNames(text, limit);
  const run = leadRun(text, titled);
  const families = headlineFamilies(text, limit);
  const all = [...run, ...families].map((n) => inFull(n, titled, text.slice(0, limit)));
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
  const kept = sound.filter((n, i) => sound.findIndex((o) => familyName(o.name) === familyName(n.name)) === i);
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
