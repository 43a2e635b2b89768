/**
 * `exhibit meta --infer`, `--accept`, `--reject`, `import --no-infer` and the file's own
 * dates, through the real CLI on real files: a person's edit is never overwritten, every
 * decision is in custody and `exhibit check` stays clean after each.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/shared/document.js';
import { corpus, ROOT, tempDir } from '../helpers/archive.js';
import { exhibit } from '../helpers/cli.js';

const MEMO = join(ROOT, 'resources/sample-case/files/2020-11-13-port-alder-police-memo.pdf');

interface Shown {
  document: DocumentRecord;
  inferences: { field: string; value: unknown; status: string; rule: string }[];
  fileDates: Record<string, string>;
  versions: number[];
  userFields: string[];
}

function archiveRunner(path = join(tempDir(), 'case.exhibit')) {
  const run = (...args: string[]) => exhibit(['--archive', path, '--json', ...args]);
  const show = (id: number) => run('show', String(id)).json<Shown>();
  const history = (id: number) =>
    run('history', String(id)).json<{ entries: { action: string; details: Record<string, unknown> }[] }>().entries;
  const expectClean = () => {
    const check = run('check');
    expect(check.json<{ problems: unknown[] }>().problems).toEqual([]);
    expect(check.code).toBe(0);
  };
  return { path, run, show, history, expectClean };
}

function importOne(run: ReturnType<typeof archiveRunner>['run'], file: string, ...flags: string[]): number {
  const imported = run('import', ...flags, file);
  expect(imported.code, imported.stderr).toBe(0);
  return imported.json<{ results: { documentId: number }[] }>().results[0]?.documentId ?? -1;
}

describe('a file’s own dates', () => {
  it('are kept as file dates: a PDF with no date on its face is undated, cited "n.d." with a warning by title', () => {
    const { run, show, path } = archiveRunner();
    const id = importOne(run, corpus('pdf-good', 'tabula__12s0324.pdf'));
    const shown = show(id);
    expect(shown.fileDates.created).toBe('2011-08-18');
    expect(shown.fileDates.fileModified).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(shown.document.date).toBeNull();
    const words = shown.document.title;
    const quoted = run(
      'quote',
      'add',
      String(id),
      '--text',
      (run('show', String(id)).json<{ pages: { text: string }[] }>().pages[0]?.text ?? '').trim().split('\n')[0] ?? '',
    );
    expect(quoted.code, quoted.stderr).toBe(0);
    const out = join(path, '..', 'quotes.md');
    const exported = exhibit(['--archive', path, 'export', '--all', '--format', 'md', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(`warning: document ${id} ("${words}"): no date (cited as "n.d.")`);
    expect(readFileSync(out, 'utf8')).toContain('n.d.');
    expect(readFileSync(out, 'utf8')).not.toContain('2011');
  });
});

describe('exhibit meta --infer', () => {
  it('never overwrites a field a person set, on one document or all', () => {
    const { run, show, expectClean } = archiveRunner();
    const id = importOne(run, MEMO);
    expect(run('meta', String(id), '--title', 'The interim ban', '--date', '2020-11-14').code).toBe(0);
    expect(run('meta', String(id), '--organization', '').code).toBe(0);
    expect(show(id).userFields).toEqual(['date', 'organization', 'title']);
    for (const args of [
      [String(id), '--infer'],
      ['--infer', '--all'],
    ]) {
      const again = run('meta', ...args);
      expect(again.code, again.stderr).toBe(0);
      expect(show(id).document).toMatchObject({
        title: 'The interim ban',
        date: '2020-11-14',
        organization: null,
        type: 'memo',
        authors: ['Daniel R. Whitcombe'],
      });
      expectClean();
    }
  });

  it('keeps the type given at import as the person’s', () => {
    const { run, show } = archiveRunner();
    const id = importOne(run, MEMO, '--type', 'report');
    expect(show(id).document.type).toBe('report');
    expect(show(id).inferences.find((i) => i.field === 'type')).toMatchObject({ value: 'memo', status: 'suggested' });
    expect(run('meta', String(id), '--infer').code).toBe(0);
    expect(show(id).document.type).toBe('report');
    expect(show(id).userFields).toEqual(['type']);
  });

  it('accepts and rejects inferred values, each in custody, with check clean after each', () => {
    const { run, show, history, expectClean } = archiveRunner();
    const id = importOne(run, MEMO);
    expect(show(id).document.organization).toBe('Port Alder Police Department');

    expect(run('meta', String(id), '--reject', 'organization').code).toBe(0);
    expect(show(id).document.organization).toBeNull();
    expect(show(id).inferences.find((i) => i.field === 'organization')?.status).toBe('rejected');
    expect(history(id).at(-1)).toMatchObject({ action: 'infer-reject', details: { fields: ['organization'] } });
    expectClean();
    // A rejected value is not applied again by a later run.
    expect(run('meta', String(id), '--infer').code).toBe(0);
    expect(show(id).document.organization).toBeNull();
    expectClean();

    expect(run('meta', String(id), '--accept', 'organization,type').code).toBe(0);
    expect(show(id).document).toMatchObject({ organization: 'Port Alder Police Department', type: 'memo' });
    expect(history(id).at(-1)).toMatchObject({ action: 'infer-accept', details: { fields: ['organization', 'type'] } });
    expectClean();
  });

  it('applies an accepted suggestion', () => {
    const { run, show, expectClean } = archiveRunner();
    const id = importOne(run, corpus('pdf-good', 'formatcorpus__303226.pdf'));
    const suggested = show(id).inferences.filter((i) => i.status === 'suggested');
    expect(suggested.length, 'the engine offers at least one suggestion on this file').toBeGreaterThan(0);
    const [first] = suggested;
    if (!first) return;
    expect(run('meta', String(id), '--accept', first.field).code).toBe(0);
    const after = show(id);
    expect(after.inferences.find((i) => i.field === first.field)?.status).toBe('applied');
    expect(JSON.stringify(after.document[first.field as keyof DocumentRecord])).toContain(
      JSON.stringify(first.value).replace(/^\[|\]$/g, ''),
    );
    expectClean();
  });

  it('refuses bad input with one line naming the option or field', () => {
    const { run } = archiveRunner();
    const id = String(importOne(run, corpus('pdf-good', 'tabula__12s0324.pdf')));
    const cases: Array<[string[], RegExp]> = [
      [[id, '--accept', 'description'], /^exhibit: --accept: "description" is not one of date, authors/],
      [[id, '--reject', ','], /^exhibit: --reject: name at least one of/],
      [['--all'], /^exhibit: meta: --all goes with --infer/],
      [[id, '--infer', '--all'], /^exhibit: meta --infer --all: give no document id/],
      [
        [id, '--infer', '--title', 'x'],
        /^exhibit: meta: give field edits, --infer, --accept or --reject, one at a time/,
      ],
      [['--infer'], /^exhibit: meta: give a document id/],
      [['99', '--infer'], /^exhibit: document 99: no such document/],
      [[id, '--accept', 'recipients'], /^exhibit: document \d+: nothing was inferred for recipients/],
    ];
    for (const [args, message] of cases) {
      const result = run('meta', ...args);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
  });
});

describe('exhibit import --no-infer', () => {
  it('stores no inferences and groups no versions', () => {
    const { run, show } = archiveRunner();
    const id = importOne(run, MEMO, '--no-infer');
    const shown = show(id);
    expect(shown.inferences).toEqual([]);
    expect(shown.versions).toEqual([]);
    expect(shown.document.type).toBe('other');
    // Inference later, on demand, reads the same face.
    expect(run('meta', String(id), '--infer').code).toBe(0);
    expect(show(id).document.type).toBe('memo');
  });
});

describe('an archive upgraded from schema 5', () => {
  it('is checked clean, and inference on all its documents keeps what was set by hand', () => {
    const path = join(tempDir(), 'schema-5.exhibit');
    copyFileSync(join(ROOT, 'tests/fixtures/archives/schema-5.exhibit'), path);
    const { run, show, expectClean } = archiveRunner(path);
    expectClean();
    const before = [1, 2].map((id) => show(id).document);
    const all = run('meta', '--infer', '--all');
    expect(all.code, all.stderr).toBe(0);
    expectClean();
    // The sample's metadata and the edits the fixture made were set by a person, before schema 6.
    for (const doc of before)
      expect(show(doc.id).document).toMatchObject({ title: doc.title, date: doc.date, authors: doc.authors });
  });
});
