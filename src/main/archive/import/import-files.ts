/**
 * Importing files and folders. Each file is read, fingerprinted, checked for a
 * duplicate, extracted, then stored in one transaction. A failing file gets a one-line
 * reason and the batch goes on.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DocumentType } from '../../../shared/document.js';
import type { ImportResult, ImportStatus } from '../../../shared/contract-types.js';
import type { Archive } from '../archive.js';

export type { ImportResult, ImportStatus };
import { ArchiveError, messageOf } from '../errors.js';
import { detectFormat, IMPORTERS } from '../importers/index.js';
import type { ExtractedDocument, ImportHints } from '../importers/types.js';
import { normalizeTagName } from '../tags/names.js';
import { addTags, addTagsInTransaction } from '../tags/tags.js';
import { storeDocument } from './store.js';

/** Larger files are refused: an archive is one SQLite file held in memory while imported. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** Attachments of attachments (a forwarded message's files) are followed this deep, and no further. */
export const MAX_ATTACHMENT_DEPTH = 8;
/** At most this many attachments are imported with one file, at every depth together. */
export const MAX_ATTACHMENTS_PER_FILE = 1000;



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
  signal?: AbortSignal;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

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

function reasonForFs(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return messageOf(error);
}

async function findDuplicate(archive: Archive, sha256: string): Promise<{ id: number; deletedAt: string | null } | undefined> {
  const row = await archive.db
    .selectFrom('documents')
    .select(['id', 'deleted_at'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row ? { id: row.id, deletedAt: row.deleted_at } : undefined;
}

async function extract(bytes: Uint8Array, fileName: string, hints?: ImportHints): Promise<ExtractedDocument> {
  const format = detectFormat(bytes, fileName);
  return IMPORTERS[format](bytes, fileName, hints);
}

interface Prepared {
  path: string;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  extracted: ExtractedDocument;
  /** Index of the document it was attached to: 0 is the file, i > 0 is attachments[i - 1]. */
  parent: number;
}

/** Imports bytes already in memory (a file, or an attachment); returns its results, attachments after it. */
export async function importBytes(
  archive: Archive,
  bytes: Uint8Array,
  path: string,
  options: Pick<ImportOptions, 'type' | 'tags'> = {},
): Promise<ImportResult[]> {
  const fileName = basename(path);
  const sha256 = sha256Hex(bytes);
  const duplicate = await findDuplicate(archive, sha256);
  if (duplicate) {
    const warnings = duplicate.deletedAt ? [`the existing copy (document ${duplicate.id}) is in the trash`] : [];
    // The user asked for these tags on what this file is: the copy already in the archive.
    if (options.tags?.length) await addTags(archive, options.tags, { documentIds: [duplicate.id] });
    return [{ path, status: 'duplicate', documentId: duplicate.id, error: null, warnings }];
  }
  const extracted = await extract(bytes, fileName);

  // Attachments (and theirs, breadth first) are extracted before the transaction; one that
  // cannot be read is a warning on the document it came with.
  const attachments: Prepared[] = [];
  const attachmentResults: ImportResult[] = [];
  const seen = new Set<string>([sha256]);
  const containers = [{ extracted, path, depth: 0 }];
  for (const [index, container] of containers.entries()) {
    for (const attachment of container.extracted.attachments ?? []) {
      const attPath = `${container.path}#${attachment.fileName}`;
      const attSha = sha256Hex(attachment.bytes);
      if (seen.has(attSha)) continue;
      seen.add(attSha);
      if (container.depth >= MAX_ATTACHMENT_DEPTH || attachments.length >= MAX_ATTACHMENTS_PER_FILE) {
        const limit = container.depth >= MAX_ATTACHMENT_DEPTH ? `nested more than ${MAX_ATTACHMENT_DEPTH} deep` : `more than ${MAX_ATTACHMENTS_PER_FILE} attachments`;
        container.extracted.warnings.push(`attachment "${attachment.fileName}" was not imported: ${limit}`);
        continue;
      }
      const existing = await findDuplicate(archive, attSha);
      if (existing) {
        attachmentResults.push({ path: attPath, status: 'duplicate', documentId: existing.id, error: null, warnings: [] });
        continue;
      }
      try {
        const attExtracted = await extract(attachment.bytes, attachment.fileName, { charset: attachment.charset ?? null });
        attachments.push({ path: attPath, fileName: attachment.fileName, bytes: attachment.bytes, sha256: attSha, extracted: attExtracted, parent: index });
        containers.push({ extracted: attExtracted, path: attPath, depth: container.depth + 1 });
      } catch (error) {
        const reason = messageOf(error);
        container.extracted.warnings.push(`attachment "${attachment.fileName}" was not imported: ${reason}`);
        attachmentResults.push({ path: attPath, status: 'failed', documentId: null, error: `${attPath}: ${reason}`, warnings: [] });
      }
    }
  }

  return archive.db.transaction().execute(async (trx) => {
    const id = await storeDocument(trx, { bytes, sha256, fileName, extracted, ...(options.type ? { type: options.type } : {}) });
    const results: ImportResult[] = [{ path, status: 'imported', documentId: id, error: null, warnings: extracted.warnings }];
    const ids = [id];
    for (const att of attachments) {
      const parentId = ids[att.parent] ?? id;
      const attId = await storeDocument(trx, { ...att, parentId });
      ids.push(attId);
      results.push({ path: att.path, status: 'imported', documentId: attId, error: null, warnings: att.extracted.warnings, parentId });
    }
    if (options.tags?.length) {
      const documentIds = results.map((r) => r.documentId).filter((d): d is number => d !== null);
      await addTagsInTransaction(trx, options.tags, { documentIds });
    }
    return [...results, ...attachmentResults];
  });
}

/** Imports files and folders; never throws for a bad file. */
export async function importPaths(archive: Archive, paths: readonly string[], options: ImportOptions = {}): Promise<ImportResult[]> {
  // A bad tag name is a mistake in the command, not in a file: refuse before importing anything.
  for (const tag of options.tags ?? []) normalizeTagName(tag);
  const { files, failures } = await expand(paths);
  const results: ImportResult[] = [...failures];
  const total = files.length;
  let done = 0;
  for (const path of files) {
    if (options.signal?.aborted) {
      results.push({ path, status: 'failed', documentId: null, error: `${path}: cancelled`, warnings: [] });
      continue;
    }
    options.onProgress?.({ done, total, path, result: null });
    let fileResults: ImportResult[];
    try {
      const info = await stat(path);
      if (info.size > MAX_FILE_BYTES) throw new ArchiveError('too-large', `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
      const bytes = new Uint8Array(await readFile(path));
      fileResults = await importBytes(archive, bytes, path, options);
    } catch (error) {
      const reason = error instanceof ArchiveError ? error.message : reasonForFs(error);
      fileResults = [{ path, status: 'failed', documentId: null, error: `${path}: ${reason}`, warnings: [] }];
    }
    results.push(...fileResults);
    done++;
    options.onProgress?.({ done, total, path, result: fileResults[0] ?? null });
  }
  return results;
}
