/**
 * Issue 17's acceptance on the sample case: the memo, the letter and the statement yield the
 * deputy chief, the senator, the company's chief executive, the company and the police
 * department, each with mentions whose offsets point at its name on the page.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  extractMentions,
  mergeEntities,
  type Entity,
  type KnownNames,
  type Mention,
} from '../../src/main/archive/entities/index.js';
import { detectFormat, IMPORTERS } from '../../src/main/archive/importers/index.js';

const FILES = resolve(import.meta.dirname, '../../resources/sample-case/files');
const CASE = [
  '2020-11-13-port-alder-police-memo.pdf',
  '2020-11-20-senator-vance-letter.docx',
  '2020-11-23-visage-index-statement.eml',
];

const pageTexts = new Map<string, string[]>();
let entities: Entity[] = [];

/** Reads every document, then reads them again knowing the names the archive then holds. */
function readCase(known: KnownNames): Mention[] {
  return CASE.flatMap((name) =>
    extractMentions(
      (pageTexts.get(name) ?? []).map((text, i) => ({ page: i + 1, text })),
      known,
    ).map((m) => ({ ...m, document: name })),
  );
}

beforeAll(async () => {
  for (const name of CASE) {
    const bytes = new Uint8Array(readFileSync(join(FILES, name)));
    const doc = await IMPORTERS[detectFormat(bytes, name)](bytes, name);
    pageTexts.set(
      name,
      doc.pages.map((p) => p.text),
    );
  }
  const first = mergeEntities(readCase({})).entities;
  const names = (type: Entity['type']) => first.filter((e) => e.type === type).flatMap((e) => [e.name, ...e.aliases]);
  entities = mergeEntities(readCase({ people: names('person'), organizations: names('org') })).entities;
});

function entity(name: string): Entity {
  const found = entities.find((e) => e.name === name);
  if (!found) throw new Error(`no entity ${name} among ${entities.map((e) => e.name).join(', ')}`);
  return found;
}

/** Every mention's offsets cut its own text out of its page, and that text is a form of the entity. */
function expectMentionsOnPage(e: Entity, forms: string[]): void {
  expect(e.mentions.length).toBeGreaterThan(0);
  for (const m of e.mentions) {
    const page = pageTexts.get(m.document ?? '')?.[m.page - 1];
    expect(page?.slice(m.start, m.end)).toBe(m.text);
    expect(forms).toContain(m.text.replace(/[’']s$/, ''));
  }
}

describe('the sample case: memo, letter and statement', () => {
  it('finds the deputy chief by his full name, in the memo', () => {
    const whitcombe = entity('Daniel R. Whitcombe');
    expect(whitcombe.type).toBe('person');
    expectMentionsOnPage(whitcombe, ['Daniel R. Whitcombe']);
    // Named on page 1 (FROM:) and under the signature on page 2.
    expect(new Set(whitcombe.mentions.map((m) => m.page))).toEqual(new Set([1, 2]));
  });

  it('finds the senator in the letter and the statement, the title kept as her role', () => {
    const vance = entity('Eleanor M. Vance');
    expect(vance.type).toBe('person');
    expectMentionsOnPage(vance, ['Eleanor M. Vance']);
    expect(new Set(vance.mentions.map((m) => m.document))).toEqual(
      new Set(['2020-11-20-senator-vance-letter.docx', '2020-11-23-visage-index-statement.eml']),
    );
    expect(vance.roles).toContain('Senator');
  });

  it('finds the chief executive, "Mr. Pell" as his alias with "Mr." as a role', () => {
    const pell = entity('Jonah Pell');
    expect(pell.aliases).toEqual(['Pell']);
    expect(pell.roles).toContain('Mr.');
    expectMentionsOnPage(pell, ['Jonah Pell', 'Pell']);
  });

  it('finds the company under one name in the letter and, once the archive knows it, the statement', () => {
    const company = entity('Visage Index, Inc.');
    expect(company.type).toBe('org');
    expect(company.aliases).toEqual(['Visage Index']);
    expectMentionsOnPage(company, ['Visage Index, Inc.', 'Visage Index']);
    expect(new Set(company.mentions.map((m) => m.document))).toEqual(
      new Set(['2020-11-20-senator-vance-letter.docx', '2020-11-23-visage-index-statement.eml']),
    );
  });

  it('finds the police department in all three', () => {
    const police = entity('Port Alder Police Department');
    expect(police.type).toBe('org');
    expectMentionsOnPage(police, ['Port Alder Police Department']);
    expect(new Set(police.mentions.map((m) => m.document)).size).toBeGreaterThanOrEqual(2);
  });
});
