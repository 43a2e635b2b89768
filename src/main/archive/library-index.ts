/**
 * The library's rows: the live documents with only the fields the table shows, read in
 * one lean query. Listing full records for 100,000 documents takes seconds; this, a
 * fraction of that, which is what the library's first paint waits on.
 */
import type { Kysely } from 'kysely';
import type { LibraryEntry } from '../../shared/contract-quote-types.js';
import type { DocumentFormat, DocumentType } from '../../shared/document.js';
import type { Database } from './db/schema.js';

/** A library row: the contract's LibraryEntry, so the two cannot drift apart. */
export type LibraryIndexEntry = LibraryEntry;

function names(json: string): string[] {
  if (json === '[]') return [];
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.map(String) : [];
}

export async function listLibraryIndex(db: Kysely<Database>): Promise<LibraryIndexEntry[]> {
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'title', 'type', 'format', 'authors', 'date', 'page_count', 'file_name'])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    type: r.type as DocumentType,
    format: r.format as DocumentFormat,
    authors: names(r.authors),
    date: r.date,
    pageCount: r.page_count,
    fileName: r.file_name,
  }));
}

export interface DocumentAnnotationsEntry {
  documentId: number;
  tags: string[];
  quoteCount: number;
}

/**
 * Per live document that has any, its tags and how many live quotes it holds: the
 * library's tag and quote columns, in two grouped queries whatever the archive's size.
 */
export async function listDocumentAnnotations(db: Kysely<Database>): Promise<DocumentAnnotationsEntry[]> {
  const tagRows = await db
    .selectFrom('document_tags')
    .innerJoin('tags', 'tags.id', 'document_tags.tag_id')
    .innerJoin('documents', 'documents.id', 'document_tags.document_id')
    .select(['document_tags.document_id as documentId', 'tags.name'])
    .where('documents.deleted_at', 'is', null)
    .orderBy('tags.name')
    .execute();
  const quoteRows = await db
    .selectFrom('quotes')
    .innerJoin('documents', 'documents.id', 'quotes.document_id')
    .select(['quotes.document_id as documentId', (eb) => eb.fn.countAll<number>().as('count')])
    .where('quotes.deleted_at', 'is', null)
    .where('documents.deleted_at', 'is', null)
    .groupBy('quotes.document_id')
    .execute();
  const byId = new Map<number, DocumentAnnotationsEntry>();
  const entry = (documentId: number) => {
    let e = byId.get(documentId);
    if (!e) byId.set(documentId, (e = { documentId, tags: [], quoteCount: 0 }));
    return e;
  };
  for (const r of tagRows) entry(r.documentId).tags.push(r.name);
  for (const r of quoteRows) entry(r.documentId).quoteCount = Number(r.count);
  return [...byId.values()].sort((a, b) => a.documentId - b.documentId);
}
