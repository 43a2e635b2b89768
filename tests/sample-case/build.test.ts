import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSampleCase, manifestJson } from '../../resources/sample-case/build.js';
import { ROOT, tempDir } from '../helpers/archive.js';

const SAMPLE = join(ROOT, 'resources', 'sample-case');
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('the sample case generator', () => {
  it('rebuilds the committed files byte for byte, and the same manifest', async () => {
    const out = tempDir();
    const { files, manifest } = await buildSampleCase(out);
    const committed = readdirSync(join(SAMPLE, 'files')).sort();
    expect(files).toEqual(committed);
    for (const file of files) {
      // A mismatch means build.ts changed without `npx tsx resources/sample-case/build.ts`, or lost its determinism.
      expect(sha256(join(out, file)), file).toBe(sha256(join(SAMPLE, 'files', file)));
    }
    expect(manifestJson(manifest)).toBe(readFileSync(join(SAMPLE, 'case.json'), 'utf8'));
  });

  it('gives every file a manifest entry with a type, a title and a date', async () => {
    const { files, manifest } = await buildSampleCase(tempDir());
    for (const file of files) expect(Object.keys(manifest.documents), file).toContain(file);
    const types = new Set(Object.values(manifest.documents).map((d) => d.type));
    for (const type of ['memo', 'letter', 'statement', 'article']) expect(types).toContain(type);
    for (const [name, entry] of Object.entries(manifest.documents)) {
      expect(entry.title, name).not.toBe('');
      expect(entry.date, name).toMatch(/^2020-11(-\d\d)?$/);
    }
  });
});
