/** One test per rule of extraction and merging, on short pages written for the rule. */
import { describe, expect, it } from 'vitest';
import { extractMentions, mergeEntities, type Entity, type KnownNames } from '../../src/main/archive/entities/index.js';

function read(text: string, known: KnownNames = {}) {
  const mentions = extractMentions([{ page: 1, text }], known);
  for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  return { mentions, ...mergeEntities(mentions) };
}

const named = (entities: Entity[], name: string): Entity | undefined => entities.find((e) => e.name === name);

describe('entity rules', () => {
  it('strips a title into the role and attaches the full name and the surname to one person', () => {
    const text =
      'Deputy Chief John McMahon signed the memo. John McMahon wrote to all officers. McMahon said the department would review it.';
    const { entities } = read(text);
    const mcmahon = named(entities, 'John McMahon');
    expect(mcmahon?.aliases).toEqual(['McMahon']);
    expect(mcmahon?.roles).toEqual(['Deputy Chief']);
    expect(mcmahon?.mentions.map((m) => text.slice(m.start, m.end))).toEqual([
      'John McMahon',
      'John McMahon',
      'McMahon',
    ]);
    expect(entities.filter((e) => e.type === 'person')).toHaveLength(1);
  });

  it('takes an acronym the text defines in brackets as an alias of the organisation', () => {
    const text = 'Officers of the Los Angeles Police Department (LAPD) used the app. LAPD officers ran 475 searches.';
    const { entities } = read(text);
    const lapd = named(entities, 'Los Angeles Police Department');
    expect(lapd?.aliases).toEqual(['LAPD']);
    expect(lapd?.mentions).toHaveLength(3);
    expect(entities.filter((e) => e.type === 'org')).toHaveLength(1);
  });

  it('matches an undefined acronym to the one organisation whose initials it is', () => {
    const { entities } = read('The Los Angeles Police Department said so. A spokesman for the LAPD agreed.');
    expect(named(entities, 'Los Angeles Police Department')?.aliases).toEqual(['LAPD']);
  });

  it('suggests, and does not make, a merge when two organisations share the initials', () => {
    const { entities, suggestions } = read(
      'The Federal Bureau of Investigation and the Florida Bureau of Investigation met. The FBI declined to comment.',
    );
    expect(named(entities, 'FBI')?.mentions).toHaveLength(1);
    expect(suggestions.filter((s) => s.names[0] === 'FBI').map((s) => s.names[1])).toEqual([
      'Federal Bureau of Investigation',
      'Florida Bureau of Investigation',
    ]);
  });

  it('attaches a surname only when one person of that name is known, and suggests otherwise', () => {
    const text = 'Sen. Edward J. Markey wrote the letter. Rep. Ann Markey signed it too. Markey said more was needed.';
    const { entities, suggestions } = read(text);
    expect(named(entities, 'Edward J. Markey')?.aliases).toEqual([]);
    expect(named(entities, 'Ann Markey')?.aliases).toEqual([]);
    expect(named(entities, 'Markey')?.mentions).toHaveLength(1);
    expect(suggestions.filter((s) => s.names[0] === 'Markey')).toHaveLength(2);
  });

  it('attaches a surname to the one full name in the archive when its own document has none', () => {
    const letter = extractMentions([{ page: 1, text: 'Sen. Edward J. Markey wrote to the company.' }]).map((m) => ({
      ...m,
      document: 'letter',
    }));
    const reply = extractMentions([{ page: 1, text: 'We will answer Senator Markey by Friday.' }]).map((m) => ({
      ...m,
      document: 'reply',
    }));
    const { entities } = mergeEntities([...letter, ...reply]);
    expect(named(entities, 'Edward J. Markey')?.mentions.map((m) => m.document)).toEqual(['letter', 'reply']);
  });

  it('leaves a possessive out of the mention and keeps a hyphenated surname whole', () => {
    const text = 'Statement attributable to Hoan Ton-That: Hoan Ton-That’s company complies. Ton-That said so.';
    const { entities } = read(text, { people: ['Hoan Ton-That'] });
    const hoan = named(entities, 'Hoan Ton-That');
    expect(hoan?.aliases).toEqual(['Ton-That']);
    expect(hoan?.mentions.map((m) => m.text)).toEqual(['Hoan Ton-That', 'Hoan Ton-That', 'Ton-That']);
  });

  it('reads a company by its ending and merges the name without it', () => {
    const { entities } = read('Clearview AI, Inc. sells the app. Officers used Clearview AI without approval.');
    const clearview = named(entities, 'Clearview AI, Inc.');
    expect(clearview?.type).toBe('org');
    expect(clearview?.aliases).toEqual(['Clearview AI']);
  });

  it('suggests that a shorter committee name may be the longer one', () => {
    const { entities, suggestions } = read(
      'The Senate Judiciary Committee approved it. The Judiciary Committee reported the bill by 11 to 7.',
    );
    expect(
      entities
        .filter((e) => e.type === 'org')
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Judiciary Committee', 'Senate Judiciary Committee']);
    expect(suggestions).toContainEqual({
      type: 'org',
      names: ['Judiciary Committee', 'Senate Judiciary Committee'],
      reason: 'one name ends the other',
    });
  });

  it('suggests that two given names one the start of the other may be one person', () => {
    const { entities, suggestions } = read('Sen. Jon Tester spoke first. Later Sen. Jonathan Tester voted.');
    expect(entities.filter((e) => e.type === 'person')).toHaveLength(2);
    expect(suggestions.map((s) => s.reason)).toContain('same family name, given names alike');
  });

  it('takes no role for an organisation: "Chief of Police" is not a body', () => {
    const { entities } = read('The Chief of Police has asked the Policy Unit to draft a policy.');
    expect(entities.map((e) => e.name)).toEqual(['Policy Unit']);
  });

  it('skips a recipient that is not a name among the known names', () => {
    const { entities } = read('TO: All sworn and civilian personnel', { people: ['All sworn and civilian personnel'] });
    expect(entities).toEqual([]);
  });
});
