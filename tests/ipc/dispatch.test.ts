import { SCHEMA_VERSION } from '../../src/main/archive/db/migrations/index.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventName, Events, ImportProgressEvent, ImportResult } from '../../src/shared/contract.js';
import { createDispatcher } from '../../src/main/ipc/dispatch.js';
import { coreHandlers } from '../../src/main/ipc/handlers/index.js';
import { JobRegistry } from '../../src/main/ipc/jobs.js';
import { ArchiveSession } from '../../src/main/ipc/session.js';
import { unsupportedShellHandlers } from '../../src/main/ipc/unsupported-shell.js';
import type { HandlerTable } from '../../src/main/ipc/types.js';
import { corpus, tempArchive } from '../helpers/archive.js';

const MEMO = corpus('pdf-good', 'pdfplumber__scotus-transcript-p1.pdf');
const LETTER = corpus('text', 'grimmer__07Aug2007Durbin7.txt');

async function harness(handlers: HandlerTable = { ...coreHandlers, ...unsupportedShellHandlers }, open = true) {
  const archive = await tempArchive();
  const session = new ArchiveSession(open ? archive : null);
  const events: { event: EventName; payload: unknown }[] = [];
  const jobs = new JobRegistry();
  const emit = <E extends EventName>(event: E, payload: Events[E]) => void events.push({ event, payload });
  return { archive, session, events, jobs, dispatch: createDispatcher({ handlers, session, jobs, emit }) };
}

describe('calls through the dispatcher into the real core', () => {
  it('imports by path with progress events, then lists, reads and edits the document', async () => {
    const { dispatch, events } = await harness();
    const imported = await dispatch('import.paths', { jobId: 'j1', paths: [MEMO] });
    expect(imported).toMatchObject({ ok: true, value: [{ status: 'imported', documentId: 1 }] });
    const progress = events.filter((e) => e.event === 'import.progress').map((e) => e.payload as ImportProgressEvent);
    expect(progress.map((p) => [p.jobId, p.done, p.total, p.result?.status ?? null])).toEqual([
      ['j1', 0, 1, null],
      ['j1', 1, 1, 'imported'],
    ]);

    const list = await dispatch('documents.list', {});
    expect(list).toMatchObject({
      ok: true,
      value: [{ id: 1, fileName: 'pdfplumber__scotus-transcript-p1.pdf', format: 'pdf' }],
    });
    const layout = await dispatch('documents.pageLayout', { id: 1, page: 1 });
    expect(layout.ok && layout.value !== null && (layout.value as { items: unknown[] }).items.length).toBeGreaterThan(
      0,
    );
    const original = await dispatch('documents.original', { id: 1 });
    expect(original.ok && Buffer.from((original.value as { data: Uint8Array }).data).equals(readFileSync(MEMO))).toBe(
      true,
    );

    const edited = await dispatch('documents.updateMetadata', {
      id: 1,
      patch: { title: 'Oral argument', date: '2011-03' },
    });
    expect(edited).toMatchObject({ ok: true, value: { title: 'Oral argument', date: '2011-03' } });
    const info = await dispatch('archive.info', {});
    expect(info).toMatchObject({ ok: true, value: { documents: 1, trashed: 0, schemaVersion: SCHEMA_VERSION } });
    const history = await dispatch('history.list', { documentId: 1 });
    expect(history.ok && (history.value as { action: string }[]).map((h) => h.action)).toEqual(['import', 'edit']);
  });

  it('answers the core’s errors as structured results, never a throw', async () => {
    const { dispatch } = await harness();
    expect(await dispatch('documents.get', { id: 99 })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'document 99: no such document' },
    });
    expect(await dispatch('documents.restore', { id: 99 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch('shell.newArchive', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const missing = await dispatch('import.paths', { jobId: 'j2', paths: ['/nonexistent/memo.pdf'] });
    expect(missing).toMatchObject({
      ok: true,
      value: [{ status: 'failed', error: '/nonexistent/memo.pdf: no such file or folder' }],
    });
  });

  it('says when no archive is open', async () => {
    const { dispatch } = await harness(undefined, false);
    expect(await dispatch('documents.list', {})).toMatchObject({ ok: false, error: { code: 'no-archive' } });
  });

  it('turns an unexpected failure into one line without a stack', async () => {
    const broken = {
      ...coreHandlers,
      ...unsupportedShellHandlers,
      'archive.info': async () => {
        throw new TypeError('boom\n    at secret (/home/me/src/x.ts:1:1)');
      },
    } as HandlerTable;
    const { dispatch } = await harness(broken);
    expect(await dispatch('archive.info', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'something went wrong: boom' },
    });
  });

  it('cancels a running import: the rest is reported cancelled and nothing partial is stored', async () => {
    const { dispatch, events } = await harness();
    const files = [MEMO, LETTER, corpus('text', 'grimmer__08Jul2005Carper11.txt')].map((p) => ({
      name: p.split('/').pop() ?? 'x',
      data: new Uint8Array(readFileSync(p)),
    }));
    const running = dispatch('import.bytes', { jobId: 'big', files });
    // A second job under the same id is refused while the first runs.
    expect(await dispatch('import.bytes', { jobId: 'big', files: files.slice(0, 1) })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await dispatch('jobs.cancel', { jobId: 'big' })).toEqual({ ok: true, value: { cancelled: true } });
    const result = await running;
    expect(result.ok).toBe(true);
    const statuses = (result.ok ? (result.value as ImportResult[]) : []).map((r) => r.status);
    expect(statuses[statuses.length - 1]).toBe('failed');
    expect(statuses.filter((s) => s === 'imported').length).toBeLessThan(files.length);
    const list = await dispatch('documents.list', {});
    expect(list.ok && (list.value as unknown[]).length).toBe(statuses.filter((s) => s === 'imported').length);
    expect(events.every((e) => (e.payload as ImportProgressEvent).jobId === 'big')).toBe(true);
    // Once finished, the job id is free again and cancelling it does nothing.
    expect(await dispatch('jobs.cancel', { jobId: 'big' })).toEqual({ ok: true, value: { cancelled: false } });
  });
});
