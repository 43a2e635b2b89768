import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, tempDir } from '../helpers/archive.js';
import { exhibit } from '../helpers/cli.js';

interface ImportJson {
  results: { path: string; status: string; documentId: number | null; error: string | null; warnings: string[] }[];
}

function setup() {
  const dir = tempDir();
  const archive = join(dir, 'case.exhibit');
  const note = join(dir, 'note.txt');
  writeFileSync(note, 'Officers are barred from third-party facial-recognition services.\n');
  return { dir, archive, note };
}

describe('exhibit CLI: documents', () => {
  it('imports files and folders, reports failures per file with exit 1, and lists documents as JSON', () => {
    const { archive, note, dir } = setup();
    const empty = join(dir, 'empty.pdf');
    writeFileSync(empty, '');
    const run = exhibit([
      '--archive',
      archive,
      '--json',
      'import',
      note,
      empty,
      corpus('pdf-good', 'pdfplumber__federal-register-2020-17221.pdf'),
    ]);
    expect(run.code).toBe(1);
    const { results } = run.json<ImportJson>();
    expect(results.map((r) => r.status)).toEqual(['imported', 'failed', 'imported']);
    expect(results[1]?.error).toBe(`${empty}: empty file`);
    expect(run.stderr).not.toMatch(/\n\s+at /);

    const docs = exhibit(['--archive', archive, '--json', 'docs']);
    expect(docs.code).toBe(0);
    const { documents } = docs.json<{ documents: Record<string, unknown>[] }>();
    expect(documents).toHaveLength(2);
    for (const key of ['id', 'title', 'type', 'date', 'authors', 'fileName', 'sha256', 'pageCount'])
      expect(documents[0]).toHaveProperty(key);

    const again = exhibit(['--archive', archive, '--json', 'import', note]);
    expect(again.code).toBe(0);
    expect(again.json<ImportJson>().results[0]).toMatchObject({
      status: 'duplicate',
      documentId: results[0]?.documentId,
    });
  });

  it('shows a page, edits metadata and keeps custody', () => {
    const { archive } = setup();
    const pdf = corpus('pdf-good', 'pdfplumber__federal-register-2020-17221.pdf');
    const id = String(
      exhibit(['--archive', archive, '--json', 'import', pdf]).json<ImportJson>().results[0]?.documentId,
    );
    const show = exhibit(['--archive', archive, '--json', 'show', id, '--page', '2']);
    expect(show.code).toBe(0);
    const shown = show.json<{
      document: { id: number; pageCount: number };
      pages: { number: number; text: string }[];
    }>();
    expect(shown.pages).toHaveLength(1);
    expect(shown.pages[0]?.number).toBe(2);
    expect(shown.pages[0]?.text.length).toBeGreaterThan(1000);

    const meta = exhibit([
      '--archive',
      archive,
      '--json',
      'meta',
      id,
      '--title',
      'Airworthiness Directives',
      '--date',
      '2020-08',
      '--type',
      'report',
      '--author',
      'Federal Aviation Administration',
      'Lance T. Gant',
    ]);
    expect(meta.code).toBe(0);
    expect(meta.json<{ document: Record<string, unknown> }>().document).toMatchObject({
      title: 'Airworthiness Directives',
      date: '2020-08',
      type: 'report',
      authors: ['Federal Aviation Administration', 'Lance T. Gant'],
    });

    const history = exhibit(['--archive', archive, '--json', 'history', id]).json<{ entries: { action: string }[] }>();
    expect(history.entries.map((e) => e.action)).toEqual(['import', 'edit']);
    const check = exhibit(['--archive', archive, '--json', 'check']);
    expect(check.code).toBe(0);
    expect(check.json()).toMatchObject({ ok: true, documents: 1 });
  });

  it('exits 2 with a one-line message on usage errors', () => {
    const { archive } = setup();
    const cases = [
      ['frobnicate'],
      ['show', 'abc'],
      ['meta', '1', '--date', 'soon'],
      ['import', '--type', 'novel', 'x.txt'],
      ['delete', '1'],
    ];
    for (const args of cases) {
      const run = exhibit(['--archive', archive, ...args]);
      if (args[0] === 'delete') {
        // No such document: an archive error (1), named plainly.
        expect(run.code, args.join(' ')).toBe(1);
        expect(run.stderr).toMatch(/^exhibit: document 1: no such document/);
      } else {
        expect(run.code, args.join(' ')).toBe(2);
      }
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('asks before deleting, and moves to a trash that can be restored or emptied', () => {
    const { archive, note } = setup();
    const id = String(
      exhibit(['--archive', archive, '--json', 'import', note]).json<ImportJson>().results[0]?.documentId,
    );
    const refused = exhibit(['--archive', archive, 'delete', id]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--yes/);
    expect(exhibit(['--archive', archive, 'delete', id, '--yes']).code).toBe(0);
    expect(exhibit(['--archive', archive, '--json', 'docs']).json<{ documents: unknown[] }>().documents).toHaveLength(
      0,
    );
    expect(exhibit(['--archive', archive, 'trash', 'restore', id]).code).toBe(0);
    expect(exhibit(['--archive', archive, '--json', 'docs']).json<{ documents: unknown[] }>().documents).toHaveLength(
      1,
    );
    exhibit(['--archive', archive, 'delete', id, '--yes']);
    expect(exhibit(['--archive', archive, 'trash', 'empty']).code).toBe(2);
    expect(exhibit(['--archive', archive, '--json', 'trash', 'empty', '--yes']).json()).toEqual({ purged: 1 });
    expect(exhibit(['--archive', archive, '--json', 'check']).json()).toMatchObject({
      ok: true,
      documents: 0,
      originals: 0,
    });
  });

  it('takes the archive from EXHIBIT_ARCHIVE and refuses a file that is not an archive', () => {
    const { archive, note, dir } = setup();
    expect(exhibit(['import', note], { EXHIBIT_ARCHIVE: archive }).code).toBe(0);
    expect(
      exhibit(['--json', 'docs'], { EXHIBIT_ARCHIVE: archive }).json<{ documents: unknown[] }>().documents,
    ).toHaveLength(1);
    const bogus = join(dir, 'bogus.exhibit');
    writeFileSync(bogus, 'x'.repeat(4096));
    const run = exhibit(['--archive', bogus, 'docs']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^exhibit: .*bogus\.exhibit: not an Exhibit archive/);
  });
});
