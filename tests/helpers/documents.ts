/** Small real documents for quote, tag and search tests: text files imported the normal way. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  importPaths,
  replacePageTexts,
  updateMetadata,
  type Archive,
  type MetadataPatch,
} from '../../src/main/archive/index.js';
import { tempDir } from './archive.js';

/**
 * Imports a text document; with several pages, its text is then split into those pages
 * (as a re-extraction would). Returns the document id.
 */
export async function addTextDocument(
  archive: Archive,
  pages: string | string[],
  meta: MetadataPatch = {},
): Promise<number> {
  const list = typeof pages === 'string' ? [pages] : pages;
  const dir = tempDir();
  const path = join(
    dir,
    `${(meta.title ?? 'document').replace(/[^\w-]+/g, '-')}-${Math.random().toString(36).slice(2)}.txt`,
  );
  writeFileSync(path, list.join('\n'));
  const [result] = await importPaths(archive, [path]);
  if (!result || result.status !== 'imported' || result.documentId === null)
    throw new Error(`import failed: ${result?.error}`);
  const id = result.documentId;
  if (list.length > 1) await replacePageTexts(archive, id, list, { reason: 'test pages' });
  if (Object.keys(meta).length > 0) await updateMetadata(archive, id, meta);
  return id;
}
