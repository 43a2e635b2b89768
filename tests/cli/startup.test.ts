/**
 * The CLI starts fast because each command loads only its part of the core. Timing is left
 * to bench/cli.ts; this checks what a run loads: the real bin, with a hook that lists every
 * module the process loads.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/archive.js';
import { exhibit } from '../helpers/cli.js';

/** What `--help` and `search` must never pay for: readers, writers, citations, schemas. */
const HEAVY = [
  'pdfjs-dist',
  'pdf-lib',
  '@pdf-lib/fontkit',
  'citeproc',
  'docx',
  'mammoth',
  'postal-mime',
  'htmlparser2',
  'yauzl',
  'yazl',
  'zod',
  'dejavu-fonts-ttf',
];

/** The modules a run of the bin loads, and the npm packages among them (by their folder under node_modules). */
function packagesLoaded(args: string[]): { code: number; stdout: string; urls: string[]; packages: Set<string> } {
  const list = join(tempDir(), 'loaded.txt');
  writeFileSync(list, '');
  const run = spawnSync(
    process.execPath,
    ['--import', join(ROOT, 'tests/helpers/record-loaded-modules.mjs'), join(ROOT, 'bin', 'exhibit.js'), ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, EXHIBIT_LOADED_MODULES: list },
      input: '',
    },
  );
  expect(run.stderr).toBe('');
  const packages = new Set<string>();
  const urls = readFileSync(list, 'utf8').split('\n').filter(Boolean);
  for (const url of urls) {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (m?.[1]) packages.add(m[1]);
  }
  return { code: run.status ?? -1, stdout: run.stdout, urls, packages };
}

describe('exhibit start-up', () => {
  it('--help loads the CLI bundle and nothing of the core', () => {
    const { code, stdout, urls, packages } = packagesLoaded(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('search');
    expect(urls.some((url) => url.endsWith('/out/cli/exhibit.js'))).toBe(true); // the hook sees what loads
    for (const name of [...HEAVY, 'sqlite3', 'kysely']) expect(packages, name).not.toContain(name);
  });

  it('search opens SQLite and finds the word without loading importers, exporters or citeproc', () => {
    const dir = tempDir();
    const archive = join(dir, 'case.exhibit');
    const note = join(dir, 'note.txt');
    writeFileSync(note, 'Officers are barred from third-party facial-recognition services.\n');
    // Without inference: its title stays the file's name, so the word is on the page alone.
    expect(exhibit(['--archive', archive, 'import', '--no-infer', note]).code).toBe(0);

    const { code, stdout, packages } = packagesLoaded(['--archive', archive, 'search', 'barred', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ total: 1 });
    expect(packages).toContain('sqlite3');
    for (const name of HEAVY) expect(packages, name).not.toContain(name);
  });
});
