/**
 * Opening an archive made before search in every script re-indexes its pages and quotes once
 * (migration 7). The CLI says so, with the counts, on the run that does it and never again.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/archive.js';
import { exhibit } from '../helpers/cli.js';

describe('exhibit on an archive from before search in every script', () => {
  it('says it re-indexed, once', () => {
    const path = join(tempDir(), 'old.exhibit');
    copyFileSync(join(ROOT, 'tests/fixtures/archives/schema-6-cjk.exhibit'), path);
    const first = exhibit(['--archive', path, 'tag', 'add', 'minutes', '--doc', '1']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^exhibit: upgraded search for every script: [1-9]\d* pages re-indexed$/m);
    expect(first.stderr).toMatch(/^exhibit: upgraded search for every script: 1 quotes and notes re-indexed$/m);
    const found = exhibit(['--archive', path, '--json', 'search', '開発者']);
    expect(found.code, found.stderr).toBe(0);
    expect(found.stderr).toBe('');
    expect(found.json<{ total: number }>().total).toBeGreaterThan(0);
  });
});
