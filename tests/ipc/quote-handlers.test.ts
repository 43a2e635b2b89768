/**
 * The renderer's quote, tag and search calls through the real dispatcher and core, on
 * the sample case: a selection saved as a quote, found again by search on its page,
 * deleted and restored, a tag deleted and put back.
 */
import { describe, expect, it } from 'vitest';
import type { CallName, CallOutput, Result } from '../../src/shared/contract.js';
import { getPages } from '../../src/main/archive/index.js';
import { importSampleCase } from '../../src/main/archive/sample.js';
import { createDispatcher } from '../../src/main/ipc/dispatch.js';
import { coreHandlers } from '../../src/main/ipc/handlers/index.js';
import { snippetParts } from '../../src/shared/snippet.js';
import { JobRegistry } from '../../src/main/ipc/jobs.js';
import { ArchiveSession } from '../../src/main/ipc/session.js';
import { unsupportedShellHandlers } from '../../src/main/ipc/unsupported-shell.js';
import { tempArchive } from '../helpers/archive.js';

const SENTENCE = 'Reporting under this paragraph will not by itself lead to discipline.';

async function setup() {
  const archive = await tempArchive();
  const results = await importSampleCase(archive);
  const memo = results.find((r) => r.path.endsWith('police-memo.pdf'))?.documentId ?? 0;
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
  return { archive, memo, dispatch, call };
}

describe('quote, tag and search calls', () => {
  it('save a selection as a quote, with its tags, title and page label, and find it again', async () => {
    const { archive, memo, call } = await setup();
    const [page2] = await getPages(archive.db, memo, 2);
    const start = page2?.text.indexOf(SENTENCE) ?? -1;
    expect(start).toBeGreaterThan(0);
    const quote = await call('quotes.create', {
      documentId: memo,
      page: 2,
      start,
      pageEnd: 2,
      end: start + SENTENCE.length,
      text: SENTENCE,
      tags: ['directive'],
      note: 'no discipline',
    });
    expect(quote).toMatchObject({
      text: SENTENCE,
      page: 2,
      pageLabel: '2',
      tags: ['directive'],
      note: 'no discipline',
      documentTitle: 'Memorandum: Use of third-party facial-recognition services',
    });

    expect((await call('quotes.list', { documentId: memo })).map((q) => q.id)).toEqual([quote.id]);
    expect((await call('quotes.list', { tag: 'directive' })).map((q) => q.id)).toEqual([quote.id]);
    const library = await call('documents.query', {
      sort: { key: 'quotes', direction: 'desc' },
      filter: {},
      offset: 0,
      limit: 10,
    });
    expect(library.rows[0]).toMatchObject({ id: memo, tags: [], quoteCount: 1 });

    const found = await call('search.query', { query: 'discipline' });
    const hit = found.hits.find((h) => h.kind === 'page' && h.documentId === memo);
    expect(hit).toMatchObject({ page: 2, pageLabel: '2' });
    expect(hit?.snippet.filter((p) => p.marked).map((p) => p.text.toLowerCase())).toContain('discipline');
    expect(found.hits.some((h) => h.kind === 'quote' && h.quoteId === quote.id)).toBe(true);
  });

  it('refuses a selection whose text is not what stands there, in one sentence', async () => {
    const { memo, dispatch } = await setup();
    const result = await dispatch('quotes.create', {
      documentId: memo,
      page: 2,
      start: 0,
      pageEnd: 2,
      end: 10,
      text: 'something else entirely',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('undo: a deleted quote and a deleted tag come back as they were', async () => {
    const { memo, call } = await setup();
    const quote = await call('quotes.create', {
      documentId: memo,
      page: 1,
      start: 0,
      pageEnd: 1,
      end: 10,
      text: 'PORT ALDER',
      tags: ['agency/PAPD'],
    });
    await call('tags.add', { name: 'agency', documentId: memo });
    await call('quotes.delete', { id: quote.id });
    expect(await call('quotes.list', {})).toEqual([]);
    expect((await call('quotes.restore', { id: quote.id })).tags).toEqual(['agency/PAPD']);

    const deletion = await call('tags.delete', { name: 'agency' });
    expect(deletion).toMatchObject({ documents: 1, quotes: 1 });
    expect(deletion.tags.map((t) => [t.name, t.documentIds, t.quoteIds])).toEqual([
      ['agency', [memo], []],
      ['agency/PAPD', [], [quote.id]],
    ]);
    expect(await call('tags.list', {})).toEqual([]);
    await call('tags.restore', { tags: deletion.tags });
    expect((await call('tags.list', {})).map((t) => [t.name, t.documents, t.quotes])).toEqual([
      ['agency', 1, 0],
      ['agency/PAPD', 0, 1],
    ]);
    expect((await call('quotes.list', { tag: 'agency' })).map((q) => q.id)).toEqual([quote.id]);
  });

  it('turn the core’s marked snippets into plain parts, entities decoded', () => {
    expect(snippetParts('…the &lt;b&gt; <mark>memo</mark> &amp; <mark>bar</mark>…')).toEqual([
      { text: '…the <b> ', marked: false },
      { text: 'memo', marked: true },
      { text: ' & ', marked: false },
      { text: 'bar', marked: true },
      { text: '…', marked: false },
    ]);
  });
});
