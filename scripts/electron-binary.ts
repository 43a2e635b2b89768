/**
 * Where the Electron binary is, found without require('electron') (which throws when the
 * binary's download was skipped, as on machines without network at install time).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ElectronBinary {
  /** The executable, or null when it is not installed. */
  path: string | null;
  /** Why it is missing (for a skipped test or `npm start`). */
  reason: string;
}

function platformExecutable(): string {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (process.platform === 'win32') return 'electron.exe';
  return 'electron';
}

export function findElectronBinary(root = resolve(import.meta.dirname, '..')): ElectronBinary {
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const packageDir = join(root, 'node_modules', 'electron');
  const candidates: string[] = [];
  if (override) candidates.push(join(override, platformExecutable()));
  const pathTxt = join(packageDir, 'path.txt');
  if (existsSync(pathTxt)) candidates.push(join(packageDir, 'dist', readFileSync(pathTxt, 'utf8').trim()));
  candidates.push(join(packageDir, 'dist', platformExecutable()));
  for (const candidate of candidates) {
    if (existsSync(candidate)) return { path: candidate, reason: '' };
  }
  const reason = existsSync(packageDir)
    ? `the Electron binary is not installed (${join('node_modules', 'electron', 'dist')} is missing: Electron downloads it on first use and that download failed or was skipped; run "node node_modules/electron/install.js" with network access, or set ELECTRON_OVERRIDE_DIST_PATH)`
    : 'the electron package is not installed (run npm install)';
  return { path: null, reason };
}

/**
 * Runs Electron's own installer (node_modules/electron/install.js) once, quietly. Its failures
 * end in a stack trace from @electron/get ("TypeError: fetch failed" and a dozen "at" lines):
 * the user gets only the first line of its message, without the error's class, or null when
 * it succeeded.
 */
export function fetchElectronBinary(root = resolve(import.meta.dirname, '..')): string | null {
  const install = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (install.status === 0) return null;
  if (install.error) return install.error.message;
  const message = `${install.stderr}\n${install.stdout}`
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('at '));
  return (message ?? `the installer exited with code ${install.status}`).replace(/^[A-Za-z]*Error: /, '');
}
