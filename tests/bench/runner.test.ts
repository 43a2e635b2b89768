/**
 * `npm run bench` loads every benchmark module before it runs the one asked for, so one
 * module that cannot load outside vitest (say, through a test helper that registers hooks)
 * breaks them all. The runner is run here as `npm run bench` runs it, in its own process.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

describe('npm run bench', () => {
  it('loads every benchmark module and lists them', () => {
    const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['bench/run.ts', '--list'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const names = run.stdout
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(':')[0]);
    expect(names).toEqual(['import', 'search', 'export', 'renderer', 'cli', 'infer', 'entities']);
  }, 90_000);
});
