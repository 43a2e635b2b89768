/** Every real DOCX, EML, HTML and text file of the fixtures (under `npm run test:corpus`, of the whole shared corpus) through the real pipeline. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../src/main/archive/index.js';
import { corpus, tempArchive } from '../helpers/archive.js';
import { expectReadableFailure, expectSoundArchive, stored } from '../helpers/import.js';

const FOLDERS = ['docx', 'eml', 'html', 'text'];

describe('the corpus', () => {
  it('imports every DOCX, EML, HTML and text file with readable text, or says in one line why not', async () => {
    const archive = await tempArchive();
    const results = await importPaths(
      archive,
      FOLDERS.map((f) => corpus(f)),
    );
    const files = FOLDERS.flatMap((f) => readdirSync(corpus(f)).map((name) => corpus(f, name)));
    const topLevel = results.filter((r) => !r.path.includes('#'));
    expect(topLevel.map((r) => r.path).sort()).toEqual(files.sort());
    for (const result of results) {
      if (result.status === 'failed') {
        expectReadableFailure(result);
        continue;
      }
      expect(result.status, result.path).toBe('imported');
      const { document, text } = await stored(archive, result);
      expect(document.title.trim(), result.path).not.toBe('');
      expect(text, result.path).not.toContain('\0');
      if (document.format === 'html' || document.format === 'docx')
        expect(text, result.path).not.toMatch(/<(script|style|div|p|span)\b/i);
    }
    // Every file of these folders is a real, readable document: none should fail.
    expect(topLevel.filter((r) => r.status !== 'imported').map((r) => r.error)).toEqual([]);
    await expectSoundArchive(archive, results);
  });
});
