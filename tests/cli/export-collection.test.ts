import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exhibitInProcess } from '../helpers/cli.js';
import type { CollectionRecord, CollectionSummary } from '../../src/shared/collection.js';
import { tempDir } from '../helpers/archive.js';
import { caseArchive, type CaseArchive } from '../helpers/case-quotes.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const exhibit = exhibitInProcess;

async function json<T = Record<string, unknown>>(archive: string, ...args: string[]): Promise<T> {
  const out = await exhibit(archive, '--json', ...args);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout) as T;
}

/** The sample case with quotes, closed so that the CLI has the file to itself. */
async function setUp(): Promise<{ path: string; c: CaseArchive }> {
  const c = await caseArchive();
  await c.archive.close();
  return { path: join(c.archive.dir, 'test.exhibit'), c };
}

describe('exhibit collection', () => {
  it('create, add, move, remove, list and show, in JSON', async () => {
    const { path, c } = await setUp();
    const [a, b, d] = c.quotes.map((q) => q.id) as [number, number, number];
    const made = await json<{ collection: CollectionRecord }>(
      path,
      'collection',
      'create',
      'Findings',
      '--title',
      'What Port Alder knew',
      '--intro',
      'Why.',
    );
    expect(made.collection).toMatchObject({
      name: 'Findings',
      title: 'What Port Alder knew',
      introduction: 'Why.',
      quotes: 0,
      items: [],
    });
    const added = await json<{ collection: CollectionRecord }>(
      path,
      'collection',
      'add',
      'Findings',
      String(d),
      String(a),
    );
    expect(added.collection.items.map((i) => [i.position, i.quote.id])).toEqual([
      [1, d],
      [2, a],
    ]);
    await json(path, 'collection', 'add', 'Findings', String(b), '--position', '1');
    const moved = await json<{ collection: CollectionRecord }>(path, 'collection', 'move', 'Findings', String(b), '3');
    expect(moved.collection.items.map((i) => i.quote.id)).toEqual([d, a, b]);
    expect(moved.collection.items[0]).toMatchObject({
      position: 1,
      documentTitle: expect.any(String),
      documentTrashed: false,
      quote: { id: d, text: c.quotes[2]?.text },
    });
    const removed = await json<{ collection: CollectionRecord }>(path, 'collection', 'remove', 'Findings', String(a));
    expect(removed.collection.items.map((i) => [i.position, i.quote.id])).toEqual([
      [1, d],
      [2, b],
    ]);
    const list = await json<{ collections: CollectionSummary[] }>(path, 'collection', 'list');
    expect(list.collections).toEqual([
      expect.objectContaining({ name: 'Findings', title: 'What Port Alder knew', quotes: 2 }),
    ]);
    const shown = await json<{ collection: CollectionRecord }>(path, 'collection', 'show', 'findings');
    expect(shown.collection.items.map((i) => i.quote.id)).toEqual([d, b]);
    const text = await exhibit(path, 'collection', 'show', 'Findings');
    expect(text.stdout).toMatch(
      /^Findings {2}“What Port Alder knew” {2}\(2 quotes\)\n {2}Why\.\n {3}1\. quote \d+, document \d+/,
    );
    const history = await json<{ entries: { action: string }[] }>(path, 'history');
    expect(history.entries.filter((e) => e.action.startsWith('collection-')).map((e) => e.action)).toEqual([
      'collection-create',
      'collection-add',
      'collection-add',
      'collection-move',
      'collection-remove',
    ]);
  });

  it('names unknown quotes (exit 1) and refuses bad arguments (exit 2)', async () => {
    const { path, c } = await setUp();
    await json(path, 'collection', 'create', 'Findings');
    const unknown = await exhibit(path, 'collection', 'add', 'Findings', String(c.quotes[0]?.id), '998', '999');
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toBe('exhibit: quotes 998, 999: no such quote\n');
    expect((await exhibit(path, 'collection', 'add', 'Findings', 'x1')).code).toBe(2);
    expect((await exhibit(path, 'collection', 'move', 'Findings', String(c.quotes[0]?.id), '0')).code).toBe(2);
    expect((await exhibit(path, 'collection', 'show', 'Nope')).stderr).toMatch(/collection "Nope": no such collection/);
    expect((await exhibit(path, 'collection', 'create', 'findings')).stderr).toMatch(/already exists/);
    expect(
      (await json<{ collection: CollectionRecord }>(path, 'collection', 'show', 'Findings')).collection.quotes,
    ).toBe(0);
  });
});

