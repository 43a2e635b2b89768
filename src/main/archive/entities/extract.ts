/**
 * extractMentions: every place a document's pages name a person or an organisation, with
 * page and character offsets. Names already known for the document (its metadata) are
 * found wherever they are written; surnames and acronyms standing alone count once the
 * document has named the person or the organisation in full.
 */
import { classifyRun } from './classify.js';
import { acronymOf, isSurnameOf, nameKey } from './names.js';
import { findRuns, isAcronym } from './runs.js';
import { tokenize, type Token } from './tokens.js';
import type { KnownNames, Mention, PageText } from './types.js';

const SENATE_TITLE = /^(SEN\.?|SENS\.?|SENATOR|SENATORS|Sen\.|Sens\.|Senator|Senators)$/;

/** Two to four capitalised words: "All sworn and civilian personnel" is a recipient, not a name. */
const isPersonName = (name: string): boolean => /^(\p{Lu}[\p{L}.'’-]*\s+){1,3}\p{Lu}[\p{L}'’-]+$/u.test(name);

interface PageWork {
  page: PageText;
  tokens: Token[];
  found: Mention[];
  loose: Mention[];
}

const wordAt = (text: string, start: number, end: number): boolean =>
  !/[\p{L}\p{N}]/u.test(text[start - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(text[end] ?? ' ');

function knownMentions(page: PageText, known: KnownNames): Mention[] {
  const out: Mention[] = [];
  const lists = [
    ['person', known.people ?? []],
    ['org', known.organizations ?? []],
  ] as const;
  for (const [type, names] of lists) {
    for (const name of names) {
      if (name.trim().length < 2 || (type === 'person' && !isPersonName(name))) continue;
      for (let at = page.text.indexOf(name); at >= 0; at = page.text.indexOf(name, at + name.length)) {
        if (wordAt(page.text, at, at + name.length))
          out.push({ page: page.page, start: at, end: at + name.length, text: name, type, role: null });
      }
    }
  }
  return out;
}

function firstPass(page: PageText): PageWork {
  const tokens = tokenize(page.text);
  const index = new Map(tokens.map((t, i) => [t, i]));
  const work: PageWork = { page, tokens, found: [], loose: [] };
  for (const run of findRuns(tokens)) {
    const at = run.after ? index.get(run.after) : undefined;
    const next = at === undefined ? null : (tokens[at + 1] ?? null);
    const typed = classifyRun(page.page, page.text, run, next);
    work.found.push(...typed.mentions);
    work.loose.push(...typed.loose);
  }
  // "SEN. FEINSTEIN ISSUES STATEMENT": a headline's surname after a senator's title.
  tokens.forEach((t, i) => {
    const name = tokens[i + 1];
    if (SENATE_TITLE.test(t.text) && name && !name.gapBefore && /^\p{Lu}{3,}$/u.test(name.text))
      work.loose.push({
        page: page.page,
        start: name.start,
        end: name.end,
        text: name.text,
        type: 'person',
        role: t.text,
      });
  });
  // "… Agency (EPA)": the acronym in brackets after an organisation's name.
  for (const org of work.found.filter((m) => m.type === 'org')) {
    const i = tokens.findIndex((t) => t.start >= org.end);
    const [open, acr, close] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (open?.text === '(' && acr && close?.text === ')' && isAcronym(acr.text))
      work.found.push({ ...org, start: acr.start, end: acr.end, text: acr.text, expands: org.text });
  }
  return work;
}

/** Keeps the longest of overlapping mentions, a known name before anything found. */
function withoutOverlaps(mentions: Mention[]): Mention[] {
  const sorted = [...mentions].sort((a, b) => a.page - b.page || a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && last.page === m.page && m.start < last.end) {
      // A known name found again by the rules keeps the title the rules saw before it.
      if (last.start === m.start && last.end === m.end && !last.role && m.role)
        out[out.length - 1] = { ...last, role: m.role };
      continue;
    }
    out.push(m);
  }
  return out;
}

export function extractMentions(pages: readonly PageText[], known: KnownNames = {}): Mention[] {
  const work = pages.map(firstPass);
  const all = work.flatMap((w) => [...knownMentions(w.page, known), ...w.found]);
  const people = all.filter((m) => m.type === 'person' && m.text.includes(' ')).map((m) => m.text);
  people.push(...(known.people ?? []).filter(isPersonName));
  const fullNames = new Set(people);
  const orgs = all.filter((m) => m.type === 'org');
  // An acronym the text defines says what it expands to; one read off initials leaves that to the merge.
  const acronyms = new Map<string, string | undefined>();
  for (const name of [...orgs.filter((o) => !isAcronym(o.text)).map((o) => o.text), ...(known.organizations ?? [])])
    acronyms.set(acronymOf(name), undefined);
  for (const org of orgs) if (org.expands) acronyms.set(org.text, org.expands);
  const orgKeys = new Set(orgs.filter((o) => !isAcronym(o.text)).map((o) => nameKey(o.text)));
  const second: Mention[] = [];
  for (const w of work) {
    for (const m of w.loose) {
      if (fullNames.has(m.text)) second.push({ ...m, type: 'person' });
      else if (m.text.includes(' ') && orgKeys.has(nameKey(m.text))) second.push({ ...m, type: 'org' });
      else if (!m.text.includes(' ') && people.some((p) => isSurnameOf(m.text, p)))
        second.push({ ...m, type: 'person' });
      else if (
        !m.text.includes(' ') &&
        m.role &&
        !people.some((p) => p.toLowerCase().startsWith(m.text.toLowerCase() + ' '))
      )
        second.push({ ...m, type: 'person' });
    }
    for (const t of w.tokens) {
      if (
        !isAcronym(t.text) ||
        !acronyms.has(t.text) ||
        orgs.some((o) => o.page === w.page.page && o.start === t.start)
      )
        continue;
      const expands = acronyms.get(t.text);
      const found: Mention = { page: w.page.page, start: t.start, end: t.end, text: t.text, type: 'org', role: null };
      second.push(expands ? { ...found, expands } : found);
    }
  }
  return withoutOverlaps([...all, ...second]);
}
