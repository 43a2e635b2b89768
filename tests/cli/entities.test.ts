/**
 * exhibit entities, entity show|merge|split|rename (issue 17): the sample case's people and
 * organisations after `exhibit import`, linked to mentions whose offsets cut their words out
 * of the page; a person's decisions with custody entries, surviving a re-reading.
 */
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EntityDetail, EntitySummary } from '../../src/shared/entities.js';
import { tempDir } from '../helpers/archive.js';
import { exhibitInProcess as exhibit } from '../helpers/cli.js';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const FILES = resolve(import.meta.dirname, '../../resources/sample-case/files');
const CASE = [
  '2020-11-13-port-alder-police-memo.pdf',
  '2020-11-20-senator-vance-letter.docx',
  '2020-11-23-visage-index-statement.eml',
];

afterEach(() => {
  vi.restoreAllMocks();
});

async function json<T>(archive: string, ...args: string[]): Promise<T> {
  const out = await exhibit(archive, '--json', ...args);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout) as T;
}

let template = '';
/** A fresh copy of an archive where the three documents were imported (and so read). */
function caseArchive(): string {
  const path = join(tempDir(), 'case.exhibit');
  copyFileSync(template, path);
  return path;
}

/** Kept for the whole file (tempDir's folders go after each test). */
const templateDir = mkdtempSync(join(tmpdir(), 'exhibit-entities-'));
afterAll(() => rmSync(templateDir, { recursive: true, force: true }));

beforeAll(async () => {
  template = join(templateDir, 'template.exhibit');
  const out = await exhibit(template, 'import', ...CASE.map((f) => join(FILES, f)));
  expect(out.code, out.stderr).toBe(0);
  vi.restoreAllMocks();
}, 60_000);

const list = async (archive: string, ...args: string[]) =>
  (await json<{ entities: EntitySummary[] }>(archive, 'entities', ...args)).entities;

function named(entities: EntitySummary[], name: string): EntitySummary {
  const found = entities.find((e) => e.name === name);
  if (!found) throw new Error(`no ${name} among ${entities.map((e) => e.name).join(', ')}`);
  return found;
}

async function pageText(archive: string, doc: number, page: number): Promise<string> {
  const shown = await json<{ pages: { number: number; text: string }[] }>(archive, 'show', String(doc));
  return shown.pages.find((p) => p.number === page)?.text ?? '';
}

