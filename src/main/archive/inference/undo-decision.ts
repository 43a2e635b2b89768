/**
 * Undo of a person's last decision on a document's inferred values (the Review metadata
 * view's Undo): the values, statuses and the person's fields go back to what the decision's
 * own custody entry recorded, in one transaction with an `infer-undo` entry. Only the
 * document's latest entry can be undone, and only while its values still stand, so an undo
 * never overwrites a later change.
 */
import type { InferenceDecisionResult } from '../../../shared/contract-inference.js';
import { INFERENCE_STATUSES, INFERRED_FIELDS, type InferredField } from '../../../shared/inference.js';
import type { Archive } from '../archive.js';
import { listHistory, recordHistory } from '../custody.js';
import { updateDocumentColumns } from '../db/repos/documents.js';
import { setInferenceStatus } from '../db/repos/inferences.js';
import { getDocument } from '../documents.js';
import { ArchiveError } from '../errors.js';
import type { DecisionBefore } from './decisions.js';
import { metadataColumns } from './metadata-columns.js';

type Changes = Record<string, { from: unknown; to: unknown }>;

const isField = (v: unknown): v is InferredField => (INFERRED_FIELDS as readonly unknown[]).includes(v);

/** The recorded decision's fields, changes and what came before, or null when it holds none. */
function readDecision(details: Record<string, unknown>): { changes: Changes; before: DecisionBefore } | null {
  const { changes, before } = details as { changes?: unknown; before?: unknown };
  if (typeof changes !== 'object' || changes === null || typeof before !== 'object' || before === null) return null;
  const { statuses, userFields } = before as { statuses?: unknown; userFields?: unknown };
  if (typeof statuses !== 'object' || statuses === null || !Array.isArray(userFields)) return null;
  const kept: DecisionBefore['statuses'] = {};
  for (const [field, status] of Object.entries(statuses))
    if (isField(field) && (INFERENCE_STATUSES as readonly unknown[]).includes(status))
      kept[field] = status as (typeof INFERENCE_STATUSES)[number];
  return { changes: changes as Changes, before: { statuses: kept, userFields: userFields.filter(isField) } };
}

export async function undoInferenceDecision(archive: Archive, id: number): Promise<InferenceDecisionResult> {
  return archive.db.transaction().execute(async (trx) => {
    const doc = await getDocument(trx, id);
    const last = (await listHistory(trx, id)).at(-1);
    const decision =
      last && (last.action === 'infer-accept' || last.action === 'infer-reject') ? readDecision(last.details) : null;
    if (!last || !decision)
      throw new ArchiveError('conflict', `document ${id}: its last change is not a decision on inferred metadata`);
    const reverted: Changes = {};
    for (const [field, change] of Object.entries(decision.changes)) {
      if (!isField(field)) continue;
      if (JSON.stringify(doc[field]) !== JSON.stringify(change.to))
        throw new ArchiveError('conflict', `document ${id}: its ${field} has changed since; nothing was undone`);
      reverted[field] = { from: change.to, to: change.from };
    }
    const now = new Date().toISOString();
    const columns = { ...metadataColumns(reverted), user_fields: JSON.stringify(decision.before.userFields) };
    await updateDocumentColumns(trx, id, columns, now);
    for (const [field, status] of Object.entries(decision.before.statuses))
      await setInferenceStatus(trx, id, [field as InferredField], status, now);
    const fields = Object.keys(decision.before.statuses);
    await recordHistory(trx, {
      action: 'infer-undo',
      documentId: id,
      details: { undoes: last.id, fields, changes: reverted },
    });
    return { documentId: id, changes: reverted };
  });
}
