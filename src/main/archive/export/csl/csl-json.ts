/**
 * Document metadata to CSL-JSON, the input every CSL processor and reference manager
 * reads. Types map to what a citation style knows how to print (a letter names its
 * recipient, a newspaper article its paper); people's names are split into family and
 * given, organisations kept whole as literals so no style turns "New Zealand Police"
 * into "Police, N. Z.".
 */
import type { DocumentRecord, DocumentType } from '../../../../shared/document.js';

export interface CslName {
  family?: string;
  given?: string;
  suffix?: string;
  'non-dropping-particle'?: string;
  literal?: string;
}

export interface CslDate {
  'date-parts': number[][];
}

/** The CSL-JSON fields Exhibit fills. */
export interface CslItem {
  id: string;
  type: string;
  title: string;
  genre?: string;
  author?: CslName[];
  recipient?: CslName[];
  issued?: CslDate;
  publisher?: string;
  'container-title'?: string;
  URL?: string;
  abstract?: string;
  medium?: string;
}

/** CSL type and genre for each document type. */
const TYPES: Record<DocumentType, { type: string; genre?: string }> = {
  statement: { type: 'speech', genre: 'Statement' },
  letter: { type: 'letter', genre: 'Letter' },
  // CSL has no memo type; the legal style prints a report with a recipient as "Memorandum from A to B".
  memo: { type: 'report', genre: 'Memorandum' },
  email: { type: 'personal_communication', genre: 'Email' },
  article: { type: 'article-newspaper' },
  report: { type: 'report' },
  // Not "interview": APA would call a transcript in the bundle an unrecoverable personal communication.
  transcript: { type: 'speech', genre: 'Transcript' },
  other: { type: 'document' },
};

/** The id a document's CSL item has in every export. */
export function cslId(documentId: number): string {
  return `doc-${documentId}`;
}

const ORGANISATION =
  /\b(inc|llc|llp|ltd|plc|corp|corporation|company|co|department|dept|office|police|committee|senate|house|council|agency|university|college|school|association|ministry|government|commission|bureau|service|services|court|foundation|institute|center|centre|board|authority|union|party|group|press|news|times|post|network|project|league|society|organi[sz]ation|administration|division|unit|force|army|navy|city|county|state|states|republic|nations|federal|national|international|of|the|and|for|staff)\b/i;
const SUFFIX = /^(jr\.?|sr\.?|ii|iii|iv|esq\.?)$/i;
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'la',
  'le',
  'del',
  'della',
  'dos',
  'das',
  'ter',
  'ten',
  'bin',
  'al',
]);

/**
 * A name as CSL wants it. "Jane Roe" and "Roe, Jane" become family and given;
 * anything that reads like an organisation, an address or a single word stays literal.
 */
export function parseName(raw: string): CslName | null {
  let name = raw.replace(/\s+/g, ' ').trim();
  // "Jane Roe <jane@example.org>" (email headers): the display name, else the address.
  const angle = /^(.*?)\s*<([^>]*)>$/.exec(name);
  if (angle) name = (angle[1] ?? '').replace(/^"|"$/g, '').trim() || (angle[2] ?? '').trim();
  if (name === '') return null;
  if (/[&@/\d()]/.test(name) || ORGANISATION.test(name)) return { literal: name };
  const comma = name.split(',').map((part) => part.trim());
  if (comma.length === 2 && comma[0] && comma[1] && !SUFFIX.test(comma[1]) && !comma[0].includes(' ')) {
    return { family: comma[0], given: comma[1] };
  }
  const words = name.replace(/,/g, ' ').split(' ').filter(Boolean);
  let suffix: string | undefined;
  if (words.length > 2 && SUFFIX.test(words[words.length - 1] ?? '')) suffix = words.pop();
  const capitalised = words.every((w) => /^\p{Lu}/u.test(w) || PARTICLES.has(w.toLowerCase()));
  if (words.length < 2 || words.length > 4 || !capitalised) return { literal: name };
  const family = words.pop() as string;
  const particles: string[] = [];
  while (words.length > 1 && PARTICLES.has((words[words.length - 1] ?? '').toLowerCase()))
    particles.unshift(words.pop() as string);
  return {
    family,
    given: words.join(' '),
    ...(particles.length ? { 'non-dropping-particle': particles.join(' ') } : {}),
    ...(suffix ? { suffix } : {}),
  };
}

function names(values: readonly string[]): CslName[] {
  return values.map(parseName).filter((n): n is CslName => n !== null);
}

/** `2020-11-13` to `{date-parts: [[2020, 11, 13]]}` with its precision kept. */
export function cslDate(date: string | null): CslDate | undefined {
  if (!date) return undefined;
  const parts = date
    .split('-')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  return parts.length ? { 'date-parts': [parts.slice(0, 3)] } : undefined;
}

/** The CSL-JSON item for a document. */
export function toCslItem(doc: DocumentRecord): CslItem {
  const mapping = TYPES[doc.type] ?? TYPES.other;
  const item: CslItem = { id: cslId(doc.id), type: mapping.type, title: doc.title };
  if (mapping.genre) item.genre = mapping.genre;
  let author = names(doc.authors);
  const organization = doc.organization?.trim() || null;
  // With no person named, the organisation is the author (APA's group author).
  if (author.length === 0 && organization) author = [{ literal: organization }];
  if (author.length) item.author = author;
  const recipient = names(doc.recipients);
  if (recipient.length) item.recipient = recipient;
  const issued = cslDate(doc.date);
  if (issued) item.issued = issued;
  const source = doc.source?.trim() || null;
  if (mapping.type === 'article-newspaper') {
    if (source) item['container-title'] = source;
    if (organization && doc.authors.length) item.publisher = organization;
  } else {
    const publisher = source ?? (doc.authors.length ? organization : null);
    if (publisher) item.publisher = publisher;
  }
  if (doc.url) item.URL = doc.url;
  if (doc.description) item.abstract = doc.description;
  return item;
}

/**
 * What a style will have to fall back on for this document ("n.d.", the title for the
 * author). `cited` is the style's rendered citations and reference for it: a style such as
 * MLA leaves a missing date out rather than writing "n.d.", and the warning must not claim it.
 */
export function missingForCitation(doc: DocumentRecord, cited: string): string[] {
  const missing: string[] = [];
  if (!doc.date)
    missing.push(cited.includes('n.d.') ? 'no date (cited as "n.d.")' : 'no date on its face (cited without one)');
  if (doc.authors.length === 0 && !doc.organization?.trim()) missing.push('no author (cited by its title)');
  return missing;
}
