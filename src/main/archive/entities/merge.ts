/**
 * mergeEntities: mentions into people and organisations with their aliases. Only sure
 * merges are made: the same name give or take titles, initials and company endings; a
 * surname when one person of that name is known; an acronym the text defines or whose
 * expansion is the only one. A merge that could be wrong is returned as a suggestion.
 */
import { acronymOf, familyName, givenNames, isSurnameOf, nameKey } from './names.js';
import { isAcronym } from './runs.js';
import type { Entity, EntityType, MergeResult, MergeSuggestion, Mention } from './types.js';

interface Group {
  type: EntityType;
  mentions: Mention[];
}

const clean = (text: string): string => text.replace(/[’']s$/, '').replace(/\s+/g, ' ');
const words = (text: string): number => text.split(' ').length;

function bestName(group: Group): string {
  const forms = group.mentions.map((m) => clean(m.text)).filter((t) => group.type === 'person' || !isAcronym(t));
  const pool = forms.length ? forms : group.mentions.map((m) => clean(m.text));
  // The most words, then mixed case over a headline's capitals, then the longest.
  const rank = (t: string) => words(t) * 1000 + (t === t.toUpperCase() ? 0 : 500) + t.length;
  return pool.reduce((a, b) => (rank(b) > rank(a) ? b : a));
}

function toEntity(group: Group): Entity {
  const name = bestName(group);
  const aliases = [...new Set(group.mentions.map((m) => clean(m.text)))].filter((a) => a !== name).sort();
  const roles = [...new Set(group.mentions.map((m) => m.role).filter((r): r is string => !!r))].sort();
  return { name, type: group.type, aliases, roles, mentions: group.mentions };
}

/** A person's key: given names and family name, initials and titles aside. */
const personKey = (name: string): string => [...givenNames(name), familyName(name)].join(' ');

function mergePeople(mentions: Mention[], suggestions: MergeSuggestion[]): Group[] {
  const full = new Map<string, Group>();
  const single: Mention[] = [];
  for (const m of mentions) {
    if (!clean(m.text).includes(' ')) {
      single.push(m);
      continue;
    }
    const key = personKey(clean(m.text));
    const group = full.get(key) ?? { type: 'person', mentions: [] };
    group.mentions.push(m);
    full.set(key, group);
  }
  const groups = [...full.values()];
  const alone = new Map<string, Group>();
  for (const m of single) {
    const holders = groups.filter((g) => g.mentions.some((x) => isSurnameOf(clean(m.text), clean(x.text))));
    const inDocument = holders.filter((g) => g.mentions.some((x) => x.document === m.document));
    const pick = inDocument.length === 1 ? inDocument : inDocument.length === 0 && holders.length === 1 ? holders : [];
    if (pick[0]) {
      pick[0].mentions.push(m);
      continue;
    }
    const key = clean(m.text).toLowerCase();
    const group = alone.get(key) ?? { type: 'person', mentions: [] };
    group.mentions.push(m);
    if (!alone.has(key)) {
      alone.set(key, group);
      for (const h of holders)
        suggestions.push({
          type: 'person',
          names: [bestName(group), bestName(h)],
          reason: `${holders.length} people named ${clean(m.text)}`,
        });
    }
  }
  // Same family name, given names one the start of the other ("Jon"/"Jonathan"): maybe one person.
  const names = groups.map(bestName);
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) {
      const [a, b] = [names[i] ?? '', names[j] ?? ''];
      const [ga, gb] = [givenNames(a)[0] ?? '', givenNames(b)[0] ?? ''];
      if (familyName(a) === familyName(b) && ga && gb && (ga.startsWith(gb) || gb.startsWith(ga)))
        suggestions.push({ type: 'person', names: [a, b], reason: 'same family name, given names alike' });
    }
  return [...groups, ...alone.values()];
}

function mergeOrgs(mentions: Mention[], suggestions: MergeSuggestion[]): Group[] {
  const byKey = new Map<string, Group>();
  const acronyms: Mention[] = [];
  for (const m of mentions) {
    if (isAcronym(m.text) && !m.text.includes(' ')) {
      acronyms.push(m);
      continue;
    }
    const key = nameKey(m.text);
    const group = byKey.get(key) ?? { type: 'org', mentions: [] };
    group.mentions.push(m);
    byKey.set(key, group);
  }
  const groups = [...byKey.values()];
  const alone = new Map<string, Group>();
  for (const m of acronyms) {
    const defined = m.expands ? byKey.get(nameKey(m.expands)) : undefined;
    const matching = defined ? [defined] : groups.filter((g) => acronymOf(bestName(g)) === m.text.replace(/\./g, ''));
    if (matching.length === 1 && matching[0]) {
      matching[0].mentions.push(m);
      continue;
    }
    const group = alone.get(m.text) ?? { type: 'org', mentions: [] };
    group.mentions.push(m);
    if (!alone.has(m.text)) {
      alone.set(m.text, group);
      for (const g of matching)
        suggestions.push({
          type: 'org',
          names: [m.text, bestName(g)],
          reason: `${matching.length} names abbreviate to ${m.text}`,
        });
    }
  }
  // "Judiciary Committee" inside "Senate Judiciary Committee": likely the same body, not surely.
  for (const a of groups)
    for (const b of groups) {
      const [ka, kb] = [nameKey(bestName(a)), nameKey(bestName(b))];
      if (a !== b && ka.includes(' ') && kb.endsWith(' ' + ka))
        suggestions.push({ type: 'org', names: [bestName(a), bestName(b)], reason: 'one name ends the other' });
    }
  return [...groups, ...alone.values()];
}

export function mergeEntities(mentions: readonly Mention[]): MergeResult {
  const suggestions: MergeSuggestion[] = [];
  const groups = [
    ...mergePeople(
      mentions.filter((m) => m.type === 'person'),
      suggestions,
    ),
    ...mergeOrgs(
      mentions.filter((m) => m.type === 'org'),
      suggestions,
    ),
  ];
  const entities = groups
    .map(toEntity)
    .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
  return { entities, suggestions };
}