describe('exhibit export', () => {
  it('refuses anything but exactly one selector, a known format and style and an --out, with exit 2 and no file', async () => {
    const { path } = await setUp();
    const dir = tempDir();
    const out = join(dir, 'x.md');
    const cases: string[][] = [
      ['export', '--format', 'md', '--out', out],
      ['export', '--all', '--tag', 'policy', '--format', 'md', '--out', out],
      ['export', '--all', '--format', 'odt', '--out', out],
      ['export', '--all', '--format', 'md', '--style', 'harvard', '--out', out],
      ['export', '--all', '--format', 'md'],
      ['export', '--all', '--out', out],
      ['export', '--quotes', '1,x', '--format', 'md', '--out', out],
    ];
    for (const args of cases) {
      const r = await exhibit(path, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^exhibit: .+\n$/);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes the format asked for, prints its SHA-256 and records it; an existing file is kept (exit 1)', async () => {
    const { path, c } = await setUp();
    const out = join(tempDir(), 'policy.html');
    const result = await json<{
      path: string;
      format: string;
      style: string;
      quotes: number;
      documents: number;
      bytes: number;
      sha256: string;
      quoteIds: number[];
      warnings: string[];
    }>(
      path,
      'export',
      '--tag',
      'policy',
      '--format',
      'html',
      '--style',
      'legal',
      '--out',
      out,
      '--title',
      'Policy quotes',
    );
    const bytes = readFileSync(out);
    expect(result).toMatchObject({
      path: out,
      format: 'html',
      style: 'legal',
      quotes: 3,
      documents: 2,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(result.quoteIds).toEqual([c.quotes[1]?.id, c.quotes[0]?.id, c.quotes[5]?.id]);
    expect(bytes.toString('utf8')).toContain('Policy quotes');
    const history = await json<{ entries: { action: string; subject: string; details: Record<string, unknown> }[] }>(
      path,
      'history',
    );
    expect(history.entries.at(-1)).toMatchObject({
      action: 'export',
      subject: 'tag:policy',
      details: { format: 'html', sha256: result.sha256 },
    });
    const again = await exhibit(path, 'export', '--tag', 'policy', '--format', 'html', '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists; pass --force to replace it/);
    expect(readFileSync(out).equals(bytes)).toBe(true);
    const text = await exhibit(
      path,
      'export',
      '--quotes',
      `${c.quotes[3]?.id},${c.quotes[0]?.id}`,
      '--format',
      'md',
      '--out',
      out,
      '--force',
    );
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^Exported 2 quote\(s\) from 2 document\(s\) to .*policy\.html\n {2}md, chicago · \d+ bytes · sha256 [0-9a-f]{64}\n/,
    );
  });

  it('exports a collection as a bundle that verifies and imports into another archive', async () => {
    const { path, c } = await setUp();
    await json(path, 'collection', 'create', 'Findings', '--title', 'What Port Alder knew');
    await json(path, 'collection', 'add', 'Findings', ...c.quotes.slice(0, 3).map((q) => String(q.id)));
    const dir = tempDir();
    const zip = join(dir, 'findings.zip');
    const made = await json<{ bundleId: string; quotes: number }>(
      path,
      'export',
      '--collection',
      'Findings',
      '--format',
      'bundle',
      '--style',
      'apa',
      '--out',
      zip,
    );
    expect(made.quotes).toBe(3);
    const verified = await json<{ ok: boolean; problems: unknown[] }>(path, 'verify', zip);
    expect(verified).toMatchObject({ ok: true, problems: [] });

    const other = join(dir, 'colleague.exhibit');
    const imported = await json<{
      results: {
        path: string;
        status: string;
        documentId: number | null;
        bundle?: { bundleId: string; documents: { imported: number; existing: number }; quotes: { status: string }[] };
      }[];
    }>(other, 'import', zip);
    const own = imported.results[0];
    expect(own).toMatchObject({
      path: zip,
      status: 'imported',
      documentId: null,
      bundle: { bundleId: made.bundleId, documents: { imported: 2, existing: 0 } },
    });
    expect(own?.bundle?.quotes.map((q) => q.status)).toEqual(['imported', 'imported', 'imported']);
    const quotes = await json<{ quotes: { text: string; note: string | null; tags: string[] }[] }>(
      other,
      'quote',
      'list',
    );
    expect(quotes.quotes.map((q) => q.text).sort()).toEqual(
      c.quotes
        .slice(0, 3)
        .map((q) => q.text)
        .sort(),
    );
    const line = await exhibit(other, 'import', zip);
    expect(line.code).toBe(0);
    expect(line.stdout).toContain(
      `duplicate  ${zip} → bundle ${made.bundleId}: 0 new document(s), 2 already here; quotes 0 new, 3 already here`,
    );
    expect(existsSync(join(dir, 'findings.zip'))).toBe(true);
  });
});
