/**
 * Importing files and folders. Each file is read, fingerprinted, checked for a
 * duplicate, extracted, then stored all or nothing (a folder in groups of documents, see
 * import-batch.ts). A failing file gets a one-line reason and the batch goes on. An Exhibit evidence bundle is routed to import/bundle.ts.
 */
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { DocumentType } from '../../../shared/document.js';
import { assertWritable, type Archive } from '../archive.js';
import { retryWhileBusy } from '../busy.js';
import { normalizeTagName } from '../tags/names.js';
import { addTags } from '../tags/tags.js';
import { importBundle, isEvidenceBundle, type BundleImportOptions } from './bundle.js';
import { importFilesGrouped, isShaConflict, reasonForFs } from './import-batch.js';
import { prepareFile, storePrepared } from './prepare.js';
import type { ImportResult } from './results.js';

export { MAX_FILE_BYTES } from './limits.js';
export { MAX_ATTACHMENT_DEPTH, MAX_ATTACHMENTS_PER_FILE, sha256Hex } from './prepare.js';
export type { ImportResult, ImportStatus, BundleImportSummary, BundleQuoteOutcome } from './results.js';

export interface ImportProgress {
  /** Files finished so far, and how many there are in all. */
  done: number;
  total: number;
  path: string;
  result: ImportResult | null;
}

export interface ImportOptions {
  type?: DocumentType;
  /** Tags for every imported document (and attachment), set in the same transaction as the import. */
  tags?: readonly string[];
  onProgress?: (progress: ImportProgress) => void;
  /** Called when another program holds the archive's write lock and the import waits for it. */
  onBusy?: () => void;
  signal?: AbortSignal;
  /** Read metadata from each document's face and group versions (default true; `--no-infer` sets false). */
  infer?: boolean;
}

type BytesOptions = Pick<ImportOptions, 'type' | 'tags' | 'onBusy' | 'signal' | 'infer'> & {
  /** The file's modification time (ISO), kept as a file date. */
  fileModified?: string | null;
};

/** Expands folders (recursively, in name order) into files; unreadable paths become failures. */
async function expand(paths: readonly string[]): Promise<{ files: string[]; failures: ImportResult[] }> {
  const files: string[] = [];
  const failures: ImportResult[] = [];
  const fail = (path: string, reason: string) =>
    failures.push({ path, status: 'failed', documentId: null, error: `${path}: ${reason}`, warnings: [] });
  const visit = async (path: string): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      fail(path, reasonForFs(error));
      return;
    }
    if (info.isDirectory()) {
      let entries: string[];
      try {
        entries = (await readdir(path)).sort();
      } catch (error) {
        fail(path, reasonForFs(error));
        return;
      }
      for (const entry of entries) await visit(join(path, entry));
    } else if (info.isFile()) {
      files.push(path);
    } else {
      fail(path, 'not a regular file');
    }
  };
  for (const path of paths) await visit(path);
  return { files, failures };
}

/** The options a bundle import shares with a plain one. */
function busyAndTags(options: Pick<ImportOptions, 'tags' | 'onBusy' | 'signal'>): BundleImportOptions {
  return {
    ...(options.tags ? { tags: options.tags } : {}),
    ...(options.onBusy ? { onBusy: options.onBusy } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

/** Imports bytes already in memory (a file, or an attachment); returns its results, attachments after it. */
export async function importBytes(
  archive: Archive,
  bytes: Uint8Array,
  path: string,
  options: BytesOptions = {},
): Promise<ImportResult[]> {
  const store = { ...options, infer: options.infer ?? true };
  const busy = {
    ...(options.onBusy ? { onBusy: options.onBusy } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  for (let attempt = 1; ; attempt++) {
    const prepared = await prepareFile(archive.db, bytes, { path, fileName: basename(path) });
    if (prepared.kind === 'duplicate') {
      const warnings = prepared.deletedAt ? [`the existing copy (document ${prepared.id}) is in the trash`] : [];
      // The user asked for these tags on what this file is: the copy already in the archive.
      const tags = options.tags;
      if (tags?.length) await retryWhileBusy(() => addTags(archive, tags, { documentIds: [prepared.id] }), busy);
      return [{ path, status: 'duplicate', documentId: prepared.id, error: null, warnings }];
    }
    try {
      return await retryWhileBusy(
        () => archive.db.transaction().execute(async (trx) => (await storePrepared(trx, prepared.file, store)).results),
        busy,
      );
    } catch (error) {
      // Prepared again, the file (or the attachment another process stored) is a duplicate.
      if (isShaConflict(error) && attempt < 3) continue;
      throw error;
    }
  }
}

/**
 * Imports a file handed over as bytes (dropped on the app in a browser, where no path is
 * known): an evidence bundle among them is recognised and imported as from disk. Its bytes
 * pass through a private temporary folder (mode 0700, removed at once), since the bundle
 * reader verifies the zip from a file.
 */
export async function importDroppedFile(
  archive: Archive,
  bytes: Uint8Array,
  name: string,
  options: BytesOptions = {},
): Promise<ImportResult[]> {
  assertWritable(archive);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (zip && extname(name).toLowerCase() !== '.docx') {
    const dir = await mkdtemp(join(tmpdir(), 'exhibit-drop-'));
    try {
      const copy = join(dir, 'dropped.zip');
      await writeFile(copy, bytes, { mode: 0o600 });
      if (await isEvidenceBundle(copy))
        return await importBundle(archive, copy, { displayPath: name, ...busyAndTags(options) });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return importBytes(archive, bytes, name, options);
}

/** Imports files and folders; never throws for a bad file. */
export async function importPaths(
  archive: Archive,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  // A bad tag name is a mistake in the command, not in a file: refuse before importing anything.
  for (const tag of options.tags ?? []) normalizeTagName(tag);
  assertWritable(archive);
  const { files, failures } = await expand(paths);
  const results: ImportResult[] = [...failures];
  await importFilesGrouped(archive, files, { ...options, infer: options.infer ?? true }, results);
  return results;
}
