/** The inference calls through the dispatcher into the real core, on the sample case's memo. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/main/archive/index.js';
import { createDispatcher } from '../../src/main/ipc/dispatch.js';
import { coreHandlers } from '../../src/main/ipc/handlers/index.js';
import { JobRegistry } from '../../src/main/ipc/jobs.js';
import { ArchiveSession } from '../../src/main/ipc/session.js';
import { unsupportedShellHandlers } from '../../src/main/ipc/unsupported-shell.js';
import { ROOT, tempArchive } from '../helpers/archive.js';

const MEMO = join(ROOT, 'resources/sample-case/files/2020-11-13-port-alder-police-memo.pdf');

describe('documents.inference, documents.reinfer, documents.decideInference', () => {
  it('show the evidence, keep an edit through the IPC call, and record each decision', async () => {
    const archive = await tempArchive();
    const dispatch = createDispatcher({
      handlers: { ...coreHandlers, ...unsupportedShellHandlers },
      session: new ArchiveSession(archive),
      jobs: new JobRegistry(),
      emit: () => undefined,
    });
    expect(await dispatch('import.paths', { jobId: 'j1', paths: [MEMO] })).toMatchObject({ ok: true });
    const shown = await dispatch('documents.inference', { id: 1 });
    expect(shown).toMatchObject({
      ok: true,
      value: {
        inferences: expect.arrayContaining([
          expect.objectContaining({
            field: 'date',
            value: '2020-11-13',
            status: 'applied',
            source: expect.objectContaining({ page: 1 }),
          }),
        ]),
        versions: [],
        userFields: [],
      },
    });

    // An edit through the IPC marks the field as the person's: re-reading leaves it.
    await dispatch('documents.updateMetadata', { id: 1, patch: { title: 'The interim ban' } });
    expect(await dispatch('documents.reinfer', { id: 1 })).toMatchObject({ ok: true, value: { changes: {} } });
    expect(await dispatch('documents.get', { id: 1 })).toMatchObject({ ok: true, value: { title: 'The interim ban' } });

    expect(
      await dispatch('documents.decideInference', { id: 1, decision: 'reject', fields: ['recipients'] }),
    ).toMatchObject({ ok: true, value: { changes: { recipients: { to: [] } } } });
    expect(
      await dispatch('documents.decideInference', { id: 1, decision: 'accept', fields: ['recipients'] }),
    ).toMatchObject({
      ok: true,
      value: { changes: { recipients: { to: ['All sworn and civilian personnel'] } } },
    });
    expect(await dispatch('documents.decideInference', { id: 9, decision: 'accept', fields: ['date'] })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const actions = await dispatch('history.list', { documentId: 1 });
    expect(actions.ok && (actions.value as { action: string }[]).map((h) => h.action)).toEqual([
      'import',
      'edit',
      'infer',
      'infer-reject',
      'infer-accept',
    ]);
    expect((await checkArchive(archive)).problems).toEqual([]);
  });
});
