/** Handlers for the chronology: facts listed, read, changed (each one transaction, retried while busy), suggested and accepted. */
import { retryWhileBusy } from '../../archive/index.js';
import {
  createFact,
  deleteFact,
  getFact,
  listFacts,
  restoreFact,
  updateFact,
  type FactPatch,
} from '../../archive/facts/facts.js';
import { acceptSuggestion, suggestFacts } from '../../archive/facts/suggest.js';
import type { HandlersFor } from '../types.js';

type FactCalls =
  | 'facts.list'
  | 'facts.get'
  | 'facts.create'
  | 'facts.update'
  | 'facts.delete'
  | 'facts.restore'
  | 'facts.suggest'
  | 'facts.accept';

/** Drops the keys zod left undefined, for the core's exact optional types. */
function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

export const factHandlers: HandlersFor<FactCalls> = {
  'facts.list': (input, { session }) => listFacts(session.current().db, defined(input)),
  'facts.get': (input, { session }) => getFact(session.current().db, input.id),
  'facts.create': (input, { session }) => retryWhileBusy(() => createFact(session.current(), defined(input))),
  'facts.update': (input, { session }) =>
    retryWhileBusy(() => updateFact(session.current(), input.id, defined(input.patch) as FactPatch)),
  'facts.delete': (input, { session }) => retryWhileBusy(() => deleteFact(session.current(), input.id)),
  'facts.restore': (input, { session }) => retryWhileBusy(() => restoreFact(session.current(), input.id)),
  'facts.suggest': (input, { session }) => suggestFacts(session.current().db, defined(input)),
  'facts.accept': (input, { session }) => retryWhileBusy(() => acceptSuggestion(session.current(), defined(input))),
};
