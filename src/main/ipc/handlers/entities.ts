/** Handlers for people and organisations: the list, one entity, merge, split, rename; extraction after imports. */
import { retryWhileBusy } from '../../archive/index.js';
import type { Archive } from '../../archive/archive.js';
import { mergeEntitiesInto, renameEntity, splitEntityAlias } from '../../archive/entity-store/decisions.js';
import { extractEntities } from '../../archive/entity-store/extract.js';
import { getEntity, listEntities } from '../../archive/entity-store/read.js';
import type { HandlersFor } from '../types.js';

type EntityCalls = 'entities.list' | 'entities.get' | 'entities.merge' | 'entities.split' | 'entities.rename';

export const entityHandlers: HandlersFor<EntityCalls> = {
  'entities.list': (input, { session }) =>
    listEntities(session.current().db, {
      ...(input.type ? { type: input.type } : {}),
      ...(input.documentId !== undefined ? { documentId: input.documentId } : {}),
    }),
  'entities.get': (input, { session }) => getEntity(session.current().db, input.id),
  // Each is one transaction, tried again while another program holds the write lock.
  'entities.merge': (input, { session }) =>
    retryWhileBusy(() => mergeEntitiesInto(session.current(), input.id, input.otherId)),
  'entities.split': (input, { session }) =>
    retryWhileBusy(() => splitEntityAlias(session.current(), input.id, input.alias)),
  'entities.rename': (input, { session }) =>
    retryWhileBusy(() => renameEntity(session.current(), input.id, input.name)),
};

/** The run in progress per archive: a second import's reading waits for the first, never runs beside it. */
const running = new WeakMap<Archive, Promise<unknown>>();

/**
 * Reads the people and organisations of the documents not yet read, after an import has
 * answered: the import never waits for it. Each document is its own transaction; a closed
 * archive (another one opened meanwhile) ends the run, and the next import picks up the rest.
 */
export function extractInBackground(archive: Archive): Promise<unknown> {
  const previous = running.get(archive) ?? Promise.resolve();
  const next = previous.then(() => extractEntities(archive)).catch(() => undefined);
  running.set(archive, next);
  return next;
}

/** Resolves when the background reading of this archive is done (tests, and closing cleanly). */
export function entityExtractionSettled(archive: Archive): Promise<unknown> {
  return running.get(archive) ?? Promise.resolve();
}
