/** The sample case shipped under resources/sample-case (built by resources/sample-case/build.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { documentMetadataSchema } from '../../shared/document-metadata.js';
import type { Archive } from './archive.js';
import { updateMetadata } from './documents.js';
import { ArchiveError, messageOf } from './errors.js';
import { retryWhileBusy } from './busy.js';
import { importPaths, type ImportOptions, type ImportResult } from './import/import-files.js';

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

/** case.json: each file's metadata stated in full, under the rules of an edit (it is set as one). */
const manifestSchema = z.strictObject({ notice: z.string(), documents: z.record(z.string(), documentMetadataSchema) });

export type SampleManifest = z.infer<typeof manifestSchema>;

/**
 * The sample's metadata (resources/sample-case/case.json), keyed by file name, an email
 * attachment as `email.eml#attachment.txt`. Importers guess from what a file says of
 * itself; the sample should read exactly as written, so its metadata is stated.
 */
export function readSampleManifest(filesDir: string): SampleManifest {
  const path = join(dirname(filesDir), 'case.json');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ArchiveError('not-found', `${path}: the sample case's manifest cannot be read (${messageOf(error)})`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArchiveError(
      'invalid-input',
      `${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid manifest'}`,
    );
  }
  return parsed.data;
}

/**
 * Imports the sample case, then sets each newly imported document's metadata from the
 * manifest (each edit in the custody history). Documents already in the archive are
 * reported as duplicates and left as the user may have edited them.
 */
export async function importSampleCase(archive: Archive, options: ImportOptions = {}): Promise<ImportResult[]> {
  const filesDir = sampleCaseDir();
  const manifest = readSampleManifest(filesDir);
  const results = await importPaths(archive, [filesDir], options);
  for (const result of results) {
    if (result.status !== 'imported' || result.documentId === null) continue;
    const entry = manifest.documents[relative(filesDir, result.path).split('\\').join('/')];
    // Each edit is its own transaction, tried again alone while another program writes.
    const id = result.documentId;
    if (entry) await retryWhileBusy(() => updateMetadata(archive, id, entry), options);
  }
  return results;
}
