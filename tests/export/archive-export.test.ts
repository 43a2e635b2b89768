import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addToCollection,
  createCollection,
  deleteQuote,
  exportFromArchive,
  gatherExport,
  getPages,
  listHistory,
  openArchive,
  restoreQuote,
  type ExportSelection,
} from '../../src/main/archive/index.js';
import type { ExportJson } from '../../src/main/archive/export/formats/json.js';
import { joinPages } from '../../src/main/archive/quotes/selectors.js';
import { tempDir } from '../helpers/archive.js';
import { caseArchive, type CaseArchive } from '../helpers/case-quotes.js';
import { squash } from '../helpers/export-fixture.js';
import { parseCsv } from '../helpers/readers.js';

let c: CaseArchive;
// One archive for the file (tempArchive's are removed after each test); tests that change it undo it.
const dir = mkdtempSync(join(tmpdir(), 'exhibit-test-archive-export-'));

beforeAll(async () => {
  c = await caseArchive(Object.assign(await openArchive(join(dir, 'case.exhibit')), { dir }));
}, 120_000);

afterAll(async () => {
  await c?.archive.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = async (selection: ExportSelection) =>
  (await gatherExport(c.archive.db, selection, { style: 'chicago' })).model.items.map((i) => i.quote.id);
const q = (i: number) => c.quotes[i]?.id as number;

describe('gathering quotes to export', () => {
  it('by tag: quotes carrying it or a child, or whose document does, by document date then place', async () => {
    // The memo (13 Nov) before the Ledger (16 Nov); in the memo, "Directive 20-114" (top of page 1) before the quote across pages 1–2.
    expect(await ids({ kind: 'tag', tag: 'policy' })).toEqual([q(1), q(0), q(5)]);
    // The memo carries source/police itself: all its quotes.
    expect(await ids({ kind: 'tag', tag: 'source' })).toEqual([q(1), q(0)]);
    // "2020-11" (the fact sheet) sorts before "2020-11-23" (the statement).
    expect(await ids({ kind: 'tag', tag: 'vendor' })).toEqual([q(3), q(2)]);
    // The deleted quote tagged press stays out.
    expect(await ids({ kind: 'tag', tag: 'press' })).toEqual([q(5)]);
    await expect(ids({ kind: 'tag', tag: 'nope' })).rejects.toThrow(/tag "nope": no such tag/);
  });

  it('by search: quotes whose own text or note matches, not quotes of documents whose pages match', async () => {
    expect(await ids({ kind: 'search', query: 'evaluated' })).toEqual([q(2)]);
    expect(await ids({ kind: 'search', query: 'vendor' })).toEqual([q(2)]);
    // "burglary" is on the review's pages and in the deleted quote only.
    await expect(ids({ kind: 'search', query: 'burglary' })).rejects.toThrow(
      /search "burglary": no quote's text or note matches/,
    );
    await expect(ids({ kind: 'search', query: '"unclosed' })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('by quote ids: in the order given; unknown ids named, deleted ones refused', async () => {
    expect(await ids({ kind: 'quotes', ids: [q(3), q(0), q(4)] })).toEqual([q(3), q(0), q(4)]);
    await expect(ids({ kind: 'quotes', ids: [q(0), 998, 999] })).rejects.toThrow(/^quotes 998, 999: no such quote$/);
    await expect(ids({ kind: 'quotes', ids: [c.deleted.id] })).rejects.toThrow(
      new RegExp(`^quote ${c.deleted.id}: deleted`),
    );
    await expect(ids({ kind: 'quotes', ids: [q(0), q(0)] })).rejects.toThrow(/given twice/);
  });

  it('all: every live quote', async () => {
    expect((await ids({ kind: 'all' })).sort((a, b) => a - b)).toEqual(c.quotes.map((x) => x.id).sort((a, b) => a - b));
  });

  it('by collection: its order, title and introduction; a deleted member left out with a warning', async () => {
    await createCollection(c.archive, {
      name: 'Findings',
      title: 'What Port Alder knew',
      introduction: 'Three quotes.\n\nIn order.',
    });
    await addToCollection(c.archive, 'Findings', [q(5), q(2), q(0)]);
    const full = await gatherExport(c.archive.db, { kind: 'collection', name: 'findings' }, { style: 'apa' });
    expect(full.model).toMatchObject({
      title: 'What Port Alder knew',
      introduction: 'Three quotes.\n\nIn order.',
      style: 'apa',
    });
    expect(full.model.items.map((i) => i.quote.id)).toEqual([q(5), q(2), q(0)]);
    expect(full.warnings).toEqual([]);
    await deleteQuote(c.archive, q(2));
    try {
      const partial = await gatherExport(
        c.archive.db,
        { kind: 'collection', name: 'Findings' },
        { style: 'apa', title: 'Override' },
      );
      expect(partial.model.title).toBe('Override');
      expect(partial.model.items.map((i) => i.quote.id)).toEqual([q(5), q(0)]);
      expect(partial.warnings).toEqual([
        expect.stringMatching(new RegExp(`^quote ${q(2)} of collection "Findings" left out: deleted`)),
      ]);
    } finally {
      await restoreQuote(c.archive, q(2));
    }
    await expect(gatherExport(c.archive.db, { kind: 'collection', name: 'Nope' }, { style: 'apa' })).rejects.toThrow(
      /collection "Nope": no such collection/,
    );
  });

  it('gives each quote its document, its place and its offset into the whole text', async () => {
    const { model } = await gatherExport(c.archive.db, { kind: 'quotes', ids: [q(0)] }, { style: 'chicago' });
    const item = model.items[0];
    expect(item?.document).toMatchObject({ id: c.docs.memo.id, pageLabelOffset: 26 });
    expect(item?.quote).toMatchObject({
      page: 1,
      pageEnd: 2,
      text: c.quotes[0]?.text,
      note: c.quotes[0]?.note,
      tags: ['policy/ban'],
    });
    const joined = joinPages((await getPages(c.archive.db, c.docs.memo.id)).map((p) => p.text));
    const position = item?.quote.position;
    expect(position && joined.text.slice(position.start, position.end)).toBe(c.quotes[0]?.text);
  });
});

describe('exporting from the archive', () => {
  const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  it('writes the file and records the export with its SHA-256 in the custody history', async () => {
    const out = join(tempDir(), 'policy.csv');
    const result = await exportFromArchive(c.archive, { kind: 'tag', tag: 'policy' }, out, {
      format: 'csv',
      style: 'chicago',
    });
    const bytes = readFileSync(out);
    expect(result).toMatchObject({
      path: out,
      format: 'csv',
      style: 'chicago',
      quotes: 3,
      documents: 2,
      sha256: sha(bytes),
      quoteIds: [q(1), q(0), q(5)],
    });
    const entry = (await listHistory(c.archive.db)).at(-1);
    expect(entry).toMatchObject({
      id: result.historyId,
      action: 'export',
      subject: 'tag:policy',
      details: {
        format: 'csv',
        style: 'chicago',
        sha256: sha(bytes),
        bytes: bytes.length,
        quoteIds: [q(1), q(0), q(5)],
        selection: { kind: 'tag', tag: 'policy' },
      },
    });
    // An independent read: one row a quote, with its text, pinpoint page and citation.
    const [header, ...rows] = parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    const col = (name: string) => header?.indexOf(name) ?? -1;
    expect(rows.map((r) => Number(r[col('quote_id')]))).toEqual([q(1), q(0), q(5)]);
    expect(rows.map((r) => r[col('text')])).toEqual([c.quotes[1]?.text, c.quotes[0]?.text, c.quotes[5]?.text]);
    // Physical pages 1–2 of the memo are printed 27–28.
    expect(rows[1]?.[col('page')]).toBe('27–28');
    expect(rows[1]?.[col('citation')]).toMatch(/Whitcombe.*27–28/);
  });

  it('JSON: the Web Annotation position selector points at the quote in the whole text', async () => {
    const out = join(tempDir(), 'memo.json');
    await exportFromArchive(c.archive, { kind: 'quotes', ids: [q(0), q(1)] }, out, { format: 'json', style: 'mla' });
    const json = JSON.parse(readFileSync(out, 'utf8')) as ExportJson;
    const joined = joinPages((await getPages(c.archive.db, c.docs.memo.id)).map((p) => p.text));
    for (const [i, annotation] of json.annotations.entries()) {
      const selector = annotation.target.selector.find((s) => s.type === 'TextPositionSelector');
      expect(
        selector && selector.type === 'TextPositionSelector' && joined.text.slice(selector.start, selector.end),
      ).toBe(c.quotes[i]?.text);
    }
  });

  it('never overwrites without force, and a failed export leaves no file and no custody entry', async () => {
    const folder = tempDir();
    const out = join(folder, 'quotes.md');
    writeFileSync(out, 'precious');
    const before = (await listHistory(c.archive.db)).length;
    await expect(
      exportFromArchive(c.archive, { kind: 'all' }, out, { format: 'md', style: 'chicago' }),
    ).rejects.toThrow(/already exists; pass --force/);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    await expect(
      exportFromArchive(c.archive, { kind: 'all' }, join(folder, 'missing', 'x.md'), {
        format: 'md',
        style: 'chicago',
      }),
    ).rejects.toThrow(/does not exist/);
    // A bundle whose original no longer matches its SHA-256 fails half-way: nothing is left.
    await sql`UPDATE originals SET data = ${Buffer.from('tampered')} WHERE sha256 = ${c.docs.letter.sha256}`.execute(
      c.archive.db,
    );
    const zip = join(folder, 'bundle.zip');
    try {
      await expect(
        exportFromArchive(c.archive, { kind: 'all' }, zip, { format: 'bundle', style: 'chicago' }),
      ).rejects.toThrow(/no longer matches its SHA-256/);
    } finally {
      const original = readFileSync(
        join(import.meta.dirname, '..', '..', 'resources', 'sample-case', 'files', c.docs.letter.fileName),
      );
      await sql`UPDATE originals SET data = ${original} WHERE sha256 = ${c.docs.letter.sha256}`.execute(c.archive.db);
    }
    expect(existsSync(zip)).toBe(false);
    expect(readdirSync(folder)).toEqual(['quotes.md']);
    expect((await listHistory(c.archive.db)).length).toBe(before);
    // With --force it is replaced, and recorded.
    const done = await exportFromArchive(c.archive, { kind: 'all' }, out, {
      format: 'md',
      style: 'chicago',
      force: true,
    });
    expect(squash(readFileSync(out, 'utf8'))).toContain(squash(c.quotes[2]?.text ?? '-'));
    expect((await listHistory(c.archive.db)).at(-1)).toMatchObject({
      action: 'export',
      details: { sha256: done.sha256 },
    });
  });
});
