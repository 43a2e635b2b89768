/**
 * documents.suggestions, behind the "Review metadata" view: the live documents with open
 * suggestions, in import order, with their fields and how many in all; a decision or the
 * trash takes a document off the list. Through the dispatcher into the real core.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/main/archive/index.js';
import { createDispatcher } from '../../src/main/ipc/dispatch.js';
import { coreHandlers } from '../../src/main/ipc/handlers/index.js';
import { JobRegistry } from '../../src/main/ipc/jobs.js';
import { ArchiveSession } from '../../src/main/ipc/session.js';
import { unsupportedShellHandlers } from '../../src/main/ipc/unsupported-shell.js';
import { ROOT, tempArchive, tempDir } from '../helpers/archive.js';

const RELEASE = join(ROOT, 'tests/fixtures/versions/obama-irs-release.txt');

/** A page with nothing that tells its type: the type is only offered ("other", a suggestion). */
function plainNote(dir: string, name: string, subject: string): string {
  const path = join(dir, name);
  writeFileSync(path, `${subject}\n\nApril 6, 2016\n\nThe committee met to discuss ${subject.toLowerCase()}.\n`);
  return path;
}

const typeOf = { field: 'type', value: 'other', confidence: 0.5, rule: 'no-type-signal', source: null };

describe('documents.suggestions', () => {
  it('lists the live documents with open suggestions, and drops them once decided', async () => {
    const archive = await tempArchive();
    const dispatch = createDispatcher({
      handlers: { ...coreHandlers, ...unsupportedShellHandlers },
      session: new ArchiveSession(archive),
      jobs: new JobRegistry(),
      emit: () => undefined,
    });
    const dir = tempDir();
    const paths = [
      plainNote(dir, 'a.txt', 'Notes on the budget'),
      RELEASE,
      plainNote(dir, 'b.txt', 'Notes on the archive'),
      plainNote(dir, 'c.txt', 'Notes on the backlog'),
    ];
    expect(await dispatch('import.paths', { jobId: 'j1', paths })).toMatchObject({ ok: true });
    // The premise: each note has an open suggestion for its type, the release none.
    const list = await dispatch('documents.suggestions', {});
    expect(list).toEqual({
      ok: true,
      value: {
        total: 3,
        documents: [
          { id: 1, title: 'Notes on the budget', format: 'text', fields: ['type'] },
          { id: 3, title: 'Notes on the archive', format: 'text', fields: ['type'] },
          { id: 4, title: 'Notes on the backlog', format: 'text', fields: ['type'] },
        ],
      },
    });
    // A window smaller than the list still says how many there are.
    expect(await dispatch('documents.suggestions', { limit: 1 })).toMatchObject({
      ok: true,
      value: { total: 3, documents: [{ id: 1 }] },
    });

    await dispatch('documents.decideInference', { id: 1, decision: 'accept', fields: ['type'] });
    expect(await dispatch('documents.get', { id: 1 })).toMatchObject({ ok: true, value: { type: 'other' } });
    // Undo puts the suggestion back, open, and the field is no longer the person's.
    expect(await dispatch('documents.undoInferenceDecision', { id: 1 })).toMatchObject({ ok: true });
    expect(await dispatch('documents.suggestions', { limit: 1 })).toMatchObject({ value: { documents: [{ id: 1 }] } });
    expect(await dispatch('documents.inference', { id: 1 })).toMatchObject({
      ok: true,
      value: { userFields: [], inferences: expect.arrayContaining([{ ...typeOf, status: 'suggested' }]) },
    });
    // Only the last decision, once: a second undo is refused in words.
    expect(await dispatch('documents.undoInferenceDecision', { id: 1 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('not a decision on inferred metadata') },
    });
    await dispatch('documents.decideInference', { id: 1, decision: 'accept', fields: ['type'] });
    await dispatch('documents.decideInference', { id: 3, decision: 'reject', fields: ['type'] });
    // An undo is refused once the value it would restore over has been changed since.
    await dispatch('documents.updateMetadata', { id: 1, patch: { type: 'memo' } });
    expect(await dispatch('documents.undoInferenceDecision', { id: 1 })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await dispatch('documents.trash', { id: 4 })).toMatchObject({ ok: true });
    expect(await dispatch('documents.suggestions', {})).toEqual({ ok: true, value: { total: 0, documents: [] } });
    const history = await dispatch('history.list', { documentId: 1 });
    expect(history.ok && (history.value as { action: string }[]).map((h) => h.action).slice(1)).toEqual([
      'infer-accept',
      'infer-undo',
      'infer-accept',
      'edit',
    ]);
    expect(await checkArchive(archive)).toMatchObject({ ok: true });

    expect(await dispatch('documents.suggestions', { limit: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});
