/**
 * `npm start`: builds the app with electron-vite and opens it (the sample case on first
 * launch, then the last archive). Says why when the Electron binary is missing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fetchElectronBinary, findElectronBinary } from './electron-binary.js';

const root = resolve(import.meta.dirname, '..');
let binary = findElectronBinary(root);
let fetchFailure: string | null = null;
if (!binary.path) {
  // Electron 45 fetches its binary on first use, not at npm install: fetch it once now.
  process.stderr.write('npm start: fetching the Electron binary (once)…\n');
  fetchFailure = fetchElectronBinary(root);
  binary = findElectronBinary(root);
}
if (!binary.path) {
  process.stderr.write(
    `npm start: cannot open Exhibit: ${binary.reason}.\n` +
      (fetchFailure ? `Fetching it failed: ${fetchFailure}.\n` : '') +
      'To look at the interface without Electron: npm run dev:web -- --archive case.exhibit --sample\n',
  );
  process.exit(1);
}

const build = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(binary.path, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
