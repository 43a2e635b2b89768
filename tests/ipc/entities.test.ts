/**
 * The entity calls through the dispatcher into the real core: an import answers first and its
 * people and organisations are read after; list, get, merge, split and rename; search and the
 * library filtered by an entity; the library's people and organisations facets.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName, Events } from '../../src/shared/contract.js';
import type { EntityDetail, EntitySummary } from '../../src/shared/entities.js';
import type { LibraryFacets, LibraryPage } from '../../src/shared/library-query.js';
import { createDispatcher } from '../../src/main/ipc/dispatch.js';
import { coreHandlers } from '../../src/main/ipc/handlers/index.js';
import { entityExtractionSettled } from '../../src/main/ipc/handlers/entities.js';
import { JobRegistry } from '../../src/main/ipc/jobs.js';
import { ArchiveSession } from '../../src/main/ipc/session.js';
import { unsupportedShellHandlers } from '../../src/main/ipc/unsupported-shell.js';
import { tempArchive } from '../helpers/archive.js';

const FILES = resolve(import.meta.dirname, '../../resources/sample-case/files');
const CASE = [
  '2020-11-13-port-alder-police-memo.pdf',
  '2020-11-20-senator-vance-letter.docx',
  '2020-11-23-visage-index-statement.eml',
].map((f) => join(FILES, f));

async function harness() {
  const archive = await tempArchive();
  const session = new ArchiveSession(archive);
  const emit = <E extends EventName>(_event: E, _payload: Events[E]) => undefined;
  const dispatch = createDispatcher({
    handlers: { ...coreHandlers, ...unsupportedShellHandlers },
    session,
    jobs: new JobRegistry(),
    emit,
  });
  const imported = await dispatch('import.paths', { jobId: 'j1', paths: CASE });
  expect(imported.ok).toBe(true);
  await entityExtractionSettled(archive);
  return { archive, dispatch };
}

function value<T>(answer: { ok: boolean; value?: unknown; error?: unknown }): T {
  expect(answer, JSON.stringify(answer.error)).toMatchObject({ ok: true });
  return answer.value as T;
}

const byName = (list: EntitySummary[], name: string): EntitySummary => {
  const e = list.find((x) => x.name === name);
  if (!e) throw new Error(`no ${name} among ${list.map((x) => x.name).join(', ')}`);
  return e;
};

describe('entities over IPC', () => {
  it('lists, shows, merges, splits and renames, refusing bad input at the boundary', async () => {
    const { dispatch } = await harness();
    const all = value<EntitySummary[]>(await dispatch('entities.list', {}));
    const orgs = value<EntitySummary[]>(await dispatch('entities.list', { type: 'org' }));
    expect(orgs.every((e) => e.type === 'org')).toBe(true);
    const pell = byName(all, 'Jonah Pell');
    const detail = value<EntityDetail>(await dispatch('entities.get', { id: pell.id }));
    expect(detail.mentionList.map((m) => m.text)).toEqual(expect.arrayContaining(['Jonah Pell', 'Pell']));

    const split = value<{ to: EntitySummary }>(await dispatch('entities.split', { id: pell.id, alias: 'Pell' }));
    expect(split.to.name).toBe('Pell');
    const merged = value<EntitySummary>(await dispatch('entities.merge', { id: pell.id, otherId: split.to.id }));
    expect(merged.aliases).toEqual(['Pell']);
    const renamed = value<EntitySummary>(await dispatch('entities.rename', { id: pell.id, name: 'J. Pell' }));
    expect(renamed.name).toBe('J. Pell');

    const bad = await dispatch('entities.rename', { id: pell.id, name: '   ' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const missing = await dispatch('entities.get', { id: 9999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found', message: 'entity 9999: no such entity' } });
  });

  it('filters search and the library by entity, and offers people and organisations as facets', async () => {
    const { dispatch } = await harness();
    const vance = byName(
      value<EntitySummary[]>(await dispatch('entities.list', { type: 'person' })),
      'Eleanor M. Vance',
    );
    const facets = value<LibraryFacets>(await dispatch('documents.facets', {}));
    expect(facets.people).toContainEqual({ id: vance.id, name: 'Eleanor M. Vance', count: vance.documents });
    expect(facets.organisations.map((o) => o.name)).toContain('Visage Index, Inc.');
    expect(facets.people.map((p) => p.name)).not.toContain('Visage Index, Inc.');

    const page = value<LibraryPage>(
      await dispatch('documents.query', {
        sort: { key: 'date', direction: 'asc' },
        filter: { entity: vance.id },
        offset: 0,
        limit: 100,
      }),
    );
    const mentioning = value<EntityDetail>(await dispatch('entities.get', { id: vance.id })).documentList.map(
      (d) => d.id,
    );
    expect(page.total).toBe(vance.documents);
    expect(page.rows.map((r) => r.id).sort()).toEqual([...mentioning].sort());

    // The entity keeps, of the documents that say "facial", those naming her.
    const everywhere = value<{ hits: { documentId: number }[] }>(await dispatch('search.query', { query: 'facial' }));
    const narrowed = value<{ hits: { documentId: number }[] }>(
      await dispatch('search.query', { query: 'facial', entity: 'eleanor m. vance' }),
    );
    const saying = new Set(everywhere.hits.map((h) => h.documentId));
    expect([...saying].some((id) => !mentioning.includes(id))).toBe(true);
    const expected = new Set(mentioning.filter((id) => saying.has(id)));
    expect(expected.size).toBeGreaterThan(0);
    expect(new Set(narrowed.hits.map((h) => h.documentId))).toEqual(expected);
  });
});
