/**
 * The app's changes while another program holds the archive's write lock past the 5 s busy
 * timeout: the calls wait rather than fail, and each change is applied once, with one
 * custody entry.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallName, CallOutput, Result } from '../../src/shared/contract.js';
import { getDocument, importPaths, listHistory, listQuotes, tagsOfDocuments } from '../../src/main/archive/index.js';
import { createDispatcher } from '../../src/main/ipc/dispatch.js';
import { coreHandlers } from '../../src/main/ipc/handlers/index.js';
import { JobRegistry } from '../../src/main/ipc/jobs.js';
import { ArchiveSession } from '../../src/main/ipc/session.js';
import { unsupportedShellHandlers } from '../../src/main/ipc/unsupported-shell.js';
import { tempArchive } from '../helpers/archive.js';
import { holdWriteLock } from '../helpers/write-lock.js';

const SENTENCE = 'It approved the budget';

describe('app calls while another program holds the write lock', () => {
  it('wait, then apply each change exactly once', async () => {
    const archive = await tempArchive();
    const note = join(archive.dir, 'minutes.txt');
    writeFileSync(note, `The committee met on Tuesday. ${SENTENCE} and adjourned at noon.\n`);
    const [imported] = await importPaths(archive, [note]);
    const documentId = imported?.documentId ?? 0;
    const before = (await listHistory(archive.db)).length;
    const dispatch = createDispatcher({
      handlers: { ...coreHandlers, ...unsupportedShellHandlers },
      session: new ArchiveSession(archive),
      jobs: new JobRegistry(),
      emit: () => undefined,
    });
    const call = (name: CallName, input: unknown) => dispatch(name, input) as Promise<Result<CallOutput<CallName>>>;

    const lock = await holdWriteLock(archive.path, 8000);
    const started = Date.now();
    const start = 'The committee met on Tuesday. '.length;
    const results = await Promise.all([
      call('documents.updateMetadata', { id: documentId, patch: { title: 'Committee minutes' } }),
      call('quotes.create', { documentId, page: 1, start, pageEnd: 1, end: start + SENTENCE.length, text: SENTENCE }),
      call('tags.add', { name: 'budget', documentId }),
    ]);
    const waited = Date.now() - started;
    await lock.released;

    expect(results.map((r) => (r.ok ? 'ok' : r.error.message))).toEqual(['ok', 'ok', 'ok']);
    expect(waited).toBeGreaterThan(6000);
    const added = (await listHistory(archive.db)).slice(before).map((e) => e.action);
    expect(added.sort()).toEqual(['edit', 'quote-create', 'tag-add']);
    expect((await getDocument(archive.db, documentId)).title).toBe('Committee minutes');
    expect((await tagsOfDocuments(archive.db, [documentId])).get(documentId)).toEqual(['budget']);
    expect((await listQuotes(archive.db, { documentId })).map((q) => q.text)).toEqual([SENTENCE]);
  });
});
