/**
 * Storing an extracted document: original, metadata, pages and the history entry in
 * one transaction, so an archive never holds half a document.
 */
import { basename, extname } from 'node:path';
import type { DocumentMetadata, DocumentType } from '../../../shared/document.js';
import { isPartialDate } from '../../../shared/document.js';
import { recordHistory } from '../custody.js';
import { documentState, type DocumentStateRow } from '../state-hash.js';
import type { Trx } from '../db/repos/db.js';
import { insertDocumentRow } from '../db/repos/documents.js';
import { insertOriginal } from '../db/repos/originals.js';
import { insertPages } from '../db/repos/pages.js';
import type { ExtractedDocument } from '../importers/types.js';
import type { Decision } from '../inference/decide.js';
import { inferForStore, type InferredForStore } from './infer-for-store.js';
import { fileDatesFor } from '../inference/file-dates.js';
import { groupVersions } from '../inference/version-groups.js';
import { insertInferences } from '../db/repos/inferences.js';

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
  /** Read metadata from the document's face and group it with its versions (default: no). */
  infer?: boolean;
  /** The file system's modification time (ISO), kept as a file date. */
  fileModified?: string | null;
  /** Inference already run on this input (inferForStore), e.g. before the transaction; implies `infer`. */
  inferred?: InferredForStore;
}

export { inferForStore, type InferredForStore } from './infer-for-store.js';

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
export async function storeDocument(trx: Trx, input: StoreInput): Promise<number> {
  const inferred = input.inferred ?? (input.infer ? inferForStore(input) : null);
  const decision = inferred?.decision ?? null;
  const meta = { ...defaults(input), ...decision?.set };
  const now = new Date().toISOString();
  await insertOriginal(trx, input.sha256, input.bytes);
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
    file_dates: JSON.stringify(fileDatesFor(input.extracted, input.fileModified ?? null)),
    user_fields: JSON.stringify(input.type ? ['type'] : []),
  };
  const id = await insertDocumentRow(trx, { ...row, updated_at: now });
  const pages = input.extracted.pages;
  await insertPages(trx, id, pages);
  let versionGroup: number | null = null;
  if (inferred) {
    await insertInferences(trx, id, inferred.decision.inferences, now);
    versionGroup = await groupVersions(trx, id, inferred.signature);
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
      ...(decision ? { inferred: inferredDetails(decision), versionGroup } : {}),
      ...input.historyDetails,
    },
  });
  return id;
}

/** What the custody entry says of the inference: each field applied with its value, the suggested fields. */
function inferredDetails(decision: Decision): Record<string, unknown> {
  return {
    applied: decision.set,
    suggested: decision.inferences.filter((i) => i.status === 'suggested').map((i) => i.field),
  };
}
