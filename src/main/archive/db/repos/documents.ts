/**
 * The documents table: its row type, the one place its JSON columns (authors, recipients,
 * page_labels, warnings, extra) are decoded, and its queries.
 */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DocumentFormat, DocumentRecord, DocumentType } from '../../../../shared/document.js';
import type { DocumentsTable } from '../schema.js';
import type { Db, Trx } from './db.js';
import { idIn } from './backend.js';
import { decodeObject, decodeStrings, decodeJson } from './json-columns.js';

export type DocumentRow = Selectable<DocumentsTable>;
/** Some of a document's columns, to set. */
export type DocumentColumns = Updateable<DocumentsTable>;

/** How a document's physical pages are labelled (a PDF's own labels, or numbers shifted by an offset). */
export interface PageLabelling {
  pageLabels: string[] | null;
  pageLabelOffset: number;
}

/**
 * page_labels: null when the document has none of its own. An item that is not a string
 * becomes '' (its page is cited by its physical number) and keeps its place: dropping it
 * would move every later label onto the wrong page.
 */
export function decodePageLabels(json: string | null): string[] | null {
  const value = decodeJson(json);
  return Array.isArray(value) ? value.map((label) => (typeof label === 'string' ? label : '')) : null;
}

/** extra: format-specific facts (PDF info, image counts, email headers). */
export const decodeExtra = (json: string | null): Record<string, unknown> => decodeObject(json);

export function rowToDocument(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    format: row.format as DocumentFormat,
    mimeType: row.mime_type,
    title: row.title,
    type: row.type as DocumentType,
    authors: decodeStrings(row.authors),
    recipients: decodeStrings(row.recipients),
    organization: row.organization,
    date: row.date,
    source: row.source,
    url: row.url,
    description: row.description,
    fileName: row.file_name,
    size: row.size,
    sha256: row.sha256,
    pageCount: row.page_count,
    pageLabels: decodePageLabels(row.page_labels),
    pageLabelOffset: row.page_label_offset,
    parentId: row.parent_id,
    warnings: decodeStrings(row.warnings),
    importedAt: row.imported_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** The row with this id, live or in the trash. */
export async function findDocumentRow(db: Db, id: number): Promise<DocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The document with this id, live or in the trash. */
export async function findDocument(db: Db, id: number): Promise<DocumentRecord | undefined> {
  const row = await findDocumentRow(db, id);
  return row && rowToDocument(row);
}

/** Live documents, or the trash, in id order. */
export async function listDocuments(db: Db, options: { readonly trash?: boolean } = {}): Promise<DocumentRecord[]> {
  const rows = await db
    .selectFrom('documents')
    .selectAll()
    .where('deleted_at', options.trash ? 'is not' : 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(rowToDocument);
}

/** The documents among these ids that exist (live or trashed), by id. */
export async function findDocumentsByIds(db: Db, ids: readonly number[]): Promise<Map<number, DocumentRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('documents')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, rowToDocument(r)]));
}

/** Page labelling of each of these documents, by id. */
export async function pageLabellingOf(db: Db, ids: readonly number[]): Promise<Map<number, PageLabelling>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'page_labels', 'page_label_offset'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(
    rows.map((d) => [d.id, { pageLabels: decodePageLabels(d.page_labels), pageLabelOffset: d.page_label_offset }]),
  );
}

/** Titles of these documents, by id (one query per call: callers chunk long lists). */
export async function titlesOf(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'title'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** One document's title; undefined when there is no such document. */
export async function findDocumentTitle(db: Db, id: number): Promise<string | undefined> {
  const doc = await db.selectFrom('documents').select('title').where('id', '=', id).executeTakeFirst();
  return doc?.title;
}

/** Whether a document with this id exists (live or trashed). */
export async function documentExists(db: Db, id: number): Promise<boolean> {
  const doc = await db.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst();
  return doc !== undefined;
}

/** Those of these ids that still name a document. */
export async function existingDocumentIds(db: Db, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('documents')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.id);
}

/** Sets some of a document's columns and its updated_at. */
export async function updateDocumentColumns(
  trx: Trx,
  id: number,
  set: DocumentColumns,
  updatedAt: string,
): Promise<void> {
  await trx
    .updateTable('documents')
    .set({ ...set, updated_at: updatedAt })
    .where('id', '=', id)
    .execute();
}

/** Moves a document to the trash (a time) or out of it (null). */
export async function setDocumentDeletedAt(trx: Trx, id: number, deletedAt: string | null): Promise<void> {
  await trx.updateTable('documents').set({ deleted_at: deletedAt }).where('id', '=', id).execute();
}

