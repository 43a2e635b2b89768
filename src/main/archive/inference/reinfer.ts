/**
 * Inference on documents already in the archive (`exhibit meta ID --infer`, `--infer --all`,
 * the IPC call): the original is read again as at import, the engine runs on it, and in one
 * transaction the confident values are applied to fields no person set, the rest kept as
 * suggestions, the document grouped with its versions, and the change recorded in custody.
 */
import type { ReinferResult } from '../../../shared/contract-inference.js';
import type { Archive } from '../archive.js';
import { retryWhileBusy, type BusyOptions } from '../busy.js';
import { listHistory, recordHistory } from '../custody.js';
import type { Trx } from '../db/repos/db.js';
import { findInferenceBasis, liveDocumentIds, updateDocumentColumns } from '../db/repos/documents.js';
import { dropInferencesExcept, listInferences, putInferences } from '../db/repos/inferences.js';
import { getDocument, getOriginal, getPages } from '../documents.js';
import { ArchiveError } from '../errors.js';
import { extractDocument } from '../importers/isolated-extract.js';
import type { ExtractedDocument } from '../importers/types.js';
import { inferMetadata } from '../infer/index.js';
import { decide, type InferredMetadata } from './decide.js';
import { fileDatesFor, isFileDate } from './file-dates.js';
import { metadataColumns, valueChanges } from './metadata-columns.js';
import { groupVersions, pagesSignature } from './version-groups.js';

export type { ReinferResult };

/** The fields a person's `edit` entries in the custody history changed. */
async function editedFields(trx: Trx, id: number): Promise<string[]> {
  const entries = (await listHistory(trx, id)).filter((e) => e.action === 'edit');
  return entries.flatMap((e) => {
    const changes = e.details['changes'];
    return changes && typeof changes === 'object' ? Object.keys(changes) : [];
  });
}

async function storeReinference(trx: Trx, id: number, extracted: ExtractedDocument): Promise<ReinferResult> {
  const doc = await getDocument(trx, id);
  const basis = await findInferenceBasis(trx, id);
  // Edits made before schema 6 were not marked; the custody history names them.
  const userFields = new Set([...(basis?.userFields ?? []), ...(await editedFields(trx, id))]);
  const fileDates = basis?.fileDates && Object.keys(basis.fileDates).length > 0 ? basis.fileDates : null;
  const newFileDates = fileDates ?? fileDatesFor(extracted, null);
  const inferences = inferMetadata({ ...extracted, fileModified: (fileDates?.['fileModified'] as string) ?? null });
  const rejected = (await listInferences(trx, id)).filter((i) => i.status === 'rejected');
  const decision = decide({ format: doc.format, given: extracted.metadata, inferences, userFields, rejected });
  const set: Partial<InferredMetadata> = { ...decision.set };
  // An archive from before schema 6 took a PDF's or DOCX's own date as the document's date.
  if (set.date === undefined && !userFields.has('date') && isFileDate(doc.date, newFileDates)) set.date = null;
  const changes = valueChanges(doc, set);
  const now = new Date().toISOString();
  const columns = { ...metadataColumns(changes), ...(fileDates ? {} : { file_dates: JSON.stringify(newFileDates) }) };
  if (Object.keys(columns).length > 0) await updateDocumentColumns(trx, id, columns, now);
  await dropInferencesExcept(
    trx,
    id,
    decision.inferences.map((i) => i.field),
  );
  await putInferences(trx, id, decision.inferences, now);
  const pages = await getPages(trx, id);
  const versionGroup = await groupVersions(trx, id, pagesSignature(pages.map((p) => p.text)));
  const suggested = decision.inferences.filter((i) => i.status === 'suggested').map((i) => i.field);
  const details = { changes, suggested, versionGroup, ...(fileDates ? {} : { fileDates: newFileDates }) };
  await recordHistory(trx, { action: 'infer', documentId: id, details });
  return { documentId: id, changes, suggested, versionGroup };
}

/** Re-runs inference on one document; never overwrites a field a person set. */
export async function reinferDocument(archive: Archive, id: number): Promise<ReinferResult> {
  const doc = await getDocument(archive.db, id);
  if (doc.deletedAt) throw new ArchiveError('invalid-input', `document ${id}: in the trash (restore it first)`);
  const original = await getOriginal(archive.db, id);
  const extracted = await extractDocument(new Uint8Array(original.data), original.fileName);
  return archive.db.transaction().execute((trx) => storeReinference(trx, id, extracted));
}

/** Re-runs inference on every live document, one transaction each; a document that fails is reported, the rest go on. */
export async function reinferAll(
  archive: Archive,
  busy: BusyOptions = {},
): Promise<{ results: ReinferResult[]; failures: Array<{ documentId: number; error: string }> }> {
  const ids = await liveDocumentIds(archive.db);
  const results: ReinferResult[] = [];
  const failures: Array<{ documentId: number; error: string }> = [];
  for (const id of ids) {
    try {
      // One document is one transaction: only it is tried again while another program writes.
      results.push(await retryWhileBusy(() => reinferDocument(archive, id), busy));
    } catch (error) {
      failures.push({ documentId: id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { results, failures };
}
