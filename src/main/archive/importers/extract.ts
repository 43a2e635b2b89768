/** Reads one file into text and metadata with the importer its format calls for, in this thread. */
import { detectFormat, IMPORTERS } from './index.js';
import type { ExtractedDocument, ImportHints } from './types.js';

export async function extractInProcess(
  bytes: Uint8Array,
  fileName: string,
  hints?: ImportHints,
): Promise<ExtractedDocument> {
  // async: a format that cannot be told (an empty file) is a rejection like any other reason.
  return IMPORTERS[detectFormat(bytes, fileName)](bytes, fileName, hints);
}
