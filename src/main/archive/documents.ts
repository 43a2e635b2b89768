/**
 * Documents: listing, reading pages, editing metadata, and the trash. Their queries are
 * in db/repos/documents.ts, pages.ts and originals.ts.
 */
import {
  DOCUMENT_TYPES,
  isPartialDate,
  type DocumentMetadata,
  type DocumentRecord,
  type PageText,
} from '../../shared/document.js';
import type { Archive } from './archive.js';
import { releaseFromCollections } from './collections/collections.js';
import { releaseFromFacts } from './facts/release.js';
import { recordHistory } from './custody.js';
import { objectKeys } from './state-hash.js';
import type { Db, Trx } from './db/repos/db.js';
import { encodeJson } from './db/repos/json-columns.js';
import {
  childDocumentIds,
  deleteDocument,
  findDocument,
  findInferenceBasis,
  listTrashedDocumentRows,
  setDocumentDeletedAt,
  updateDocumentColumns,
  type DocumentColumns,
} from './db/repos/documents.js';
import { quoteIdsOfDocument } from './db/repos/quotes.js';
import { deleteOriginal, findOriginalOf } from './db/repos/originals.js';
import { listPagesOf } from './db/repos/pages.js';
import { ArchiveError } from './errors.js';
import { INFERRED_FIELDS } from '../../shared/inference.js';

export { listDocuments, rowToDocument, type DocumentRow } from './db/repos/documents.js';

export interface ListOptions {
  /** List the trash instead of the live documents. */
  readonly trash?: boolean;
}

/** The document with this id (live or in the trash); throws not-found. */
export async function getDocument(db: Db, id: number): Promise<DocumentRecord> {
  const doc = await findDocument(db, id);
  if (!doc) throw new ArchiveError('not-found', `document ${id}: no such document`);
  return doc;
}

/** Page texts, all or one. */
export async function getPages(db: Db, documentId: number, page?: number): Promise<PageText[]> {
  const doc = await getDocument(db, documentId);
  if (page !== undefined && (page < 1 || page > doc.pageCount)) {
    throw new ArchiveError('invalid-input', `page ${page}: document ${documentId} has ${doc.pageCount} page(s)`);
  }
  return listPagesOf(db, documentId, page);
}

/** The original file's bytes. */
export async function getOriginal(
  db: Db,
  documentId: number,
): Promise<{ fileName: string; mimeType: string; data: Buffer }> {
  const original = await findOriginalOf(db, documentId);
  if (!original) throw new ArchiveError('not-found', `document ${documentId}: no such document`);
  return original;
}

export type MetadataPatch = Partial<DocumentMetadata> & { pageLabelOffset?: number };

/** Checks a metadata patch field by field; throws invalid-input naming the field. */
export function validateMetadataPatch(patch: MetadataPatch): void {
  if (patch.title !== undefined && patch.title.trim() === '') {
    throw new ArchiveError('invalid-input', 'title: must not be empty');
  }
  if (patch.type !== undefined && !(DOCUMENT_TYPES as readonly string[]).includes(patch.type)) {
    throw new ArchiveError('invalid-input', `type: "${patch.type}" is not one of ${DOCUMENT_TYPES.join(', ')}`);
  }
  if (patch.date !== undefined && patch.date !== null && !isPartialDate(patch.date)) {
    throw new ArchiveError('invalid-input', `date: "${patch.date}" is not an ISO date (2020, 2020-11 or 2020-11-13)`);
  }
  if (patch.url !== undefined && patch.url !== null && !/^https?:\/\/\S+$/i.test(patch.url)) {
    throw new ArchiveError('invalid-input', `url: "${patch.url}" is not an http(s) address`);
  }
  if (patch.pageLabelOffset !== undefined && !Number.isInteger(patch.pageLabelOffset)) {
    throw new ArchiveError('invalid-input', 'pageLabelOffset: must be a whole number');
  }
}

/** Edits metadata in one transaction with its history entry (old and new values). */
export async function updateMetadata(archive: Archive, id: number, patch: MetadataPatch): Promise<DocumentRecord> {
  return archive.db.transaction().execute((trx) => updateMetadataInTransaction(trx, id, patch));
}