describe('exhibit entities after exhibit import', () => {
  it('lists the sample case’s people and organisations in the issue’s JSON shape', async () => {
    const archive = caseArchive();
    const entities = await list(archive);
    for (const e of entities)
      expect(Object.keys(e).sort()).toEqual(['aliases', 'documents', 'id', 'mentions', 'name', 'type']);
    expect(named(entities, 'Daniel R. Whitcombe').type).toBe('person');
    expect(named(entities, 'Eleanor M. Vance')).toMatchObject({ type: 'person', documents: 2 });
    expect(named(entities, 'Jonah Pell')).toMatchObject({ type: 'person', aliases: ['Pell'] });
    expect(named(entities, 'Visage Index, Inc.')).toMatchObject({ type: 'org', aliases: ['Visage Index'] });
    expect(named(entities, 'Port Alder Police Department').type).toBe('org');
    const people = await list(archive, '--type', 'person');
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((e) => e.type === 'person')).toBe(true);
    expect(people.map((e) => e.name)).not.toContain('Visage Index, Inc.');
  });

  it('links each entity to mentions whose page and offsets hold its words', async () => {
    const archive = caseArchive();
    const entities = await list(archive);
    for (const name of ['Eleanor M. Vance', 'Jonah Pell', 'Visage Index, Inc.', 'Port Alder Police Department']) {
      const e = named(entities, name);
      const detail = await json<EntityDetail>(archive, 'entity', 'show', String(e.id));
      expect(detail.mentionList).toHaveLength(e.mentions);
      for (const m of detail.mentionList) {
        const text = await pageText(archive, m.documentId, m.page);
        expect(text.slice(m.start, m.end)).toBe(m.text);
        expect([e.name, ...e.aliases]).toContain(m.text.replace(/[’']s$/, ''));
      }
    }
  });

  it('--doc lists only what one document names', async () => {
    const archive = caseArchive();
    const memo = await list(archive, '--doc', '1');
    expect(memo.map((e) => e.name)).toContain('Daniel R. Whitcombe');
    expect(memo.map((e) => e.name)).not.toContain('Jonah Pell');
  });

  it('entity show gives the mentions in context, the documents, the quotes naming it and who is named with it', async () => {
    const archive = caseArchive();
    const pell = named(await list(archive), 'Jonah Pell');
    const doc = (await json<EntityDetail>(archive, 'entity', 'show', String(pell.id))).mentionList[0]?.documentId ?? 0;
    const page = await pageText(archive, doc, 1);
    const at = page.indexOf('Jonah Pell');
    const quoted = page.slice(Math.max(0, at - 20), at + 30);
    const { quote } = await json<{ quote: { id: number } }>(archive, 'quote', 'add', String(doc), '--text', quoted);
    const detail = await json<EntityDetail>(archive, 'entity', 'show', String(pell.id));
    expect(detail.quotes.map((q) => q.id)).toEqual([quote.id]);
    expect(detail.documentList.map((d) => d.id)).toEqual([doc]);
    expect(detail.mentionList[0]?.before.length).toBeGreaterThan(0);
    expect(detail.cooccurring.map((c) => c.name)).toContain('Visage Index, Inc.');
    const text = await exhibit(archive, 'entity', 'show', String(pell.id));
    expect(text.stdout).toMatch(/«Jonah Pell»/);
  });

  it('refuses an unknown entity, a wrong type and a bad id with one line each', async () => {
    const archive = caseArchive();
    const missing = await exhibit(archive, 'entity', 'show', '999');
    expect([missing.code, missing.stderr]).toEqual([1, 'exhibit: entity 999: no such entity\n']);
    const type = await exhibit(archive, 'entities', '--type', 'place');
    expect([type.code, type.stderr]).toEqual([2, 'exhibit: --type: "place" is not one of person, org\n']);
    const id = await exhibit(archive, 'entity', 'rename', 'x', 'Someone');
    expect(id.code).toBe(2);
    expect(id.stderr).toMatch(/ID: "x" is not a positive whole number/);
  });
});

async function history(archive: string): Promise<{ action: string; subject: string | null; details: unknown }[]> {
  return (await json<{ entries: { action: string; subject: string | null; details: unknown }[] }>(archive, 'history'))
    .entries;
}

async function checkClean(archive: string): Promise<void> {
  const check = await exhibit(archive, 'check');
  expect(check.code, check.stdout + check.stderr).toBe(0);
}

describe('a person’s decisions', () => {
  it('merge: one entity with both names as aliases, a custody entry, check clean, and a re-reading keeps it', async () => {
    const archive = caseArchive();
    const entities = await list(archive);
    const [vance, pell] = [named(entities, 'Eleanor M. Vance'), named(entities, 'Jonah Pell')];
    const merged = await json<{ entity: EntitySummary }>(archive, 'entity', 'merge', String(vance.id), String(pell.id));
    expect(merged.entity).toMatchObject({
      id: vance.id,
      name: 'Eleanor M. Vance',
      mentions: vance.mentions + pell.mentions,
    });
    expect(merged.entity.aliases).toEqual(expect.arrayContaining(['Jonah Pell', 'Pell']));
    expect((await list(archive)).map((e) => e.id)).not.toContain(pell.id);
    const entry = (await history(archive)).at(-1);
    expect(entry).toMatchObject({ action: 'entity-merge', subject: `entity:${vance.id}` });
    await checkClean(archive);
    await json(archive, 'entities', '--extract', '--all');
    const after = named(await list(archive), 'Eleanor M. Vance');
    expect(after.mentions).toBe(vance.mentions + pell.mentions);
    expect((await list(archive)).map((e) => e.name)).not.toContain('Jonah Pell');
    const mixed = await exhibit(
      archive,
      'entity',
      'merge',
      String(vance.id),
      String(named(entities, 'Visage Index, Inc.').id),
    );
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/Eleanor M. Vance is a person/);
  });

  it('split: the alias’s mentions become an entity of their own, and stay so when the documents are read again', async () => {
    const archive = caseArchive();
    const pell = named(await list(archive), 'Jonah Pell');
    const split = await json<{ from: EntitySummary; to: EntitySummary }>(
      archive,
      'entity',
      'split',
      String(pell.id),
      '--alias',
      'Pell',
    );
    expect(split.to).toMatchObject({ name: 'Pell', type: 'person' });
    expect(split.from.aliases).toEqual([]);
    expect(split.from.mentions + split.to.mentions).toBe(pell.mentions);
    expect((await history(archive)).at(-1)).toMatchObject({ action: 'entity-split', subject: `entity:${pell.id}` });
    await checkClean(archive);
    await json(archive, 'entities', '--extract', '--all');
    const after = await list(archive);
    expect(named(after, 'Jonah Pell')).toMatchObject({ aliases: [], mentions: split.from.mentions });
    expect(named(after, 'Pell')).toMatchObject({ id: split.to.id, mentions: split.to.mentions });
    const unknown = await exhibit(archive, 'entity', 'split', String(pell.id), '--alias', 'Smith');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no mention is written "Smith"/);
  });

  it('rename: the chosen name with the old one as an alias, kept when the documents are read again', async () => {
    const archive = caseArchive();
    const vance = named(await list(archive), 'Eleanor M. Vance');
    const renamed = await json<{ entity: EntitySummary }>(
      archive,
      'entity',
      'rename',
      String(vance.id),
      'Senator Vance',
    );
    expect(renamed.entity).toMatchObject({ name: 'Senator Vance', aliases: ['Eleanor M. Vance'] });
    expect((await history(archive)).at(-1)).toMatchObject({
      action: 'entity-rename',
      details: { from: 'Eleanor M. Vance', to: 'Senator Vance' },
    });
    await checkClean(archive);
    await json(archive, 'entities', '--extract', '--all');
    expect(named(await list(archive), 'Senator Vance').id).toBe(vance.id);
    const empty = await exhibit(archive, 'entity', 'rename', String(vance.id), '  ');
    expect([empty.code, empty.stderr]).toEqual([2, 'exhibit: entity rename: the new name is empty\n']);
  });

  it('entities --extract reads only documents not yet read; --all reads all again; --all alone is refused', async () => {
    const archive = caseArchive();
    expect(await json(archive, 'entities', '--extract')).toMatchObject({ documents: 0, failures: [] });
    expect(await json(archive, 'entities', '--extract', '--all')).toMatchObject({ documents: 4, failures: [] });
    const alone = await exhibit(archive, 'entities', '--all');
    expect([alone.code, alone.stderr]).toEqual([2, 'exhibit: entities: --all goes with --extract\n']);
  });
});

