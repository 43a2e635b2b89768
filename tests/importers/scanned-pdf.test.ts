/**
 * A scanned PDF (page images, no text): imported whole, with a warning in plain words that
 * says what the user can and cannot do, in the import result and the CLI's import output.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDocument, importPaths } from '../../src/main/archive/index.js';
import { ROOT, tempArchive, tempDir } from '../helpers/archive.js';
import { exhibit } from '../helpers/cli.js';

const SCAN = join(ROOT, 'tests/fixtures/scanned/memo-scan.pdf');

function expectPlainWords(warning: string | undefined): void {
  expect(warning).toMatch(
    /^its pages are images with no text \(a scan or a photo\): it can be read, but its words cannot be selected, quoted or searched/,
  );
  expect(warning).toContain('until OCR has recognised them');
  // No jargon the user must decode.
  expect(warning).not.toMatch(/text layer|image\(s\)|needs OCR/);
}

describe('a scanned PDF', () => {
  it('is imported with its pages and a warning in plain words', async () => {
    const archive = await tempArchive();
    const [result] = await importPaths(archive, [SCAN]);
    expect(result?.status).toBe('imported');
    expect(result?.warnings).toHaveLength(1);
    expectPlainWords(result?.warnings[0]);
    const doc = await getDocument(archive.db, result?.documentId ?? 0);
    expect(doc.pageCount).toBe(2);
    expect(doc.warnings).toEqual(result?.warnings);
  });

  it('the CLI’s import output says the same', () => {
    const archive = join(tempDir(), 'case.exhibit');
    // The warning is the import's; OCR (tests/ocr/) is left out to keep this quick.
    const run = exhibit(['--archive', archive, 'import', '--no-ocr', SCAN]);
    expect(run.code).toBe(0);
    const line = run.stdout.split('\n').find((l) => l.includes('warning:'));
    expectPlainWords(line?.replace(/^\s*warning: /, ''));
  });
});
