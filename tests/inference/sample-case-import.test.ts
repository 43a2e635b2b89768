/**
 * Issue 13's acceptance: the sample case's memo, letter and statement, imported as plain
 * files (not through `exhibit sample`, which states their metadata), show the date,
 * authors, recipients, type and title on their faces, and their citations carry them in
 * every export format.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/shared/document.js';
import { ROOT, tempDir } from '../helpers/archive.js';
import { exhibit } from '../helpers/cli.js';

const FILES = join(ROOT, 'resources/sample-case/files');

interface Shown {
  document: DocumentRecord;
  pages: { text: string }[];
  inferences: {
    field: string;
    status: string;
    source: { page: number; start: number; end: number; text: string } | null;
  }[];
}

function setup() {
  const archive = join(tempDir(), 'case.exhibit');
  const run = (...args: string[]) => exhibit(['--archive', archive, '--json', ...args]);
  const imported = run('import', FILES);
  expect(imported.code, imported.stderr).toBe(0);
  const results = imported.json<{ results: { path: string; documentId: number }[] }>().results;
  const idOf = (name: string) => results.find((r) => r.path.endsWith(name))?.documentId ?? -1;
  return { archive, run, idOf };
}

describe('the sample case imported as plain files', () => {
  it('reads each document’s date, authors, recipients, type and title from its face, with the words it read', () => {
    const { run, idOf } = setup();
    const show = (name: string) => run('show', String(idOf(name))).json<Shown>();

    const memo = show('2020-11-13-port-alder-police-memo.pdf');
    expect(memo.document).toMatchObject({
      date: '2020-11-13',
      type: 'memo',
      authors: ['Daniel R. Whitcombe'],
      recipients: ['All sworn and civilian personnel'],
      organization: 'Port Alder Police Department',
    });
    expect(memo.document.title).toMatch(/Use of third-party facial-recognition services$/);
    // Each value's evidence stands on its page at the offsets given.
    for (const i of memo.inferences.filter((i) => i.source)) {
      const source = i.source as NonNullable<Shown['inferences'][number]['source']>;
      expect(memo.pages[source.page - 1]?.text.slice(source.start, source.end), i.field).toBe(source.text);
    }

    const letter = show('2020-11-20-senator-vance-letter.docx');
    expect(letter.document).toMatchObject({ date: '2020-11-20', type: 'letter', authors: ['Eleanor M. Vance'] });
    expect(letter.document.recipients.join(' ')).toContain('Jonah Pell');
    expect(letter.document.title).toMatch(/Letter .*Jonah Pell/);

    const statement = show('2020-11-23-visage-index-statement.eml');
    expect(statement.document).toMatchObject({
      date: '2020-11-23',
      type: 'statement',
      authors: ['Visage Index Press Office'],
      // The email's Subject is its title: a header is the format's own, reliable word.
      title: 'Statement from Visage Index on the Port Alder Police Department memorandum',
    });
    expect(statement.document.recipients).toContain('Port Alder newsrooms');
  });

  it('cites them with those dates, authors and titles in every export format', () => {
    const { run, idOf, archive } = setup();
    const quotes: Array<[string, string]> = [
      ['2020-11-13-port-alder-police-memo.pdf', 'A possible match returned by such a service is not an identification'],
      ['2020-11-20-senator-vance-letter.docx', 'I write with serious concerns about the privacy risks'],
      ['2020-11-23-visage-index-statement.eml', 'A result from our platform is a lead, not an identification'],
    ];
    for (const [name, text] of quotes) expect(run('quote', 'add', String(idOf(name)), '--text', text).code).toBe(0);
    const dir = join(archive, '..');
    const texts: Record<string, string> = {};
    for (const format of ['md', 'html', 'docx', 'pdf', 'csv', 'json']) {
      const out = join(dir, `quotes.${format}`);
      const exported = run('export', '--all', '--style', 'chicago', '--format', format, '--out', out);
      expect(exported.code, exported.stderr).toBe(0);
      texts[format] =
        format === 'pdf'
          ? execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' })
          : format === 'docx'
            ? execFileSync('unzip', ['-p', out, 'word/document.xml', 'word/footnotes.xml'], {
                encoding: 'utf8',
              }).replace(/<[^>]+>/g, '')
            : readFileSync(out, 'utf8');
    }
    for (const [format, text] of Object.entries(texts)) {
      const flat = text.replace(/\s+/g, ' ');
      for (const expected of [
        'Daniel R. Whitcombe',
        'November 13, 2020',
        'Eleanor M. Vance',
        'Jonah Pell',
        'November 20, 2020',
        'Visage Index Press Office',
        'November 23, 2020',
      ])
        expect(flat, `${format} carries ${expected}`).toContain(expected);
      expect(flat, `${format}: the memo's title`).toMatch(/Use of Third-Party Facial-Recognition Services/i);
      expect(flat, `${format}: the statement's title`).toMatch(/Statement from Visage Index on the Port Alder/i);
      expect(flat, `${format}: no file's date`).not.toMatch(/n\.d\./);
    }
  });
});