describe('exhibit search --entity', () => {
  it('keeps the hits of documents naming the entity, by name or alias in any case, and names an unknown one', async () => {
    const archive = caseArchive();
    const pell = named(await list(archive), 'Jonah Pell');
    const naming = (await json<EntityDetail>(archive, 'entity', 'show', String(pell.id))).documentList.map((d) => d.id);
    const docsOf = (r: { hits: { documentId: number }[] }) => [...new Set(r.hits.map((h) => h.documentId))].sort();
    const all = await json<{ hits: { documentId: number }[] }>(archive, 'search', 'facial');
    expect(docsOf(all).some((id) => !naming.includes(id))).toBe(true);
    const expected = docsOf(all).filter((id) => naming.includes(id));
    expect(expected.length).toBeGreaterThan(0);
    for (const name of ['Jonah Pell', 'pell'])
      expect(docsOf(await json(archive, 'search', 'facial', '--entity', name))).toEqual(expected);
    const unknown = await exhibit(archive, 'search', 'facial', '--entity', 'Nobody Here');
    expect([unknown.code, unknown.stderr]).toEqual([
      1,
      'exhibit: entity "Nobody Here": no person or organisation has this name or alias\n',
    ]);
  });
});

describe('exhibit import --no-entities', () => {
  it('leaves the reading to entities --extract', async () => {
    const archive = join(tempDir(), 'later.exhibit');
    const imported = await exhibit(archive, 'import', '--no-entities', join(FILES, CASE[0] ?? ''));
    expect(imported.code, imported.stderr).toBe(0);
    expect(await list(archive)).toEqual([]);
    expect(await json(archive, 'entities', '--extract')).toMatchObject({ documents: 1, failures: [] });
    expect((await list(archive)).map((e) => e.name)).toContain('Daniel R. Whitcombe');
  });
});
