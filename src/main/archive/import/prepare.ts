/**
 * The two halves of importing one file: preparing it (fingerprint, duplicate check,
 * text extraction of the file and its attachments, all before any transaction, since
 * extraction is slow and may fail) and storing what was prepared inside a transaction
 * the caller holds. A plain import stores one file per transaction; an evidence bundle
 * stores all its originals, quotes and tags in one.
 */
import { createHash } from 'node:crypto';
import type { DocumentType } from '../../../shared/document.js';
import type { Db, Trx } from '../db/repos/db.js';
import { findDocumentBySha256 } from '../db/repos/documents.js';
import { messageOf } from '../errors.js';
import { extractAndInfer, extractDocument } from '../importers/isolated-extract.js';
import type { ExtractedDocument } from '../importers/types.js';
import { addTagsInTransaction } from '../tags/tags.js';
import type { ImportResult } from './results.js';
import type { InferRequest, InferredForStore } from './infer-for-store.js';
import { storeDocument } from './store.js';

/** Attachments of attachments (a forwarded message's files) are followed this deep, and no further. */
export const MAX_ATTACHMENT_DEPTH = 8;
/** At most this many attachments are imported with one file, at every depth together. */
export const MAX_ATTACHMENTS_PER_FILE = 1000;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Where a duplicate is looked up: the archive (or a transaction), or a bulk import's list of what it holds. */
export type DuplicateLookup = (sha256: string) => Promise<{ id: number; deletedAt: string | null } | undefined>;

/** The document already holding this original (live or in the trash). */
export async function findDuplicate(
  db: Db | DuplicateLookup,
  sha256: string,
): Promise<{ id: number; deletedAt: string | null } | undefined> {
  return typeof db === 'function' ? db(sha256) : findDocumentBySha256(db, sha256);
}

interface PreparedAttachment {
  path: string;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  extracted: ExtractedDocument;
  /** Index of the document it was attached to: 0 is the file, i > 0 is attachments[i - 1]. */
  parent: number;
}

/** A file ready to store: its text and its attachments' extracted. */
export interface PreparedFile {
  path: string;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  extracted: ExtractedDocument;
  /** Inference already run on the file (in the extraction worker), or null. */
  inferred?: InferredForStore | null;
  attachments: PreparedAttachment[];
  /** Attachments already held, or that could not be read. */
  attachmentResults: ImportResult[];
}

export type Preparation =
  { kind: 'duplicate'; sha256: string; id: number; deletedAt: string | null } | { kind: 'new'; file: PreparedFile };

export interface PrepareOptions {
  /** Shown in results and errors; `fileName` (default: the path's last part) chooses the importer. */
  path: string;
  fileName: string;
  /**
   * SHA-256s already being imported in the same batch: an attachment among them is not
   * prepared twice. The file's and its attachments' are added.
   */
  seen?: Set<string>;
  /** Run inference on the file where it is extracted (the worker), with these; storing must then infer with the same. */
  infer?: InferRequest;
}

