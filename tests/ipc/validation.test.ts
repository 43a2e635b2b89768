import { describe, expect, it } from 'vitest';
import { CALL_NAMES, CALLS, type CallName, type Result } from '../../src/shared/contract.js';
import { createDispatcher } from '../../src/main/ipc/dispatch.js';
import { JobRegistry } from '../../src/main/ipc/jobs.js';
import { ArchiveSession } from '../../src/main/ipc/session.js';
import type { HandlerTable } from '../../src/main/ipc/types.js';

/** Payloads no call accepts. */
const NEVER_VALID: unknown[] = [undefined, null, 42, 'documents', [], [{}], true];

const bytes = new Uint8Array([1, 2, 3]);

/**
 * Bad payloads per call. Typed over every call name: a call added to the contract
 * without its bad payloads here fails to compile.
 */
const BAD: { [N in CallName]: unknown[] } = {
  'archive.info': [{ extra: 1 }],
  'archive.check': [{ deep: true }],
  'documents.list': [{ trash: 'yes' }, { trash: 1 }, { trash: true, sort: 'title' }],
  'documents.get': [
    {},
    { id: 0 },
    { id: -3 },
    { id: 1.5 },
    { id: '1' },
    { id: Number.NaN },
    { id: 2 ** 60 },
    { id: 1, path: '/etc/passwd' },
  ],
  'documents.pages': [{}, { id: 1, page: 0 }, { id: 1, page: '2' }, { id: '1' }],
  'documents.pageLayout': [{ id: 1 }, { id: 1, page: -1 }, { page: 1 }],
  'documents.original': [{}, { id: 'x' }, { path: '/etc/passwd' }, { id: 1, path: '/etc/passwd' }],
  'documents.inference': [{}, { id: 0 }, { id: 1, field: 'date' }],
  'documents.undoInferenceDecision': [{}, { id: 0 }, { id: 1, field: 'date' }],
  'documents.suggestions': [{ limit: 0 }, { limit: 5001 }, { limit: 2.5 }, { limit: '10' }, { status: 'open' }],
  'entities.list': [{ type: 'place' }, { documentId: 0 }, { type: 'person', extra: 1 }],
  'entities.get': [{}, { id: -1 }, { id: '3' }],
  'entities.merge': [{ id: 1 }, { id: 1, otherId: 1 }, { id: 1, otherId: 2.5 }],
  'entities.split': [{ id: 1 }, { id: 1, alias: '   ' }, { id: 1, alias: 'x'.repeat(201) }, { id: 1, alias: 'a\nb' }],
  'entities.rename': [{ id: 1, name: '' }, { id: 1, name: 7 }, { name: 'Someone' }],
  'documents.reinfer': [{}, { id: '1' }, { id: 1, all: true }],
  'documents.decideInference': [
    { id: 1, decision: 'accept' },
    { id: 1, decision: 'accept', fields: [] },
    { id: 1, decision: 'accept', fields: ['description'] },
    { id: 1, decision: 'maybe', fields: ['date'] },
    { id: 1, decision: 'reject', fields: 'date' },
  ],
  'facts.list': [{ from: '2020-13' }, { status: 'maybe' }, { tag: '' }, { deleted: 'yes' }, { extra: 1 }],
  'facts.get': [{}, { id: 0 }, { id: '1' }],
  'facts.create': [
    { statement: 'x' },
    { date: '2020-02-30', statement: 'x' },
    { date: '2020', statement: '' },
    { date: '2020', statement: 'x', status: 'true' },
    { date: '2020', statement: 'x', quotes: [{ quoteId: 1, role: 'agrees' }] },
    { date: '2020', statement: 'x', quotes: [{ quoteId: 0, role: 'supports' }] },
  ],
  'facts.update': [{ id: 1 }, { id: 1, patch: { date: '2020-11-20..2020-11-13' } }, { id: 1, patch: { extra: 1 } }],
  'facts.delete': [{ id: -1 }],
  'facts.restore': [{ id: 1.5 }],
  'facts.suggest': [{ documentId: 0 }, { path: '/etc' }],
  'facts.accept': [
    { documentId: 1, page: 1, start: 0, end: 10 },
    { documentId: 1, page: 0, start: 0, end: 10, date: '2020' },
    { documentId: 1, page: 1, start: -1, end: 10, date: '2020' },
  ],
  'documents.updateMetadata': [
    { id: 1 },
    { id: 1, patch: { title: '   ' } },
    { id: 1, patch: { type: 'novel' } },
    { id: 1, patch: { date: '2020-13' } },
    { id: 1, patch: { date: '2021-02-30' } },
    { id: 1, patch: { url: 'javascript:alert(1)' } },
    { id: 1, patch: { authors: 'Jane Roe' } },
    { id: 1, patch: { pageLabelOffset: 0.5 } },
    { id: 1, patch: { sha256: 'f'.repeat(64) } },
    { id: 'one', patch: {} },
  ],
  'documents.trash': [{}, { id: 0 }, { ids: [1] }],
  'documents.restore': [{}, { id: -1 }],
  'trash.empty': [{ confirm: true }],
  'import.paths': [
    { paths: ['/tmp/a.pdf'] },
    { jobId: 'j1', paths: [] },
    { jobId: 'j1', paths: [''] },
    { jobId: 'j1', paths: '/tmp/a.pdf' },
    { jobId: 'j 1', paths: ['/tmp/a.pdf'] },
    { jobId: 'x'.repeat(65), paths: ['/tmp/a.pdf'] },
    { jobId: 'j1', paths: ['/tmp/a.pdf'], type: 'novel' },
    { jobId: 'j1', paths: ['/tmp/a.pdf'], recursive: false },
  ],
  'import.bytes': [
    { jobId: 'j1', files: [] },
    { jobId: 'j1', files: [{ name: 'a.txt', data: 'hello' }] },
    { jobId: 'j1', files: [{ name: 'a.txt', data: [1, 2, 3] }] },
    { jobId: 'j1', files: [{ name: '../a.txt', data: bytes }] },
    { jobId: 'j1', files: [{ name: 'dir\\a.txt', data: bytes }] },
    { jobId: 'j1', files: [{ name: '', data: bytes }] },
    { files: [{ name: 'a.txt', data: bytes }] },
  ],
  'sample.import': [{}, { jobId: '' }, { jobId: 'j1', into: 'x' }],
  'jobs.cancel': [{}, { jobId: 7 }, { jobId: 'a/b' }],
  'history.list': [{ documentId: 0 }, { documentId: 'all' }, { documentId: 1, since: 3 }],
  // The renderer's calls for quotes, tags, search, collections and export.
  'documents.query': [
    { sort: { key: 'date', direction: 'desc' }, filter: {}, offset: 0 },
    { sort: { key: 'size', direction: 'desc' }, filter: {}, offset: 0, limit: 10 },
    { sort: { key: 'date', direction: 'down' }, filter: {}, offset: 0, limit: 10 },
    { sort: { key: 'date', direction: 'desc' }, filter: {}, offset: -1, limit: 10 },
    { sort: { key: 'date', direction: 'desc' }, filter: {}, offset: 0, limit: 1_000_000 },
    { sort: { key: 'date', direction: 'desc' }, filter: {}, offset: 0.5, limit: 10 },
    { sort: { key: 'date', direction: 'desc' }, filter: { types: ['novel'] }, offset: 0, limit: 10 },
    { sort: { key: 'date', direction: 'desc' }, filter: { from: '2020-13' }, offset: 0, limit: 10 },
    { sort: { key: 'date', direction: 'desc' }, filter: { tag: 'a//b' }, offset: 0, limit: 10 },
    { sort: { key: 'date', direction: 'desc' }, filter: { ids: [0] }, offset: 0, limit: 10 },
    { sort: { key: 'date', direction: 'desc' }, filter: { sql: '1=1' }, offset: 0, limit: 10 },
    { sort: { key: 'date', direction: 'desc' }, filter: {}, offset: 0, limit: 10, trash: true },
  ],
  'documents.facets': [{ tag: 'agency' }],
  'quotes.list': [{ documentId: 0 }, { tag: '' }, { tag: 'a//b' }, { collectionId: 'x' }, { query: 5 }],
  'quotes.create': [
    { documentId: 1, page: 1, start: 0, pageEnd: 1, end: 5 },
    { documentId: 1, page: 0, start: 0, pageEnd: 1, end: 5, text: 'x' },
    { documentId: 1, page: 1, start: -1, pageEnd: 1, end: 5, text: 'x' },
    { documentId: 1, page: 1, start: 0, pageEnd: 1, end: 1.5, text: 'x' },
    { documentId: 1, page: 1, start: 0, pageEnd: 1, end: 5, text: '' },
    { documentId: 1, page: 1, start: 0, pageEnd: 1, end: 5, text: 'x', tags: ['/'] },
    { documentId: 1, page: 1, start: 0, pageEnd: 1, end: 5, text: 'x', path: '/etc/passwd' },
  ],
  'quotes.update': [{}, { id: 1, tags: 'a' }, { id: 1, note: 3 }],
  'quotes.delete': [{}, { id: 0 }],
  'quotes.restore': [{}, { id: 1.5 }],
  'quotes.sources': [{ id: 'x' }],
  'tags.list': [{ tree: true }],
  'tags.add': [{}, { name: '', documentId: 1 }, { name: 'a/', quoteId: 1 }, { name: 'x', documentId: -1 }],
  'tags.remove': [{ name: 5 }, { name: 'x', quoteId: 'y' }],
  'tags.rename': [{ from: 'a' }, { from: 'a', to: '' }],
  'tags.delete': [{}, { name: ' / ' }],
  'tags.restore': [
    { tags: [] },
    { tags: [{ name: 'a' }] },
    { tags: [{ name: 'a', color: null, description: null, documentIds: [0], quoteIds: [] }] },
  ],
  'search.query': [
    {},
    { query: 5 },
    { query: 'x', limit: 0 },
    { query: 'x', from: '2020-13' },
    { query: 'x', type: 'novel' },
    { query: 'x', sql: '1' },
  ],
  'collections.list': [{ mine: true }],
  'collections.get': [{}, { id: 'x' }],
  'collections.save': [
    { title: '   ', introduction: '', quoteIds: [] },
    { title: 'T', introduction: '', quoteIds: [0] },
    { title: 'T', quoteIds: [] },
  ],
  'collections.delete': [{ id: -2 }],
  'export.preview': [
    { source: { kind: 'all' } },
    { source: { kind: 'everything' }, style: 'apa' },
    { source: { kind: 'all' }, style: 'harvard' },
  ],
  'export.build': [
    { source: { kind: 'all' }, format: 'md', style: 'apa' },
    { jobId: 'j1', source: { kind: 'quotes', quoteIds: [] }, format: 'md', style: 'apa' },
    { jobId: 'j1', source: { kind: 'all' }, format: 'exe', style: 'apa' },
    { jobId: 'j1', source: { kind: 'all' }, format: 'md', style: 'apa', out: '/etc/passwd' },
  ],
  'shell.chooseImportFiles': [{ defaultPath: '/' }],
  'shell.newArchive': [{ path: '/tmp/new.exhibit' }],
  'shell.openArchive': [{ path: '/tmp/other.exhibit' }],
  'shell.backupArchive': [{ path: '/tmp/copy.exhibit' }],
};