/** Every document in the trash, as rows (emptying the trash needs their sha256 and file name). */
export async function listTrashedDocumentRows(trx: Trx): Promise<DocumentRow[]> {
  return trx.selectFrom('documents').selectAll().where('deleted_at', 'is not', null).execute();
}

/** Ids of the documents attached to this one. */
export async function childDocumentIds(db: Db, parentId: number): Promise<number[]> {
  const rows = await db.selectFrom('documents').select('id').where('parent_id', '=', parentId).execute();
  return rows.map((c) => c.id);
}

/** Purges a document for good: its attachments lose their parent, its pages and quotes go (cascade). */
export async function deleteDocument(trx: Trx, id: number): Promise<void> {
  await trx.updateTable('documents').set({ parent_id: null }).where('parent_id', '=', id).execute();
  await trx.deleteFrom('documents').where('id', '=', id).execute();
}

/** The document already holding this original (live or in the trash). */
export async function findDocumentBySha256(
  db: Db,
  sha256: string,
): Promise<{ id: number; deletedAt: string | null } | undefined> {
  const row = await db
    .selectFrom('documents')
    .select(['id', 'deleted_at'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row ? { id: row.id, deletedAt: row.deleted_at } : undefined;
}

/** Inserts a new document's row; returns its id. */
export async function insertDocumentRow(trx: Trx, row: Insertable<DocumentsTable>): Promise<number> {
  const { id } = await trx.insertInto('documents').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Whether a document exists, is in the trash, and how many pages it has. */
export async function findDocumentStatus(
  db: Db,
  id: number,
): Promise<{ id: number; deletedAt: string | null; pageCount: number } | undefined> {
  const doc = await db
    .selectFrom('documents')
    .select(['id', 'deleted_at', 'page_count'])
    .where('id', '=', id)
    .executeTakeFirst();
  return doc && { id: doc.id, deletedAt: doc.deleted_at, pageCount: doc.page_count };
}

/** Records a document's new page count (its pages were replaced). */
export async function setPageCount(trx: Trx, id: number, pageCount: number, updatedAt: string): Promise<void> {
  await trx
    .updateTable('documents')
    .set({ page_count: pageCount, updated_at: updatedAt })
    .where('id', '=', id)
    .execute();
}

/** How many documents there are, and how many of them are in the trash. */
export async function countDocuments(db: Db): Promise<{ all: number; trashed: number }> {
  const counts = await db
    .selectFrom('documents')
    .select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.count<number>('deleted_at').as('trashed')])
    .executeTakeFirstOrThrow();
  return { all: Number(counts.all), trashed: Number(counts.trashed) };
}

/** The file format of each of these documents, in one read. */
export async function formatsOf(db: Db, ids: readonly number[]): Promise<Map<number, DocumentFormat>> {
  const rows = await sql<{ id: number; format: DocumentFormat }>`
    SELECT d.id, d.format FROM documents d WHERE ${idIn(db, sql`d.id`, [...new Set(ids)])}`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, r.format]));
}

/** The fields a person set or edited (user_fields) and the file's own dates (file_dates), decoded. */
export async function findInferenceBasis(
  db: Db,
  id: number,
): Promise<{ userFields: string[]; fileDates: Record<string, unknown>; versionGroup: number | null } | undefined> {
  const row = await db
    .selectFrom('documents')
    .select(['user_fields', 'file_dates', 'version_group'])
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      userFields: decodeStrings(row.user_fields),
      fileDates: decodeObject(row.file_dates),
      versionGroup: row.version_group,
    }
  );
}

/** Puts documents in a group of versions (the id of its first document). */
export async function setVersionGroup(trx: Trx, ids: readonly number[], group: number): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('documents')
    .set({ version_group: group })
    .where('id', 'in', [...ids])
    .execute();
}

/** The group of each of these documents, by id (only those in one). */
export async function versionGroupsOf(db: Db, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'version_group'])
    .where('id', 'in', [...ids])
    .where('version_group', 'is not', null)
    .execute();
  return new Map(rows.flatMap((r) => (r.version_group === null ? [] : [[r.id, r.version_group] as const])));
}

/** The other live documents in a document's group of versions, by id. */
export async function otherVersions(db: Db, id: number): Promise<number[]> {
  const rows = await db
    .selectFrom('documents as d')
    .innerJoin('documents as me', 'me.version_group', 'd.version_group')
    .select('d.id')
    .where('me.id', '=', id)
    .where('d.id', '!=', id)
    .where('d.deleted_at', 'is', null)
    .orderBy('d.id')
    .execute();
  return rows.map((r) => r.id);
}

/** Ids of every live document, in id order (re-inferring all). */
export async function liveDocumentIds(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('documents').select('id').where('deleted_at', 'is', null).orderBy('id').execute();
  return rows.map((r) => r.id);
}
