/**
 * Reading through the contract from components: a call's result as state, reloaded when
 * its input changes or when a change elsewhere invalidates its area (e.g. an import
 * invalidates 'documents'). Results stay on screen while a reload runs: no flicker.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { CallError, CallInput, CallName, CallOutput } from '../../../shared/contract.js';
import { api } from './client.js';

/** The parts of the archive a change can touch; a call reads from the area its name starts with. */
export type Area =
  'archive' | 'documents' | 'quotes' | 'tags' | 'collections' | 'search' | 'history' | 'export' | 'trash';

const versions = new Map<string, number>();
const subscribers = new Set<() => void>();

/** Tells every query reading these areas to reload (after a change the user made). */
export function invalidate(...areas: Area[]): void {
  for (const area of areas) versions.set(area, (versions.get(area) ?? 0) + 1);
  for (const notify of subscribers) notify();
}

/** Reloads everything (another archive opened, or it changed from the menu). */
export function invalidateAll(): void {
  for (const area of [
    'archive',
    'documents',
    'quotes',
    'tags',
    'collections',
    'search',
    'history',
    'export',
    'trash',
  ] as Area[]) {
    versions.set(area, (versions.get(area) ?? 0) + 1);
  }
  for (const notify of subscribers) notify();
}

function subscribe(notify: () => void): () => void {
  subscribers.add(notify);
  return () => subscribers.delete(notify);
}

/** Which areas a call depends on: its own, plus those whose changes show in it. */
function areasOf(name: CallName): Area[] {
  const own = name.split('.')[0] as Area;
  switch (own) {
    case 'documents':
      // The library shows tags and quote counts beside documents.
      return ['documents', 'tags', 'quotes'];
    case 'quotes':
      return ['quotes', 'tags', 'documents'];
    case 'search':
      return ['search', 'documents', 'quotes', 'tags'];
    case 'tags':
      return ['tags', 'quotes', 'documents'];
    case 'collections':
      return ['collections', 'quotes'];
    case 'export':
      return ['export', 'quotes', 'collections', 'documents'];
    default:
      return [own];
  }
}

/** A token that changes whenever a change invalidates an area `name` reads (for readers that page on their own). */
export function useAreaVersion(name: CallName): string {
  return useSyncExternalStore(subscribe, () =>
    areasOf(name)
      .map((a) => versions.get(a) ?? 0)
      .join('.'),
  );
}

export interface Query<T> {
  /** The latest answer, kept while a newer one loads. */
  data: T | undefined;
  error: CallError | undefined;
  /** True until the answer for the current input has arrived. */
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  key: string;
  data: T | undefined;
  error: CallError | undefined;
}

/** Calls `name` with `input` (skipped while input is null) and keeps the answer. */
export function useQuery<N extends CallName>(name: N, input: CallInput<N> | null): Query<CallOutput<N>> {
  const version = useAreaVersion(name);
  const [tick, setTick] = useState(0);
  const inputKey = input === null ? null : JSON.stringify(input);
  const key = `${name}|${inputKey}|${version}|${tick}`;
  const [settled, setSettled] = useState<Settled<CallOutput<N>>>({ key: '', data: undefined, error: undefined });

  useEffect(() => {
    if (inputKey === null) return;
    let live = true;
    void api()
      .call(name, JSON.parse(inputKey) as CallInput<N>)
      .then((result) => {
        if (!live) return;
        setSettled(
          result.ok ? { key, data: result.value, error: undefined } : { key, data: undefined, error: result.error },
        );
      });
    return () => {
      live = false;
    };
  }, [name, inputKey, key]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return {
    data: settled.data,
    error: settled.key === key || inputKey === null ? settled.error : undefined,
    loading: inputKey !== null && settled.key !== key,
    reload,
  };
}

/** Says whether a call's error means "this build does not do that yet". */
export function isUnsupported(error: CallError | undefined): boolean {
  return error?.code === 'unsupported';
}
