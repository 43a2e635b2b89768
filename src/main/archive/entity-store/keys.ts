/**
 * How a name's form is keyed across the archive, and the names a document's metadata already
 * gives. Pure: the linking (link.ts) looks these keys up in `entity_keys`.
 */
import type { DocumentRecord } from '../../../shared/document.js';
import type { EntityType, KnownNames } from '../entities/index.js';
import { CORPORATE_SUFFIXES, ORG_HEADS } from '../entities/lexicon.js';
import { acronymOf, familyName, givenNames, nameKey } from '../entities/names.js';
import { isAcronym } from '../entities/runs.js';

/** Bumped when the engine's rules change, so `entities --extract` knows which documents to read again. */
export const ENGINE_VERSION = 'entities-1';

/** A mention's words as a name: no possessive, one space between words. */
export const cleanForm = (text: string): string =>
  text
    .replace(/[’']s$/, '')
    .replace(/\s+/g, ' ')
    .trim();

const isBareAcronym = (form: string): boolean => !form.includes(' ') && isAcronym(form);

/**
 * The key of one form of a name: "p:edward markey" (a person's given and family names,
 * initials aside), "s:markey" (a surname alone), "o:los angeles police department" (an
 * organisation's name, case and company endings aside), "a:LAPD" (an acronym).
 */
export function formKey(type: EntityType, form: string): string {
  if (type === 'person') {
    if (!form.includes(' ')) return `s:${form.toLowerCase()}`;
    return `p:${[...givenNames(form), familyName(form)].join(' ')}`;
  }
  return isBareAcronym(form) ? `a:${form.replace(/\./g, '')}` : `o:${nameKey(form)}`;
}

/** What a new entity of this name is found by: a full name's family name, a long name's acronym. */
export function lookupFields(type: EntityType, name: string): { family: string | null; acronym: string | null } {
  if (type === 'person') return { family: name.includes(' ') ? familyName(name) : null, acronym: null };
  return { family: null, acronym: isBareAcronym(name) ? null : acronymOf(name) || null };
}

/** Which form names an entity best: the most words, mixed case over capitals, then the longest. */
export const nameRank = (name: string): number =>
  name.split(' ').length * 1000 + (name === name.toUpperCase() ? 0 : 500) + name.length;

const looksLikeOrg = (name: string): boolean =>
  name.split(/\s+/).some((w) => ORG_HEADS.has(w) || CORPORATE_SUFFIXES.has(w.replace(/,$/, '')));

/** The names the document's metadata gives (authors, recipients, organisation), by kind. */
export function knownNamesOf(doc: Pick<DocumentRecord, 'authors' | 'recipients' | 'organization'>): KnownNames {
  const named = [...doc.authors, ...doc.recipients].map((n) => n.trim()).filter(Boolean);
  return {
    people: named.filter((n) => !looksLikeOrg(n)),
    organizations: [...named.filter(looksLikeOrg), ...(doc.organization ? [doc.organization] : [])],
  };
}
