/**
 * Versions of one text, whatever their format: the memo as PDF and as plain text (the same
 * words, written out by the test from the PDF's own pages) are one group; a different
 * document is in none. Through the real CLI on real files.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/archive.js';
import { exhibit } from '../helpers/cli.js';

const FILES = join(ROOT, 'resources/sample-case/files');

describe('versions', () => {
  it('groups the same text imported as PDF and as TXT, and nothing else with it', () => {
    const dir = tempDir();
    const archive = join(dir, 'case.exhibit');
    const run = (...args: string[]) => exhibit(['--archive', archive, '--json', ...args]);
    const ids = (r: ReturnType<typeof run>) =>
      r.json<{ results: { documentId: number }[] }>().results.map((x) => x.documentId);
    const [pdf] = ids(run('import', join(FILES, '2020-11-13-port-alder-police-memo.pdf')));
    const [letter] = ids(run('import', join(FILES, '2020-11-20-senator-vance-letter.docx')));
    const pages = run('show', String(pdf)).json<{ pages: { text: string }[] }>().pages;
    // Plain text as a person would save it: pages run together, lines re-wrapped.
    const txt = join(dir, 'memo.txt');
    writeFileSync(txt, pages.map((p) => p.text.replace(/\n(?!\n)/g, ' ')).join('\n\n'));
    const [text] = ids(run('import', txt));
    const versions = (id: number | undefined) => run('show', String(id)).json<{ versions: number[] }>().versions;
    expect(versions(text)).toEqual([pdf]);
    expect(versions(pdf)).toEqual([text]);
    expect(versions(letter)).toEqual([]);
    const history = run('history', String(text)).json<{ entries: { details: { versionGroup?: number } }[] }>();
    expect(history.entries[0]?.details.versionGroup).toBe(pdf);
    expect(run('check').code).toBe(0);
  });
});
