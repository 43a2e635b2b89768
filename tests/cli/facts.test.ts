import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FactRecord, FactSuggestion } from '../../src/shared/fact.js';
import { tempDir } from '../helpers/archive.js';
import { caseArchive, type CaseArchive } from '../helpers/case-quotes.js';
import { exhibitInProcess as exhibit } from '../helpers/cli.js';
import { parseCsv, pdfText, unzip, wordParagraphs } from '../helpers/readers.js';

async function json<T>(archive: string, ...args: string[]): Promise<T> {
  const out = await exhibit(archive, '--json', ...args);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout) as T;
}

async function setUp(): Promise<{ path: string; c: CaseArchive }> {
  const c = await caseArchive();
  await c.archive.close();
  return { path: join(c.archive.dir, 'test.exhibit'), c };
}

/** The acceptance chronology: three facts from the memo's, the letter's and the statement's quotes. */
async function threeFacts(path: string, c: CaseArchive): Promise<FactRecord[]> {
  const [memoBreak, directive, vendor, , letter] = c.quotes.map((q) => String(q.id));
  const add = async (...args: string[]) => (await json<{ fact: FactRecord }>(path, 'fact', 'add', ...args)).fact;
  return [
    await add(
      '--date',
      '2020-11-13',
      '--text',
      'The deputy chief barred face-search apps.',
      '--quote',
      memoBreak ?? '',
      '--quote',
      directive ?? '',
      '--status',
      'undisputed',
      '--tag',
      'police',
    ),
    await add('--date', '2020-11-20', '--text', 'Senator Vance wrote to Visage Index.', '--quote', letter ?? ''),
    await add(
      '--date',
      '~2020-11-23',
      '--text',
      'Visage Index says its tool was evaluated.',
      '--contradicts',
      vendor ?? '',
      '--status',
      'disputed',
    ),
  ];
}

describe('exhibit fact', () => {
  it('add, list (filtered), show, edit, delete and restore, in JSON', async () => {
    const { path, c } = await setUp();
    const [a, b, d] = await threeFacts(path, c);
    expect(a?.quotes.map((q) => [q.role, q.pageLabel])).toEqual([
      ['supports', '27–28'],
      ['supports', '27'],
    ]);
    expect(d?.unsupported).toBe(true);
    const list = async (...args: string[]) =>
      (await json<{ facts: FactRecord[] }>(path, 'fact', 'list', ...args)).facts.map((f) => f.id);
    expect(await list()).toEqual([a?.id, b?.id, d?.id]);
    expect(await list('--from', '2020-11-14', '--to', '2020-11-22')).toEqual([b?.id]);
    expect(await list('--tag', 'police')).toEqual([a?.id]);
    expect(await list('--status', 'disputed')).toEqual([d?.id]);
    expect(await list('--doc', String(c.docs.letter.id))).toEqual([b?.id]);
    const shown = (await json<{ fact: FactRecord }>(path, 'fact', 'show', String(b?.id))).fact;
    expect(shown.statement).toBe('Senator Vance wrote to Visage Index.');
    const edited = (
      await json<{ fact: FactRecord }>(
        path,
        'fact',
        'edit',
        String(b?.id),
        '--date',
        '2020-11-20..2020-11-21',
        '--status',
        'undisputed',
        '--no-quotes',
      )
    ).fact;
    expect([edited.dateText, edited.status, edited.quotes, edited.unsupported]).toEqual([
      '2020-11-20..2020-11-21',
      'undisputed',
      [],
      true,
    ]);
    await json(path, 'fact', 'delete', String(b?.id));
    expect(await list()).toEqual([a?.id, d?.id]);
    expect(await list('--deleted')).toEqual([b?.id]);
    await json(path, 'fact', 'restore', String(b?.id));
    expect(await list()).toEqual([a?.id, b?.id, d?.id]);
    const check = await exhibit(path, 'check');
    expect(check.code).toBe(0);
  });

  it('refuses bad input with one line naming the option, and changes nothing', async () => {
    const { path } = await setUp();
    const cases: [string[], RegExp][] = [
      [['fact', 'add', '--date', '2020-11-31', '--text', 'x'], /^exhibit: --date: "2020-11-31": there is no day 31/],
      [['fact', 'add', '--date', 'yesterday', '--text', 'x'], /^exhibit: --date: "yesterday" is not a date/],
      [['fact', 'add', '--date', '2020', '--text', ' '], /^exhibit: --text: /],
      [
        ['fact', 'add', '--date', '2020', '--text', 'x', '--status', 'true'],
        /^exhibit: --status: "true" is not one of/,
      ],
      [['fact', 'add', '--date', '2020', '--text', 'x', '--quote', '0'], /^exhibit: --quote: "0" is not a positive/],
      [['fact', 'list', '--from', '2020-1'], /^exhibit: --from: "2020-1" is not a date/],
      [['fact', 'edit', '1'], /^exhibit: fact edit: give --date/],
      [['export', '--facts', '--format', 'md', '--out', 'x.md'], /^exhibit: --format: a chronology is written as/],
      [
        ['export', '--from', '2020', '--all', '--format', 'csv', '--out', 'x.csv'],
        /^exhibit: --from and --to choose facts/,
      ],
    ];
    for (const [args, message] of cases) {
      const out = await exhibit(path, ...args);
      expect([out.code, out.stderr.trim().split('\n').length], args.join(' ')).toEqual([2, 1]);
      expect(out.stderr).toMatch(message);
    }
    const missing = await exhibit(path, 'fact', 'add', '--date', '2020', '--text', 'x', '--quote', '999');
    expect([missing.code, missing.stderr]).toEqual([1, 'exhibit: quote 999: no such quote\n']);
    expect((await json<{ facts: FactRecord[] }>(path, 'fact', 'list')).facts).toEqual([]);
  });

  it('suggest lists dated sentences and accept makes the quote and the fact', async () => {
    const { path, c } = await setUp();
    const { suggestions } = await json<{ suggestions: FactSuggestion[] }>(
      path,
      'fact',
      'suggest',
      '--doc',
      String(c.docs.memo.id),
    );
    const deadline = suggestions.find((s) => s.date === '2020-11-27');
    expect(deadline).toMatchObject({ documentId: c.docs.memo.id, page: 2 });
    const s = deadline as FactSuggestion;
    const { fact } = await json<{ fact: FactRecord }>(
      path,
      'fact',
      'accept',
      '--doc',
      String(s.documentId),
      '--page',
      String(s.page),
      '--start',
      String(s.start),
      '--end',
      String(s.end),
      '--date',
      s.date,
    );
    expect(fact.quotes[0]?.text).toBe(s.sentence);
    expect(fact.dateText).toBe('2020-11-27');
    const after = await json<{ suggestions: FactSuggestion[] }>(
      path,
      'fact',
      'suggest',
      '--doc',
      String(c.docs.memo.id),
    );
    expect(after.suggestions.some((x) => x.start === s.start && x.page === s.page)).toBe(false);
  });
});