/** updateMetadata inside the caller's transaction (a bundle import sets many documents' at once). */
export async function updateMetadataInTransaction(trx: Trx, id: number, patch: MetadataPatch): Promise<DocumentRecord> {
  validateMetadataPatch(patch);
  const before = await getDocument(trx, id);
  const set: Record<string, string | number | null> = {};
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const fields: [keyof MetadataPatch, keyof DocumentColumns, (v: never) => string | number | null][] = [
    ['title', 'title', (v: string) => v.trim()],
    ['type', 'type', (v: string) => v],
    ['authors', 'authors', (v: string[]) => encodeJson(v)],
    ['recipients', 'recipients', (v: string[]) => encodeJson(v)],
    ['organization', 'organization', (v: string | null) => v],
    ['date', 'date', (v: string | null) => v],
    ['source', 'source', (v: string | null) => v],
    ['url', 'url', (v: string | null) => v],
    ['description', 'description', (v: string | null) => v],
    ['pageLabelOffset', 'page_label_offset', (v: number) => v],
  ];
  for (const [key, column, encode] of fields) {
    const value = patch[key];
    if (value === undefined) continue;
    if (JSON.stringify(before[key]) === JSON.stringify(value)) continue;
    set[column] = encode(value as never);
    changes[key] = { from: before[key], to: value };
  }
  if (Object.keys(changes).length === 0) return before;
  // A field a person set is theirs: inference never overwrites it (inference/reinfer.ts).
  const edited = Object.keys(changes).filter((key) => (INFERRED_FIELDS as readonly string[]).includes(key));
  if (edited.length > 0) set['user_fields'] = encodeJson(await markedUserFields(trx, id, edited));
  await updateDocumentColumns(trx, id, set as DocumentColumns, new Date().toISOString());
  await recordHistory(trx, { action: 'edit', documentId: id, details: { changes } });
  return getDocument(trx, id);
}

/** The document's user-set fields with these added, in INFERRED_FIELDS order. */
export async function markedUserFields(db: Db, id: number, fields: readonly string[]): Promise<string[]> {
  const marked = new Set([...((await findInferenceBasis(db, id))?.userFields ?? []), ...fields]);
  return INFERRED_FIELDS.filter((field) => marked.has(field));
}

/** Moves a document (and its attachments) to the trash. */
export async function trashDocument(archive: Archive, id: number): Promise<void> {
  await archive.db.transaction().execute(async (trx) => {
    const doc = await getDocument(trx, id);
    if (doc.deletedAt) throw new ArchiveError('conflict', `document ${id}: already in the trash`);
    const now = new Date().toISOString();
    await setDocumentDeletedAt(trx, id, now);
    await recordHistory(trx, { action: 'trash', documentId: id, details: { title: doc.title, sha256: doc.sha256 } });
  });
}

/** Brings a document back from the trash. */
export async function restoreDocument(archive: Archive, id: number): Promise<void> {
  await archive.db.transaction().execute(async (trx) => {
    const doc = await getDocument(trx, id);
    if (!doc.deletedAt) throw new ArchiveError('conflict', `document ${id}: not in the trash`);
    await setDocumentDeletedAt(trx, id, null);
    await recordHistory(trx, { action: 'restore', documentId: id, details: { title: doc.title } });
  });
}

/** Deletes for good everything in the trash, with their originals; returns how many. */
export async function emptyTrash(archive: Archive): Promise<number> {
  return archive.db.transaction().execute(async (trx) => {
    const trashed = await listTrashedDocumentRows(trx);
    for (const row of trashed) {
      // Their quotes leave the archive with them: out of every collection first, on record.
      await releaseFromCollections(trx, [row.id]);
      await releaseFromFacts(trx, [row.id]);
      // Its quotes go with it and its attachments lose their parent: their states change too.
      const quoteIds = await quoteIdsOfDocument(trx, row.id);
      const touched = objectKeys({ documentIds: await childDocumentIds(trx, row.id), quoteIds });
      await deleteDocument(trx, row.id);
      await deleteOriginal(trx, row.sha256);
      await recordHistory(trx, {
        action: 'purge',
        documentId: row.id,
        details: { title: row.title, sha256: row.sha256, fileName: row.file_name },
        touched,
      });
    }
    return trashed.length;
  });
}
