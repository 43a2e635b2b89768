/** The sample case shipped under resources/sample-case (built by resources/sample-case/build.ts). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Archive } from './archive.js';
import { ArchiveError } from './errors.js';
import { importPaths, type ImportResult } from './import/import-files.js';

/** Finds resources/sample-case from the source tree, the CLI bundle, or an override. */
export function sampleCaseDir(): string {
  const override = process.env['EXHIBIT_RESOURCES'];
  const starts = [override, dirname(fileURLToPath(import.meta.url))].filter((s): s is string => Boolean(s));
  for (const start of starts) {
    let dir = resolve(start);
    for (let i = 0; i < 6; i++) {
      const candidate = join(dir, 'resources', 'sample-case', 'files');
      if (existsSync(candidate)) return candidate;
      dir = dirname(dir);
    }
  }
  throw new ArchiveError('not-found', 'the sample case was not found (resources/sample-case/files)');
}

export async function importSampleCase(archive: Archive): Promise<ImportResult[]> {
  return importPaths(archive, [sampleCaseDir()]);
}
