/**
 * The app on an archive it cannot write (issue 11, defect 4): it opens read-only, says so
 * in archive.info, reads as usual, and refuses a change once, in words, with code
 * 'read-only' (an import of several files is one refusal, not one per file).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName, Events } from '../../src/shared/contract.js';
import { openArchive } from '../../src/main/archive/index.js';
import { createDispatcher } from '../../src/main/ipc/dispatch.js';
import { coreHandlers } from '../../src/main/ipc/handlers/index.js';
import { JobRegistry } from '../../src/main/ipc/jobs.js';
import { ArchiveSession } from '../../src/main/ipc/session.js';
import { unsupportedShellHandlers } from '../../src/main/ipc/unsupported-shell.js';
import { tempDir } from '../helpers/archive.js';
import { addTextDocument } from '../helpers/documents.js';
import { readOnlyView } from '../helpers/read-only-folder.js';

describe('an archive on read-only media, in the app', () => {
  it('opens read-only, reads, and refuses each change once, in words', async (ctx) => {
    const dir = tempDir();
    const made = await openArchive(join(dir, 'case.exhibit'), { mode: 'create' });
    await addTextDocument(made, 'The chief said the cameras were off.', { title: 'Statement' });
    await made.close();
    const view = readOnlyView(dir);
    if ('skip' in view) {
      console.log(`skipped: ${view.skip}`);
      return ctx.skip();
    }
    const path = join(view.path, 'case.exhibit');
    const session = new ArchiveSession();
    await session.open(path);
    const emit = <E extends EventName>(_event: E, _payload: Events[E]) => undefined;
    const dispatch = createDispatcher({
      handlers: { ...coreHandlers, ...unsupportedShellHandlers },
      session,
      jobs: new JobRegistry(),
      emit,
    });
    try {
      expect(await dispatch('archive.info', {})).toMatchObject({ ok: true, value: { readOnly: true, documents: 1 } });
      expect(await dispatch('documents.list', {})).toMatchObject({ ok: true, value: [{ title: 'Statement' }] });
      expect(await dispatch('archive.check', {})).toMatchObject({
        ok: true,
        value: { ok: true, problems: [], notChecked: [{ reason: 'read-only' }] },
      });

      const edit = await dispatch('documents.updateMetadata', { id: 1, patch: { title: 'Renamed' } });
      expect(edit).toEqual({
        ok: false,
        error: {
          code: 'read-only',
          message:
            'the archive is read-only (its file or folder cannot be written): it can be read, but nothing can be changed in it',
        },
      });
      const files = [1, 2, 3].map((n) => {
        const file = join(tempDir(), `note-${n}.txt`);
        writeFileSync(file, `note ${n}`);
        return file;
      });
      expect(await dispatch('import.paths', { jobId: 'j1', paths: files })).toEqual({
        ok: false,
        error: {
          code: 'read-only',
          message: `${path}: the archive is read-only (its file or folder cannot be written); it can be read but nothing can be changed in it`,
        },
      });
    } finally {
      await session.close();
    }
  });
});
