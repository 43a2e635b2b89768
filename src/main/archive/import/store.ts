/**
 * Storing an extracted document: original, metadata, pages and the history entry in
 * one transaction, so an archive never holds half a document.
 */
import { basename, extname } from 'node:path';
import type { Transaction } from 'kysely';
import type { DocumentMetadata, DocumentType } from '../../../shared/document.js';
import { isPartialDate } from '../../../shared/document.js';
import { recordHistory } from '../custody.js';
import { documentState, type DocumentStateRow } from '../state-hash.js';
import type { Database } from '../db/schema.js';
import type { ExtractedDocument } from '../importers/types.js';

export interface StoreInput {
  bytes: Uint8Array;
  sha256: string;
  fileName: string;
  extracted: ExtractedDocument;
  /** Overrides the guessed type. */
  type?: DocumentType;
  parentId?: number | null;
  /** Added to the `import` custody entry's details. */
  historyDetails?: Record<string, unknown>;
}

function defaults(input: StoreInput): DocumentMetadata {
  const m = input.extracted.metadata;
  const stem = basename(input.fileName, extname(input.fileName)).trim() || input.fileName;
  return {
    title: m.title?.trim() || stem,
    type: input.type ?? m.type ?? (input.extracted.format === 'email' ? 'email' : 'other'),
    authors: m.authors ?? [],
    recipients: m.recipients ?? [],
    organization: m.organization ?? null,
    date: m.date && isPartialDate(m.date) ? m.date : null,
    source: m.source ?? null,
    url: m.url ?? null,
    description: m.description ?? null,
  };
}

/** Inserts the document; returns its id. Runs inside the caller's transaction. */
export async function storeDocument(trx: Transaction<Database>, input: StoreInput): Promise<number> {
  const meta = defaults(input);
  const now = new Date().toISOString();
  await trx
    .insertInto('originals')
    .values({ sha256: input.sha256, size: input.bytes.byteLength, data: Buffer.from(input.bytes) })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  const row: DocumentStateRow = {
    sha256: input.sha256,
    format: input.extracted.format,
    mime_type: input.extracted.mimeType,
    title: meta.title,
    type: meta.type,
    authors: JSON.stringify(meta.authors),
    recipients: JSON.stringify(meta.recipients),
    organization: meta.organization,
    date: meta.date,
    source: meta.source,
    url: meta.url,
    description: meta.description,
    file_name: input.fileName,
    size: input.bytes.byteLength,
    page_count: input.extracted.pages.length,
    page_labels: input.extracted.pageLabels ? JSON.stringify(input.extracted.pageLabels) : null,
    page_label_offset: 0,
    parent_id: input.parentId ?? null,
    warnings: JSON.stringify(input.extracted.warnings),
    extra: JSON.stringify(input.extracted.extra ?? {}),
    imported_at: now,
    deleted_at: null,
  };
  const { id } = await trx
    .insertInto('documents')
    .values({ ...row, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const pages = input.extracted.pages;
  for (let start = 0; start < pages.length; start += 200) {
    await trx
      .insertInto('pages')
      .values(
        pages.slice(start, start + 200).map((page, i) => ({
          document_id: id,
          number: start + i + 1,
          text: page.text,
          layout: page.layout ? JSON.stringify(page.layout) : null,
        })),
      )
      .execute();
  }
  // The state is hashed from the text in hand rather than read back: a new document has no tags yet.
  const state = {
    [`document:${id}`]: documentState(
      row,
      [],
      pages.map((page) => page.text),
    ),
  };
  await recordHistory(trx, {
    action: 'import',
    documentId: id,
    state,
    details: {
      fileName: input.fileName,
      sha256: input.sha256,
      size: input.bytes.byteLength,
      pages: pages.length,
      parentId: input.parentId ?? null,
      ...input.historyDetails,
    },
  });
  return id;
}
