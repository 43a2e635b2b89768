/**
 * Importing the sample case from the app (first launch, and the renderer's "sample"
 * call): the core's importPaths, for its progress and cancellation, then the metadata
 * resources/sample-case/case.json states, as `exhibit sample` does (importSampleCase), so
 * the sample reads the same whichever way it was made.
 */
import { relative } from 'node:path';
import {
  importPaths,
  retryWhileBusy,
  updateMetadata,
  type Archive,
  type ImportOptions,
  type ImportResult,
} from '../archive/index.js';
import { readSampleManifest, sampleCaseDir } from '../archive/sample.js';

/** Progress and cancellation as importPaths gives them; the metadata pass follows the import. */
export async function importSampleWithProgress(archive: Archive, options: ImportOptions = {}): Promise<ImportResult[]> {
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
