/** Files Exhibit ships beside its code, found the same way from the source tree, the bundled CLI and the app. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The first `relative` found walking up from this module's folder, or null. */
export function findUp(relative: string): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

let version: string | null = null;

/** Exhibit's version, from its package.json (recorded in every bundle). */
export function exhibitVersion(): string {
  if (version) return version;
  const path = findUp('package.json');
  try {
    const pkg = path ? (JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string }) : {};
    version = pkg.name === 'exhibit' && pkg.version ? pkg.version : 'unknown';
  } catch {
    version = 'unknown';
  }
  return version;
}