/** Fingerprints and extracts a file and its attachments; throws when the file cannot be read. */
export async function prepareFile(
  db: Db | DuplicateLookup,
  bytes: Uint8Array,
  options: PrepareOptions,
): Promise<Preparation> {
  const { path, fileName } = options;
  const sha256 = sha256Hex(bytes);
  const duplicate = await findDuplicate(db, sha256);
  if (duplicate) return { kind: 'duplicate', sha256, ...duplicate };
  const { extracted, inferred } = await extractAndInfer(bytes, fileName, undefined, options.infer);
  const seen = options.seen ?? new Set<string>();
  seen.add(sha256);

  // Attachments (and theirs, breadth first) are extracted before the transaction; one that
  // cannot be read is a warning on the document it came with.
  const attachments: PreparedAttachment[] = [];
  const attachmentResults: ImportResult[] = [];
  const containers = [{ extracted, path, depth: 0 }];
  for (const [index, container] of containers.entries()) {
    for (const attachment of container.extracted.attachments ?? []) {
      const attPath = `${container.path}#${attachment.fileName}`;
      const attSha = sha256Hex(attachment.bytes);
      if (seen.has(attSha)) continue;
      seen.add(attSha);
      if (container.depth >= MAX_ATTACHMENT_DEPTH || attachments.length >= MAX_ATTACHMENTS_PER_FILE) {
        const limit =
          container.depth >= MAX_ATTACHMENT_DEPTH
            ? `nested more than ${MAX_ATTACHMENT_DEPTH} deep`
            : `more than ${MAX_ATTACHMENTS_PER_FILE} attachments`;
        container.extracted.warnings.push(`attachment "${attachment.fileName}" was not imported: ${limit}`);
        continue;
      }
      const existing = await findDuplicate(db, attSha);
      if (existing) {
        attachmentResults.push({
          path: attPath,
          status: 'duplicate',
          documentId: existing.id,
          error: null,
          warnings: [],
        });
        continue;
      }
      try {
        const attExtracted = await extractDocument(attachment.bytes, attachment.fileName, {
          charset: attachment.charset ?? null,
        });
        attachments.push({
          path: attPath,
          fileName: attachment.fileName,
          bytes: attachment.bytes,
          sha256: attSha,
          extracted: attExtracted,
          parent: index,
        });
        containers.push({ extracted: attExtracted, path: attPath, depth: container.depth + 1 });
      } catch (error) {
        const reason = messageOf(error);
        container.extracted.warnings.push(`attachment "${attachment.fileName}" was not imported: ${reason}`);
        attachmentResults.push({
          path: attPath,
          status: 'failed',
          documentId: null,
          error: `${attPath}: ${reason}`,
          warnings: [],
        });
      }
    }
  }
  return { kind: 'new', file: { path, fileName, bytes, sha256, extracted, inferred, attachments, attachmentResults } };
}

export interface StoreOptions {
  type?: DocumentType;
  /** Tags for the file and its attachments. */
  tags?: readonly string[];
  /** Added to each document's `import` custody entry (e.g. the bundle it came in). */
  historyDetails?: Record<string, unknown>;
  /** Infer metadata from each document's face and group versions (a plain import does; a bundle states its metadata). */
  infer?: boolean;
  /** The file's modification time (ISO); attachments have none of their own. */
  fileModified?: string | null;
}

/** Stores a prepared file and its attachments in the caller's transaction; returns the results and each new document's id by SHA-256. */
export async function storePrepared(
  trx: Trx,
  file: PreparedFile,
  options: StoreOptions = {},
): Promise<{ results: ImportResult[]; ids: Map<string, number> }> {
  const extra = {
    ...(options.historyDetails ? { historyDetails: options.historyDetails } : {}),
    infer: options.infer ?? false,
  };
  const id = await storeDocument(trx, {
    bytes: file.bytes,
    sha256: file.sha256,
    fileName: file.fileName,
    extracted: file.extracted,
    ...(options.type ? { type: options.type } : {}),
    fileModified: options.fileModified ?? null,
    ...extra,
    ...(extra.infer && file.inferred ? { inferred: file.inferred } : {}),
  });
  const results: ImportResult[] = [
    { path: file.path, status: 'imported', documentId: id, error: null, warnings: file.extracted.warnings },
  ];
  const ids = [id];
  const bySha = new Map([[file.sha256, id]]);
  for (const att of file.attachments) {
    const parentId = ids[att.parent] ?? id;
    const attId = await storeDocument(trx, { ...att, parentId, ...extra });
    ids.push(attId);
    bySha.set(att.sha256, attId);
    results.push({
      path: att.path,
      status: 'imported',
      documentId: attId,
      error: null,
      warnings: att.extracted.warnings,
      parentId,
    });
  }
  if (options.tags?.length) await addTagsInTransaction(trx, options.tags, { documentIds: ids });
  return { results: [...results, ...file.attachmentResults], ids: bySha };
}
