/**
 * The documents repository: rows to records, listing, reading pages, editing
 * metadata, and the trash.
 */
import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import {
  DOCUMENT_TYPES,
  isPartialDate,
  type DocumentFormat,
  type DocumentMetadata,
  type DocumentRecord,
  type DocumentType,
  type PageText,
} from '../../shared/document.js';
import type { Archive } from './archive.js';
import { releaseFromCollections } from './collections/collections.js';
import { recordHistory } from './custody.js';
import { objectKeys } from './state-hash.js';
import type { Database, DocumentsTable } from './db/schema.js';
import { ArchiveError } from './errors.js';

export type DocumentRow = Selectable<DocumentsTable>;

function parseStrings(json: string | null): string[] {
  if (json === null) return [];
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.map(String) : [];
}

export function rowToDocument(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    format: row.format as DocumentFormat,
    mimeType: row.mime_type,
    title: row.title,
    type: row.type as DocumentType,
    authors: parseStrings(row.authors),
    recipients: parseStrings(row.recipients),
    organization: row.organization,
    date: row.date,
    source: row.source,
    url: row.url,
    description: row.description,
    fileName: row.file_name,
    size: row.size,
    sha256: row.sha256,
    pageCount: row.page_count,
    pageLabels: row.page_labels === null ? null : parseStrings(row.page_labels),
    pageLabelOffset: row.page_label_offset,
    parentId: row.parent_id,
    warnings: parseStrings(row.warnings),
    importedAt: row.imported_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export interface ListOptions {
  /** List the trash instead of the live documents. */
  readonly trash?: boolean;
}

export async function listDocuments(db: Kysely<Database>, options: ListOptions = {}): Promise<DocumentRecord[]> {
  const rows = await db
    .selectFrom('documents')
    .selectAll()
    .where('deleted_at', options.trash ? 'is not' : 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(rowToDocument);
}

/** The document with this id (live or in the trash); throws not-found. */
export async function getDocument(db: Kysely<Database>, id: number): Promise<DocumentRecord> {
  const row = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ArchiveError('not-found', `document ${id}: no such document`);
  return rowToDocument(row);
}

/** Page texts, all or one. */
export async function getPages(db: Kysely<Database>, documentId: number, page?: number): Promise<PageText[]> {
  const doc = await getDocument(db, documentId);
  if (page !== undefined && (page < 1 || page > doc.pageCount)) {
    throw new ArchiveError('invalid-input', `page ${page}: document ${documentId} has ${doc.pageCount} page(s)`);
  }
  let query = db.selectFrom('pages').select(['number', 'text']).where('document_id', '=', documentId).orderBy('number');
  if (page !== undefined) query = query.where('number', '=', page);
  return query.execute();
}

/** The original file's bytes. */
export async function getOriginal(
  db: Kysely<Database>,
  documentId: number,
): Promise<{ fileName: string; mimeType: string; data: Buffer }> {
  const row = await db
    .selectFrom('documents')
    .innerJoin('originals', 'originals.sha256', 'documents.sha256')
    .select(['documents.file_name', 'documents.mime_type', 'originals.data'])
    .where('documents.id', '=', documentId)
    .executeTakeFirst();
  if (!row) throw new ArchiveError('not-found', `document ${documentId}: no such document`);
  return { fileName: row.file_name, mimeType: row.mime_type, data: row.data };
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
export async function updateMetadataInTransaction(
  trx: Transaction<Database>,
  id: number,
  patch: MetadataPatch,
): Promise<DocumentRecord> {
  validateMetadataPatch(patch);
  const before = await getDocument(trx, id);
  const set: Record<string, string | number | null> = {};
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const fields: [keyof MetadataPatch, keyof DocumentsTable, (v: never) => string | number | null][] = [
    ['title', 'title', (v: string) => v.trim()],
    ['type', 'type', (v: string) => v],
    ['authors', 'authors', (v: string[]) => JSON.stringify(v)],
    ['recipients', 'recipients', (v: string[]) => JSON.stringify(v)],
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
  await trx
    .updateTable('documents')
    .set({ ...(set as Updateable<DocumentsTable>), updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
  await recordHistory(trx, { action: 'edit', documentId: id, details: { changes } });
  return getDocument(trx, id);
}

/** Moves a document (and its attachments) to the trash. */
export async function trashDocument(archive: Archive, id: number): Promise<void> {
  await archive.db.transaction().execute(async (trx) => {
    const doc = await getDocument(trx, id);
    if (doc.deletedAt) throw new ArchiveError('conflict', `document ${id}: already in the trash`);
    const now = new Date().toISOString();
    await trx.updateTable('documents').set({ deleted_at: now }).where('id', '=', id).execute();
    await recordHistory(trx, { action: 'trash', documentId: id, details: { title: doc.title, sha256: doc.sha256 } });
  });
}

/** Brings a document back from the trash. */
export async function restoreDocument(archive: Archive, id: number): Promise<void> {
  await archive.db.transaction().execute(async (trx) => {
    const doc = await getDocument(trx, id);
    if (!doc.deletedAt) throw new ArchiveError('conflict', `document ${id}: not in the trash`);
    await trx.updateTable('documents').set({ deleted_at: null }).where('id', '=', id).execute();
    await recordHistory(trx, { action: 'restore', documentId: id, details: { title: doc.title } });
  });
}

/** Deletes for good everything in the trash, with their originals; returns how many. */
export async function emptyTrash(archive: Archive): Promise<number> {
  return archive.db.transaction().execute(async (trx) => {
    const trashed = await trx.selectFrom('documents').selectAll().where('deleted_at', 'is not', null).execute();
    for (const row of trashed) {
      // Their quotes leave the archive with them: out of every collection first, on record.
      await releaseFromCollections(trx, [row.id]);
      // Its quotes go with it and its attachments lose their parent: their states change too.
      const quotes = await trx.selectFrom('quotes').select('id').where('document_id', '=', row.id).execute();
      const children = await trx.selectFrom('documents').select('id').where('parent_id', '=', row.id).execute();
      const touched = objectKeys({ documentIds: children.map((c) => c.id), quoteIds: quotes.map((q) => q.id) });
      await trx.updateTable('documents').set({ parent_id: null }).where('parent_id', '=', row.id).execute();
      await trx.deleteFrom('documents').where('id', '=', row.id).execute();
      await trx.deleteFrom('originals').where('sha256', '=', row.sha256).execute();
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
