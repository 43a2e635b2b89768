/**
 * The chronology's calls through the real dispatcher and core, on the sample case: a
 * suggestion accepted, a fact added, edited, deleted and restored, bad input refused at
 * the boundary, and a tag on a fact deleted and put back through tags.delete/tags.restore.
 */
import { describe, expect, it } from 'vitest';
import type { CallName, CallOutput, Result } from '../../src/shared/contract.js';
import { checkArchive } from '../../src/main/archive/index.js';
import { importSampleCase } from '../../src/main/archive/sample.js';
import { createDispatcher } from '../../src/main/ipc/dispatch.js';
import { coreHandlers } from '../../src/main/ipc/handlers/index.js';
import { JobRegistry } from '../../src/main/ipc/jobs.js';
import { ArchiveSession } from '../../src/main/ipc/session.js';
import { unsupportedShellHandlers } from '../../src/main/ipc/unsupported-shell.js';
import { tempArchive } from '../helpers/archive.js';

async function setup() {
  const archive = await tempArchive();
  await importSampleCase(archive, { infer: false });
  const dispatch = createDispatcher({
    handlers: { ...coreHandlers, ...unsupportedShellHandlers },
    session: new ArchiveSession(archive),
    jobs: new JobRegistry(),
    emit: () => undefined,
  });
  const call = async <N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> => {
    const result = (await dispatch(name, input)) as Result<CallOutput<N>>;
    if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  return { archive, dispatch, call };
}

describe('fact calls', () => {
  it('accept a suggestion, add, edit, delete and restore facts, every change checked by exhibit check', async () => {
    const { archive, call } = await setup();
    const suggestions = await call('facts.suggest', {});
    const deadline = suggestions.find((s) => s.date === '2020-11-27');
    if (!deadline) throw new Error('the memo’s deadline should be suggested');
    const { documentId, page, start, end, date } = deadline;
    const accepted = await call('facts.accept', {
      documentId,
      page,
      start,
      end,
      date,
      statement: 'Accounts were due by November 27.',
    });
    expect(accepted.quotes).toEqual([expect.objectContaining({ role: 'supports', text: deadline.sentence })]);
    const quoteId = accepted.quotes[0]?.quoteId ?? 0;
    const added = await call('facts.create', {
      date: '~2020-11',
      statement: 'The vendor disputed the ban.',
      status: 'disputed',
      tags: ['vendor'],
      quotes: [{ quoteId, role: 'contradicts' }],
    });
    expect(added.unsupported).toBe(true);
    const edited = await call('facts.update', { id: added.id, patch: { status: 'unverified', note: 'ask them' } });
    expect([edited.status, edited.note]).toEqual(['unverified', 'ask them']);
    expect((await call('facts.list', {})).map((f) => f.id)).toEqual([added.id, accepted.id]);
    expect((await call('facts.list', { tag: 'vendor' })).map((f) => f.id)).toEqual([added.id]);
    await call('facts.delete', { id: added.id });
    expect((await call('facts.list', { deleted: true })).map((f) => f.id)).toEqual([added.id]);
    expect((await call('facts.restore', { id: added.id })).deletedAt).toBeNull();
    expect((await call('facts.get', { id: added.id })).tags).toEqual(['vendor']);

    const deletion = await call('tags.delete', { name: 'vendor' });
    expect(deletion.tags.map((t) => [t.name, t.factIds])).toEqual([['vendor', [added.id]]]);
    expect((await call('facts.get', { id: added.id })).tags).toEqual([]);
    await call('tags.restore', { tags: deletion.tags });
    expect((await call('facts.get', { id: added.id })).tags).toEqual(['vendor']);
    expect((await checkArchive(archive)).problems).toEqual([]);
  });

  it('refuse a bad date at the boundary, naming the field, before the core is reached', async () => {
    const { dispatch } = await setup();
    const result = await dispatch('facts.create', { date: '2020-11-31', statement: 'x' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/date.*no day 31/) },
    });
  });
});