/** One valid payload per call. */
const GOOD: { [N in CallName]: unknown } = {
  'archive.info': {},
  'archive.check': {},
  'documents.list': { trash: true },
  'documents.get': { id: 1 },
  'documents.pages': { id: 1, page: 2 },
  'documents.pageLayout': { id: 1, page: 1 },
  'documents.original': { id: 1 },
  'documents.inference': { id: 1 },
  'documents.suggestions': { limit: 10 },
  'documents.undoInferenceDecision': { id: 1 },
  'entities.list': { type: 'org', documentId: 3 },
  'entities.get': { id: 1 },
  'entities.merge': { id: 1, otherId: 2 },
  'entities.split': { id: 1, alias: 'Pell' },
  'entities.rename': { id: 1, name: 'Senator Vance' },
  'documents.reinfer': { id: 1 },
  'documents.decideInference': { id: 1, decision: 'accept', fields: ['date', 'title'] },
  'facts.list': { from: '2020', to: '~2021-03', tag: 'police', status: 'disputed', documentId: 1, deleted: false },
  'facts.get': { id: 1 },
  'facts.create': {
    date: '2020-11-13..2020-11-20',
    statement: 'The trial was suspended.',
    status: 'undisputed',
    tags: ['police'],
    note: null,
    quotes: [{ quoteId: 1, role: 'contradicts' }],
  },
  'facts.update': { id: 1, patch: { date: '~2020-11', quotes: [] } },
  'facts.delete': { id: 1 },
  'facts.restore': { id: 1 },
  'facts.suggest': {},
  'facts.accept': { documentId: 1, page: 1, start: 0, end: 10, date: '2020-11-13', statement: 'x' },
  'documents.updateMetadata': { id: 1, patch: { title: 'Memo', date: '2020-11', url: null, authors: ['Jane Roe'] } },
  'documents.trash': { id: 1 },
  'documents.restore': { id: 1 },
  'trash.empty': {},
  'import.paths': { jobId: 'job-1', paths: ['/tmp/a.pdf'], type: 'memo' },
  'import.bytes': { jobId: 'job-1', files: [{ name: 'a.txt', data: bytes }] },
  'sample.import': { jobId: 'job_2' },
  'jobs.cancel': { jobId: 'job-1' },
  'history.list': {},
  'documents.query': {
    sort: { key: 'title', direction: 'asc' },
    filter: {
      text: 'budget memo',
      types: ['memo', 'letter'],
      tag: 'agency/LAPD',
      author: 'roe',
      from: '2020',
      to: '2021-06',
      ids: [1, 2],
    },
    offset: 200,
    limit: 100,
  },
  'documents.facets': {},
  'quotes.list': { documentId: 1, tag: 'agency/LAPD' },
  'quotes.create': {
    documentId: 1,
    page: 2,
    start: 10,
    pageEnd: 2,
    end: 40,
    text: 'a passage',
    note: null,
    tags: ['agency/LAPD'],
  },
  'quotes.update': { id: 1, note: 'why it matters', tags: [] },
  'quotes.delete': { id: 1 },
  'quotes.restore': { id: 1 },
  'quotes.sources': { id: 1 },
  'tags.list': {},
  'tags.add': { name: 'agency/LAPD', documentId: 1 },
  'tags.remove': { name: 'agency', quoteId: 1 },
  'tags.rename': { from: 'agency', to: 'agencies' },
  'tags.delete': { name: 'agency' },
  'tags.restore': {
    tags: [{ name: 'agency', color: '#c0392b', description: null, documentIds: [1], quoteIds: [2, 3] }],
  },
  'search.query': {
    query: '"facial recognition" OR surveil*',
    tags: ['agency'],
    type: 'memo',
    from: '2020',
    to: '2021-06',
    hasQuotes: true,
    limit: 50,
  },
  'collections.list': {},
  'collections.get': { id: 1 },
  'collections.save': { title: 'What the department knew', introduction: '', quoteIds: [3, 1, 2] },
  'collections.delete': { id: 1 },
  'export.preview': { source: { kind: 'tag', tag: 'agency' }, style: 'chicago' },
  'export.build': { jobId: 'job-3', source: { kind: 'collection', id: 1 }, format: 'bundle', style: 'legal' },
  'shell.chooseImportFiles': {},
  'shell.newArchive': {},
  'shell.openArchive': {},
  'shell.backupArchive': {},
};

