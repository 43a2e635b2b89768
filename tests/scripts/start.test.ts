/**
 * `npm start` where Electron's binary is missing and cannot be fetched: the user reads the
 * explanation and the way to see the interface without Electron, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary.js';
import { ROOT, tempDir } from '../helpers/archive.js';

const binary = findElectronBinary(ROOT);
if (binary.path)
  console.info(
    `npm start without Electron: skipped because the Electron binary is installed here (${binary.path}); npm start would open a window.`,
  );

describe('npm start without the Electron binary', () => {
  it.skipIf(binary.path !== null)('explains itself in a few lines, with no stack trace, and opens nothing', () => {
    const home = tempDir();
    const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/start.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        // An empty download cache, and a mirror on a closed local port: the fetch fails at once,
        // as it does without network, even on a machine that has network.
        HOME: home,
        electron_config_cache: join(home, 'electron-cache'),
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      },
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output).toBe(1);
    expect(run.stderr).toContain('npm start: cannot open Exhibit: the Electron binary is not installed');
    expect(run.stderr).toContain('npm run dev:web -- --archive case.exhibit --sample');
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toMatch(/\b[A-Za-z]*Error:/);
    expect(run.stderr).toMatch(/^Fetching it failed: .+\.$/m);
    expect(existsSync(join(ROOT, 'node_modules', 'electron', 'dist'))).toBe(false);
  });
});
