/**
 * A bulk import of files, fast and all-or-nothing per document (issue 16). Two stages run at
 * once: reading (stat, read, SHA-256, extraction in the worker) runs a few files ahead of
 * storing, so the worker reads the next files while this thread writes. Storing groups
 * documents into one transaction, each in its own savepoint: a file that fails is undone
 * alone, and the group commits every GROUP_MAX_DOCUMENTS documents or GROUP_MAX_MS, and
 * whenever the next file is not read yet: the disk flush then overlaps the wait for the
 * reader, so a slow file (a long PDF) never holds finished documents uncommitted.
 *
 * Durability: a document is in the archive once its group commits. A crash or kill loses at
 * most the uncommitted group (never part of a document: SQLite undoes the whole group); the
 * next import of the same files reports the committed ones as duplicates and imports the rest.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Archive } from '../archive.js';
import { retryWhileBusy, type BusyOptions } from '../busy.js';
import { GroupedTransaction, GroupLostError } from '../db/grouped-transaction.js';
import { knownOriginals, type KnownOriginal } from '../db/repos/document-shas.js';
import type { Trx } from '../db/repos/db.js';
import { diskFullReason, isDiskFull } from '../disk-full.js';
import { ArchiveError, messageOf } from '../errors.js';
import { extractionStatus } from '../importers/isolated-extract.js';
import { ownFileKind } from '../own-files.js';
import { addTagsInTransaction } from '../tags/tags.js';
import { importBundle, isEvidenceBundle, type BundleImportOptions } from './bundle.js';
import { MAX_FILE_BYTES } from './limits.js';
import { findDuplicate, prepareFile, storePrepared, type Preparation } from './prepare.js';
import type { ImportResult } from './results.js';
import type { DocumentType } from '../../../shared/document.js';

/** A group commits after this many documents… */
export const GROUP_MAX_DOCUMENTS = 200;
/** …or once it is this old, whichever comes first. */
export const GROUP_MAX_MS = 1000;
/**
 * Files read (and extracted) ahead of the one being stored, when a worker extracts them.
 * Extraction in this thread gains nothing from reading ahead, so there it reads none.
 */
const READ_AHEAD = 4;

export interface BatchOptions extends BusyOptions {
  type?: DocumentType;
  tags?: readonly string[];
  infer: boolean;
  onProgress?: (progress: { done: number; total: number; path: string; result: ImportResult | null }) => void;
}

type Ready =
  | { kind: 'failed'; path: string; error: unknown }
  | { kind: 'bundle'; path: string }
  | { kind: 'file'; path: string; bytes: Uint8Array; fileModified: string; prepared: Preparation | null };

export function reasonForFs(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return messageOf(error);
}

/** A second process stored the same original between our duplicate check and our insert. */
export function isShaConflict(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed: documents\.sha256/.test(error.message);
}

async function reasonFor(archive: Archive, error: unknown): Promise<string> {
  const cause = error instanceof GroupLostError ? error.reason : error;
  if (isDiskFull(cause)) return diskFullReason(archive.path);
  return cause instanceof ArchiveError ? cause.message : reasonForFs(cause);
}

const failed = (path: string, reason: string): ImportResult => ({
  path,
  status: 'failed',
  documentId: null,
  error: `${path}: ${reason}`,
  warnings: [],
});

