/** Builds the app (main, preload, renderer) with electron-vite into a folder of the test's own. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './archive.js';

const run = promisify(execFile);

/**
 * A fresh build under .tmp/ (inside the project, so out/main finds package.json's
 * "type": "module" and node_modules). Separate folders let test files build in parallel.
 */
export async function buildApp(): Promise<string> {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const outDir = mkdtempSync(join(ROOT, '.tmp', 'build-'));
  await run(
    process.execPath,
    [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', outDir, '--logLevel', 'warn'],
    {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return outDir;
}