describe('exhibit export --facts (acceptance)', () => {
  it('writes three facts from the sample case as DOCX with footnoted citations, CSV, JSON, PDF and a bundle that verifies', async () => {
    const { path, c } = await setUp();
    const facts = await threeFacts(path, c);
    const dir = tempDir();
    const out = (name: string) => join(dir, name);
    for (const [format, file] of [
      ['docx', 'chronology.docx'],
      ['csv', 'chronology.csv'],
      ['json', 'chronology.json'],
      ['pdf', 'chronology.pdf'],
      ['bundle', 'chronology.zip'],
    ] as const) {
      const made = await json<{ facts: number; quotes: number }>(
        path,
        'export',
        '--facts',
        '--format',
        format,
        '--out',
        out(file),
      );
      expect([made.facts, made.quotes]).toEqual([3, 4]);
    }

    const docx = await unzip(out('chronology.docx'));
    const body = wordParagraphs(docx.entries.get('word/document.xml')?.toString() ?? '').map((p) => p.text);
    expect(body).toEqual(
      expect.arrayContaining([
        'Date',
        'Fact',
        'Status',
        'Sources',
        '2020-11-13',
        'undisputed',
        '~2020-11-23',
        'disputed, unsupported',
      ]),
    );
    const notes = wordParagraphs(docx.entries.get('word/footnotes.xml')?.toString() ?? '')
      .map((p) => p.text)
      .filter((t) => t.trim());
    // Chicago notes: one footnote per cited quote, each with its pinpoint page (the memo is printed from page 27).
    expect(notes).toHaveLength(4);
    expect(notes[0]).toMatch(/Whitcombe.*Memorandum.*27–28\.$/);
    expect(notes[2]).toMatch(/Vance.*Letter.*, 1\.$/);
    expect(
      (
        docx.entries
          .get('word/document.xml')
          ?.toString()
          .match(/<w:footnoteReference /g) ?? []
      ).length,
    ).toBe(4);

    const csv = parseCsv(readFileSync(out('chronology.csv'), 'utf8').replace(/^\uFEFF/, ''));
    expect(csv.slice(1).map((r) => [r[0], r[1], r[6]])).toEqual([
      [String(facts[0]?.id), '2020-11-13', 'supports'],
      [String(facts[0]?.id), '2020-11-13', 'supports'],
      [String(facts[1]?.id), '2020-11-20', 'supports'],
      [String(facts[2]?.id), '~2020-11-23', 'contradicts'],
    ]);
    const data = JSON.parse(readFileSync(out('chronology.json'), 'utf8')) as {
      facts: { sources: { exact: string }[] }[];
    };
    expect(data.facts[2]?.sources[0]?.exact).toBe(c.quotes[2]?.text);
    expect((await pdfText(readFileSync(out('chronology.pdf')))).join('\n')).toContain(
      'Senator Vance wrote to Visage Index.',
    );

    const verified = await exhibit(path, 'verify', out('chronology.zip'));
    expect(verified.code).toBe(0);
    const manifest = JSON.parse(
      (await unzip(out('chronology.zip'))).entries.get('manifest.json')?.toString() ?? '{}',
    ) as {
      facts: { id: number; sources: { quoteId: number }[] }[];
      quotes: { id: number }[];
    };
    expect(manifest.facts.map((f) => f.id)).toEqual(facts.map((f) => f.id));
    const inBundle = new Set(manifest.quotes.map((q) => q.id));
    expect(manifest.facts.flatMap((f) => f.sources.map((s) => s.quoteId)).every((id) => inBundle.has(id))).toBe(true);
  });
});
