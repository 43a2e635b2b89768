import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exhibitInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/archive.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const exhibit = exhibitInProcess;

async function json(archive: string, ...args: string[]): Promise<Record<string, unknown>> {
  const out = await exhibit(archive, '--json', ...args);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout) as Record<string, unknown>;
}

async function setUp(): Promise<{ archive: string; doc: number }> {
  const dir = tempDir();
  const archive = join(dir, 'case.exhibit');
  const file = join(dir, 'statement.txt');
  writeFileSync(
    file,
    'The chief said the cameras were off.\nThe council said the cameras were on.\nOfficers banned banners.',
  );
  const imported = await json(archive, 'import', file, '--no-infer', '--tag', 'agency/LAPD', '--tag', 'batch');
  const results = imported['results'] as { documentId: number }[];
  return { archive, doc: results[0]?.documentId ?? 0 };
}

describe('exhibit quote, tag and search', () => {
  it('quote add prints the issue’s JSON shape, refuses ambiguity with the places, and takes --page/--occurrence', async () => {
    const { archive, doc } = await setUp();
    const ambiguous = await exhibit(archive, '--json', 'quote', 'add', String(doc), '--text', 'the cameras were');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stdout).toBe('');
    expect(ambiguous.stderr).toMatch(/appears 2 times/);
    expect(ambiguous.stderr).toMatch(/2\. page 1: .*council said «the cameras were» on/);

    const added = await json(
      archive,
      'quote',
      'add',
      String(doc),
      '--text',
      'the cameras were',
      '--occurrence',
      '2',
      '--tag',
      'claim',
      '--note',
      'contradicts the chief',
    );
    const quote = added['quote'] as Record<string, unknown>;
    expect(Object.keys(quote)).toEqual(
      expect.arrayContaining([
        'id',
        'documentId',
        'page',
        'pageEnd',
        'start',
        'end',
        'text',
        'prefix',
        'suffix',
        'note',
        'tags',
      ]),
    );
    expect(quote).toMatchObject({
      documentId: doc,
      page: 1,
      pageEnd: 1,
      text: 'the cameras were',
      note: 'contradicts the chief',
      tags: ['claim'],
    });
    expect(quote['start']).toBe('The chief said the cameras were off.\nThe council said '.length);

    const missing = await exhibit(archive, 'quote', 'add', String(doc), '--text', 'not in there');
    expect(missing).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^exhibit: document \d+: the passage "not in there" is not in its text\n$/),
    });

    const list = await json(archive, 'quote', 'list', '--tag', 'claim');
    expect((list['quotes'] as { id: number }[]).map((q) => q.id)).toEqual([quote['id']]);
    expect(await json(archive, 'quote', 'list', '--doc', String(doc), '--search', 'chief')).toMatchObject({
      quotes: [{ id: quote['id'] }],
    });

    const edited = await json(
      archive,
      'quote',
      'edit',
      String(quote['id']),
      '--note',
      'edited',
      '--tag',
      'claim/council',
    );
    expect(edited).toMatchObject({ quote: { note: 'edited', tags: ['claim/council'] } });
    expect(await json(archive, 'quote', 'show', String(quote['id']))).toMatchObject({
      quote: { id: quote['id'], note: 'edited' },
    });
    expect(await json(archive, 'quote', 'sources', String(quote['id']))).toEqual({ sources: [] });

    const deleted = await exhibit(archive, 'quote', 'delete', String(quote['id']));
    expect(deleted.stdout).toMatch(/exhibit quote restore \d+ brings it back/);
    expect(await json(archive, 'quote', 'list')).toEqual({ quotes: [] });
    await json(archive, 'quote', 'restore', String(quote['id']));
    expect((await json(archive, 'quote', 'list'))['quotes']).toHaveLength(1);
  });

  it('tag add, remove, list, rename, merge and delete', async () => {
    const { archive, doc } = await setUp();
    expect(await json(archive, 'tag', 'add', 'topic/cameras', '--doc', String(doc))).toEqual({ added: 1 });
    const list = (await json(archive, 'tag', 'list'))['tags'] as { name: string; documents: number; quotes: number }[];
    expect(list.map((t) => [t.name, t.documents])).toEqual([
      ['agency', 0],
      ['agency/LAPD', 1],
      ['batch', 1],
      ['topic', 0],
      ['topic/cameras', 1],
    ]);
    expect(await json(archive, 'tag', 'rename', 'topic', 'subject')).toEqual({
      renamed: [
        ['topic', 'subject'],
        ['topic/cameras', 'subject/cameras'],
      ],
    });
    expect(await json(archive, 'tag', 'merge', 'batch', 'agency/LAPD')).toEqual({ documents: 0, quotes: 0 });
    expect(await json(archive, 'tag', 'remove', 'subject/cameras', '--doc', String(doc))).toEqual({ removed: 1 });
    const usage = await exhibit(archive, 'tag', 'add', 'x');
    expect(usage).toMatchObject({ code: 2, stderr: expect.stringMatching(/--doc ID or --quote ID/) });
    expect(await exhibit(archive, 'tag', 'delete', 'agency')).toMatchObject({ code: 2 });
    expect(await json(archive, 'tag', 'delete', 'agency', '--yes')).toEqual({
      tags: ['agency', 'agency/LAPD'],
      documents: 1,
      quotes: 0,
    });
    const text = await exhibit(archive, 'tag', 'list');
    expect(text.stdout).toMatch(/^subject\s+0 doc\(s\)\s+0 quote\(s\)\n {2}cameras\s+0 doc\(s\)/);
  });

  it('search prints {"total","hits":[{"kind","documentId","title","page","snippet","score"}]} and takes the filters', async () => {
    const { archive, doc } = await setUp();
    const result = await json(archive, 'search', 'banned', '--tag', 'agency', '--type', 'other', '--limit', '5');
    expect(result['total']).toBe(1);
    const [hit] = result['hits'] as Record<string, unknown>[];
    expect(Object.keys(hit ?? {})).toEqual(
      expect.arrayContaining(['kind', 'documentId', 'title', 'page', 'snippet', 'score']),
    );
    expect(hit).toMatchObject({
      kind: 'page',
      documentId: doc,
      page: 1,
      snippet: expect.stringContaining('<mark>banned</mark>'),
    });
    expect(await json(archive, 'search', 'ban')).toEqual({ total: 0, hits: [] });
    expect((await json(archive, 'search', 'ban', '--stem'))['total']).toBe(1);
    expect((await json(archive, 'search', 'cameras', '--from', '2020', '--to', '2021'))['total']).toBe(0);
    const bad = await exhibit(archive, 'search', 'cameras AND');
    expect(bad).toMatchObject({
      code: 2,
      stderr: 'exhibit: search: AND at character 9 needs something on its right\n',
    });
    const usage = await exhibit(archive, 'search', 'x', '--type', 'novel');
    expect(usage.code).toBe(2);
    const text = await exhibit(archive, 'search', 'council');
    expect(text.stdout).toMatch(
      /^1 hit\(s\)\n\n\[page\] document \d+, p\. 1: statement\n {4}….*The «council» said the cameras were on\./,
    );
  });
});
