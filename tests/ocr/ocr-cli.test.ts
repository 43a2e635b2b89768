/**
 * `exhibit import --no-ocr`, `exhibit ocr --all` and `show --json`, with the real bin. The OCR
 * run is made with the network unreachable: in a new network namespace (`unshare -rn`: no
 * interface but a loopback that is down), where any request fails, so reading the scan there
 * proves the engine, its worker script, its core and its language data all come from disk.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus, ROOT } from '../helpers/archive.js';
import { exhibit } from '../helpers/cli.js';

const SCAN = corpus('pdf-good/ocrmypdf__c02-22.pdf');

interface ShownPage {
  number: number;
  text: string;
  ocr: { meanConfidence: number; engine: string; languages: string } | null;
}

/** Runs a command with no network; null when this machine cannot make a network namespace. */
function offline(command: string[]): { code: number; stdout: string; stderr: string } | null {
  const probe = spawnSync('unshare', ['-rn', 'true']);
  if (probe.status !== 0) return null;
  const run = spawnSync('unshare', ['-rn', ...command], { encoding: 'utf8', input: '' });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

let dir: string;
let archive: string;

// One archive for the whole file (tempDir() is cleared after each test).
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'exhibit-ocr-cli-'));
  archive = join(dir, 'cli-ocr.exhibit');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('exhibit import --no-ocr, then exhibit ocr --all offline', () => {
  it('imports the scan without reading it', () => {
    const run = exhibit(['--archive', archive, 'import', '--no-ocr', SCAN]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/^ocr /m);
    const shown = exhibit(['--archive', archive, '--json', 'show', '1']).json<{ pages: ShownPage[] }>();
    expect(shown.pages).toEqual([expect.objectContaining({ number: 1, text: '', ocr: null })]);
  });

  it('has no network in its namespace (what the next test relies on)', (context) => {
    const node = process.execPath;
    const probe = offline([
      node,
      '-e',
      "fetch('http://93.184.215.14/').then(() => console.log('reached'), (e) => console.log('unreachable', e.cause?.code))",
    ]);
    if (!probe) {
      console.log('skipped: unshare -rn cannot make a network namespace here');
      context.skip();
      return;
    }
    expect(probe.stdout.trim()).toBe('unreachable ENETUNREACH');
  });

  it('reads the scan with the network unreachable, page by page, and show --json says so', (context) => {
    const run = offline([process.execPath, join(ROOT, 'bin', 'exhibit.js'), '--archive', archive, 'ocr', '--all']);
    if (!run) {
      console.log('skipped: unshare -rn cannot make a network namespace here');
      context.skip();
      return;
    }
    expect(run.stderr, run.stderr).toMatch(/^document 1 page 1\/1: read by OCR \(\d+ words, mean confidence \d+%\)$/m);
    expect(run.stdout).toMatch(/^1 page\(s\) read by OCR in 1 document\(s\)$/m);
    expect(run.code).toBe(0);
    const shown = exhibit(['--archive', archive, '--json', 'show', '1']).json<{ pages: ShownPage[] }>();
    const [page] = shown.pages;
    expect(page?.text).toMatch(/went tip-toeing along a path amongst/);
    expect(page?.ocr).toMatchObject({ engine: 'tesseract.js', languages: 'eng' });
    expect(page?.ocr?.meanConfidence).toBeGreaterThan(50);
    const text = exhibit(['--archive', archive, 'show', '1']);
    expect(text.stdout).toMatch(/^--- page 1 \(text recognised by OCR, mean confidence \d+%\) ---$/m);
  });

  it('names a language that is not installed, and where it was sought', () => {
    const run = exhibit(['--archive', archive, 'ocr', '--force', '--lang', 'eng+xyz', '1']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(
      /^exhibit: OCR language xyz not installed: no xyz\.traineddata in .*\/usr\/share\/tesseract-ocr\/5\/tessdata/m,
    );
    expect(exhibit(['--archive', archive, 'ocr']).stderr).toMatch(/give a document ID or --all/);
  });
});
