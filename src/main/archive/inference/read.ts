/** What `show --json` and the details panel add to a document: its inferences, file dates and versions. */
import type { DocumentInference } from '../../../shared/contract-inference.js';
import { INFERRED_FIELDS, type FileDates } from '../../../shared/inference.js';
import type { Db } from '../db/repos/db.js';
import { findInferenceBasis, otherVersions } from '../db/repos/documents.js';
import { listInferences } from '../db/repos/inferences.js';
import { ArchiveError } from '../errors.js';

export type { DocumentInference };

function fileDates(stored: Record<string, unknown>): FileDates {
  const dates: FileDates = {};
  for (const key of ['created', 'modified', 'fileModified'] as const) {
    const value = stored[key];
    if (typeof value === 'string') dates[key] = value;
  }
  return dates;
}

export async function documentInference(db: Db, id: number): Promise<DocumentInference> {
  const basis = await findInferenceBasis(db, id);
  if (!basis) throw new ArchiveError('not-found', `document ${id}: no such document`);
  return {
    inferences: await listInferences(db, id),
    fileDates: fileDates(basis.fileDates),
    versions: await otherVersions(db, id),
    userFields: INFERRED_FIELDS.filter((field) => basis.userFields.includes(field)),
  };
}