/** Reads, fingerprints and extracts a file, with no archive access but the list of known originals. */
async function read(path: string, known: Map<string, KnownOriginal>, options: BatchOptions): Promise<Ready> {
  try {
    // Reading an open archive's own files would drop SQLite's locks on them (see own-files.ts).
    const own = await ownFileKind(path);
    if (own) throw new ArchiveError('invalid-input', `this is ${own}`);
    const info = await stat(path);
    // An Exhibit evidence bundle (recognised by its manifest) brings documents, quotes and tags.
    if (info.isFile() && (await isEvidenceBundle(path))) return { kind: 'bundle', path };
    if (info.size > MAX_FILE_BYTES)
      throw new ArchiveError('too-large', `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
    const bytes = new Uint8Array(await readFile(path));
    const fileModified = info.mtime.toISOString();
    const prepared = await prepareFile((sha) => Promise.resolve(known.get(sha)), bytes, {
      path,
      fileName: basename(path),
      ...(options.infer ? { infer: { fileModified, type: options.type } } : {}),
    });
    return { kind: 'file', path, bytes, fileModified, prepared };
  } catch (error) {
    return { kind: 'failed', path, error };
  }
}

/** Stores one read file inside the group's savepoint; the duplicate check here is the one that counts. */
async function storeFile(
  trx: Trx,
  ready: Extract<Ready, { kind: 'file' }>,
  options: BatchOptions,
  known: Map<string, KnownOriginal>,
): Promise<ImportResult[]> {
  const { path, bytes } = ready;
  let prepared = ready.prepared ?? (await prepareFile(trx, bytes, { path, fileName: basename(path) }));
  const sha256 = prepared.kind === 'duplicate' ? prepared.sha256 : prepared.file.sha256;
  const existing = await findDuplicate(trx, sha256);
  if (existing) {
    const warnings = existing.deletedAt ? [`the existing copy (document ${existing.id}) is in the trash`] : [];
    // The user asked for these tags on what this file is: the copy already in the archive.
    if (options.tags?.length) await addTagsInTransaction(trx, options.tags, { documentIds: [existing.id] });
    return [{ path, status: 'duplicate', documentId: existing.id, error: null, warnings }];
  }
  // Known when read, gone since (purged by another program): read again against the archive.
  if (prepared.kind === 'duplicate') prepared = await prepareFile(trx, bytes, { path, fileName: basename(path) });
  if (prepared.kind === 'duplicate') throw new Error(`${path}: changed while importing`);
  const stored = await storePrepared(trx, prepared.file, {
    ...(options.type ? { type: options.type } : {}),
    ...(options.tags?.length ? { tags: options.tags } : {}),
    infer: options.infer,
    fileModified: ready.fileModified,
  });
  for (const [sha, id] of stored.ids) known.set(sha, { id, deletedAt: null });
  return stored.results;
}

/** Imports `files` (already expanded) in groups; appends one or more results per file to `results`. */
export async function importFilesGrouped(
  archive: Archive,
  files: readonly string[],
  options: BatchOptions,
  results: ImportResult[],
): Promise<void> {
  const busy: BusyOptions = {
    ...(options.onBusy ? { onBusy: options.onBusy } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const known = await retryWhileBusy(() => knownOriginals(archive.db), busy);
  const group = new GroupedTransaction(archive.db);
  /** Documents stored in the open group: failed after all if the group is lost. */
  let uncommitted: ImportResult[] = [];
  const lose = async (error: unknown) => {
    const reason = await reasonFor(archive, error);
    for (const r of uncommitted) Object.assign(r, failed(r.path, `${reason} (its group was rolled back)`));
    uncommitted = [];
  };
  const commit = async () => {
    try {
      await group.commit();
      uncommitted = [];
    } catch (error) {
      await lose(error);
    }
  };

  const reading = new Map<number, Promise<Ready>>();
  const settled = new Set<number>();
  const readNext = (i: number) => {
    const path = files[i];
    if (path === undefined) return;
    const promise = read(path, known, options);
    reading.set(i, promise);
    void promise.then(() => settled.add(i));
  };
  const ahead = extractionStatus().mode === 'worker' ? READ_AHEAD : 0;
  for (let i = 0; i < ahead; i++) readNext(i);
  const total = files.length;
  try {
    for (let i = 0; i < total; i++) {
      if (!settled.has(i)) await commit();
      if (!reading.has(i)) readNext(i);
      const ready = await (reading.get(i) as Promise<Ready>);
      reading.delete(i);
      settled.delete(i);
      if (ahead > 0) readNext(i + ahead);
      const { path } = ready;
      if (options.signal?.aborted) {
        results.push(failed(path, 'cancelled'));
        continue;
      }
      options.onProgress?.({ done: i, total, path, result: null });
      let fileResults: ImportResult[];
      if (ready.kind === 'failed') {
        fileResults = [failed(path, await reasonFor(archive, ready.error))];
      } else if (ready.kind === 'bundle') {
        await commit();
        try {
          fileResults = await importBundle(archive, path, bundleOptions(options));
        } catch (error) {
          fileResults = [failed(path, await reasonFor(archive, error))];
        }
      } else {
        fileResults = await storeInGroup(ready);
      }
      results.push(...fileResults);
      options.onProgress?.({ done: i + 1, total, path, result: fileResults[0] ?? null });
      if (group.pending >= GROUP_MAX_DOCUMENTS || group.age >= GROUP_MAX_MS) await commit();
    }
  } finally {
    await commit();
    await Promise.allSettled(reading.values());
  }

  async function storeInGroup(ready: Extract<Ready, { kind: 'file' }>): Promise<ImportResult[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        await retryWhileBusy(() => group.open(), busy);
        const stored = await group.unit((trx) => storeFile(trx, ready, options, known));
        uncommitted.push(...stored.filter((r) => r.status === 'imported'));
        return stored;
      } catch (error) {
        if (error instanceof GroupLostError) await lose(error);
        // Another process stored one of its originals meanwhile: prepared again, it is a duplicate.
        else if (isShaConflict(error) && attempt < 3) {
          ready.prepared = null;
          continue;
        }
        return [failed(ready.path, await reasonFor(archive, error))];
      }
    }
  }
}

function bundleOptions(options: BatchOptions): BundleImportOptions {
  return {
    ...(options.tags ? { tags: options.tags } : {}),
    ...(options.onBusy ? { onBusy: options.onBusy } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}
