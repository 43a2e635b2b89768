/**
 * Export through the renderer's calls on the sample case: a preview of the citations,
 * a Markdown file with every quote, and an evidence bundle verified as it is handed over.
 */
import { describe, expect, it } from 'vitest';
import type { CallName, CallOutput, Result } from '../../src/shared/contract.js';
import { createQuote } from '../../src/main/archive/index.js';
import { importSampleCase } from '../../src/main/archive/sample.js';
import { createDispatcher } from '../../src/main/ipc/dispatch.js';
import { coreHandlers } from '../../src/main/ipc/handlers/index.js';
import { JobRegistry } from '../../src/main/ipc/jobs.js';
import { ArchiveSession } from '../../src/main/ipc/session.js';
import { unsupportedShellHandlers } from '../../src/main/ipc/unsupported-shell.js';
import { tempArchive } from '../helpers/archive.js';

const SENTENCE = 'Reporting under this paragraph will not by itself lead to discipline.';

async function setup() {
  const archive = await tempArchive();
  const results = await importSampleCase(archive);
  const memo = results.find((r) => r.path.endsWith('police-memo.pdf'))?.documentId ?? 0;
  const q1 = await createQuote(archive, { documentId: memo, text: SENTENCE, tags: ['directive'] });
  const q2 = await createQuote(archive, {
    documentId: memo,
    text: 'Search results already obtained must not be deleted.',
    tags: ['records'],
  });
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
  return { call, dispatch, q1, q2 };
}

describe('export calls', () => {
  it('preview each quote with its citation and pinpoint, in the order chosen', async () => {
    const { call, q1, q2 } = await setup();
    const preview = await call('export.preview', {
      source: { kind: 'quotes', quoteIds: [q2.id, q1.id] },
      style: 'apa',
    });
    expect(preview.quotes.map((q) => q.quoteId)).toEqual([q2.id, q1.id]);
    expect(preview.quotes[1]?.text).toBe(SENTENCE);
    expect(preview.quotes[1]?.citation).toMatch(/Whitcombe.*2020.*p\. 2/);
    expect(preview.bibliography.length).toBe(1);
    const tagged = await call('export.preview', { source: { kind: 'tag', tag: 'records' }, style: 'chicago' });
    expect(tagged.quotes.map((q) => q.quoteId)).toEqual([q2.id]);
  });

  it('write a Markdown file with every quote, and a bundle that verifies', async () => {
    const { call } = await setup();
    const md = await call('export.build', { jobId: 'e1', source: { kind: 'all' }, format: 'md', style: 'mla' });
    expect(md.fileName).toMatch(/\.md$/);
    expect(new TextDecoder().decode(md.data)).toContain(SENTENCE);
    expect(md).toMatchObject({ quoteCount: 2, verification: null });

    const bundle = await call('export.build', {
      jobId: 'e2',
      source: { kind: 'tag', tag: 'directive' },
      format: 'bundle',
      style: 'legal',
    });
    expect(bundle.fileName).toMatch(/\.zip$/);
    expect([...bundle.data.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    // The dev server and these tests have no signing service: the bundle goes unsigned, and says so.
    expect(bundle.verification).toMatchObject({
      ok: true,
      problems: [],
      signature: { status: 'unsigned', fingerprint: null },
    });
  });

  it('export a collection in its order, with its title and introduction', async () => {
    const { call, q1, q2 } = await setup();
    const collection = await call('collections.save', {
      title: 'What the department knew',
      introduction: 'Two passages of the memo.',
      quoteIds: [q2.id, q1.id],
    });
    const preview = await call('export.preview', {
      source: { kind: 'collection', id: collection.id },
      style: 'chicago',
    });
    expect(preview).toMatchObject({ title: 'What the department knew', introduction: 'Two passages of the memo.' });
    expect(preview.quotes.map((q) => q.quoteId)).toEqual([q2.id, q1.id]);
    const md = new TextDecoder().decode(
      (
        await call('export.build', {
          jobId: 'e5',
          source: { kind: 'collection', id: collection.id },
          format: 'md',
          style: 'chicago',
        })
      ).data,
    );
    expect(md).toContain('What the department knew');
    expect(md.indexOf('Search results already obtained')).toBeLessThan(md.indexOf(SENTENCE));
  });

  it('save a collection whole: title, introduction and order, each step on record', async () => {
    const { call, q1, q2 } = await setup();
    const made = await call('collections.save', { title: 'Findings', introduction: '', quoteIds: [q1.id, q2.id] });
    expect(made).toMatchObject({ title: 'Findings', introduction: '', quoteIds: [q1.id, q2.id] });
    expect(
      (
        await call('collections.save', {
          id: made.id,
          title: 'Findings, revised',
          introduction: 'Why.',
          quoteIds: [q2.id, q1.id],
        })
      ).quoteIds,
    ).toEqual([q2.id, q1.id]);
    expect(
      (
        await call('collections.save', {
          id: made.id,
          title: 'Findings, revised',
          introduction: 'Why.',
          quoteIds: [q1.id],
        })
      ).quoteIds,
    ).toEqual([q1.id]);
    expect(await call('collections.list', {})).toEqual([
      { id: made.id, title: 'Findings, revised', quoteCount: 1, updatedAt: expect.any(String) as unknown as string },
    ]);
    expect((await call('quotes.list', { collectionId: made.id })).map((q) => q.id)).toEqual([q1.id]);
    await call('collections.delete', { id: made.id });
    expect(await call('collections.list', {})).toEqual([]);
    const actions = (await call('history.list', {})).map((h) => h.action).filter((a) => a.startsWith('collection'));
    expect(actions.length).toBeGreaterThanOrEqual(5);
  });

  it('say plainly what cannot be exported', async () => {
    const { dispatch } = await setup();
    expect(
      await dispatch('export.build', {
        jobId: 'e3',
        source: { kind: 'collection', id: 1 },
        format: 'md',
        style: 'apa',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(
      await dispatch('export.build', {
        jobId: 'e4',
        source: { kind: 'quotes', quoteIds: [999] },
        format: 'md',
        style: 'apa',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