function spyDispatcher() {
  const seen: [string, unknown][] = [];
  const handlers = Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      async (input: unknown) => {
        seen.push([name, input]);
        return 'handled';
      },
    ]),
  ) as unknown as HandlerTable;
  const dispatch = createDispatcher({
    handlers,
    session: new ArchiveSession(),
    jobs: new JobRegistry(),
    emit: () => undefined,
  });
  return { dispatch, seen };
}

describe('the contract validates every input before a handler runs', () => {
  it('has bad and good payloads listed for every call, and only for calls', () => {
    expect(Object.keys(BAD).sort()).toEqual([...CALL_NAMES].sort());
    expect(Object.keys(GOOD).sort()).toEqual(Object.keys(CALLS).sort());
  });

  for (const name of CALL_NAMES) {
    it(`refuses bad payloads of ${name} with invalid-input naming the call`, async () => {
      const { dispatch, seen } = spyDispatcher();
      for (const payload of [...NEVER_VALID, ...BAD[name]]) {
        const result = await dispatch(name, payload);
        expect(result, `${name} accepted ${JSON.stringify(payload)}`).toMatchObject({
          ok: false,
          error: { code: 'invalid-input' },
        });
        if (!result.ok) {
          expect(result.error.message.startsWith(`${name}: `)).toBe(true);
          expect(result.error.message).not.toContain('\n');
        }
      }
      expect(seen).toEqual([]);
    });

    it(`passes a good payload of ${name} to its handler`, async () => {
      const { dispatch, seen } = spyDispatcher();
      const result = await dispatch(name, GOOD[name]);
      expect(result).toEqual({ ok: true, value: 'handled' });
      expect(seen).toEqual([[name, GOOD[name]]]);
    });
  }

  it('names the field at fault', async () => {
    const { dispatch } = spyDispatcher();
    const result = (await dispatch('documents.updateMetadata', {
      id: 1,
      patch: { date: '2020-13' },
    })) as Result<unknown>;
    expect(result.ok ? '' : result.error.message).toMatch(/^documents\.updateMetadata: patch\.date: /);
  });

  it('refuses a call the contract does not declare', async () => {
    const { dispatch, seen } = spyDispatcher();
    for (const name of ['fs.readFile', 'constructor', '__proto__', 'toString', '']) {
      expect(await dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    expect(seen).toEqual([]);
  });
});
