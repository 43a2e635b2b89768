/**
 * Builds the CLI bundle once, so CLI tests run the same `bin/exhibit.js` users do; and
 * points EXHIBIT_CONFIG_DIR at a temp folder (test workers inherit it), so no test's
 * bundle export makes a signing key or trusts one in the user's own config folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export default function setup(): () => void {
  const root = resolve(import.meta.dirname, '..');
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
  const config = mkdtempSync(join(tmpdir(), 'exhibit-test-config-'));
  process.env['EXHIBIT_CONFIG_DIR'] = config;
  return () => rmSync(config, { recursive: true, force: true });
}
