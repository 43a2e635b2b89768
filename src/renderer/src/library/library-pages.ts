/**
 * The library's rows as the table scrolls: pages of the core's answer to one query
 * (order + filter), fetched as the table shows them and kept while the archive is
 * unchanged. The rows on screen are replaced only when the new answer has arrived, so a
 * new order, a keystroke in the filter or a change elsewhere never blanks the table.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CallError, LibraryFilter as QueryFilter } from '../../../shared/contract.js';
import { api } from '../api/client.js';
import { useAreaVersion } from '../api/use-query.js';
import { toRow, type LibraryRow, type Sort } from './library-rows.js';

/** Rows per request: a few screens, small enough to arrive within a frame or two. */
export const PAGE_SIZE = 100;
/** Answers remembered (a few orders and filters), so going back is instant. */
const MAX_RESULTS = 6;

/** One query's answer so far: its length and the pages fetched. */
export interface ResultSet {
  /** Order and filter (the query without its window). */
  query: string;
  /** The archive's state it was read in. */
  version: string;
  /** The filter's words as typed, for the benchmark's probe and the count line. */
  filterText: string;
  total: number;
  pages: Map<number, LibraryRow[]>;
}

const results = new Map<string, ResultSet>();
const inFlight = new Map<string, Promise<LibraryRow[] | CallError>>();

function remember(result: ResultSet): void {
  const key = `${result.query}|${result.version}`;
  results.delete(key);
  results.set(key, result);
  while (results.size > MAX_RESULTS) {
    const oldest = results.keys().next().value;
    if (oldest === undefined) break;
    results.delete(oldest);
  }
}

/** Fetches one page into `result` (once, however many ask); answers its rows or the error. */
function fetchPage(
  result: ResultSet,
  sort: Sort,
  filter: QueryFilter,
  page: number,
): Promise<LibraryRow[] | CallError> {
  const have = result.pages.get(page);
  if (have) return Promise.resolve(have);
  const key = `${result.query}|${result.version}|${page}`;
  const running = inFlight.get(key);
  if (running) return running;
  const request = api()
    .call('documents.query', { sort, filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
    .then((answer) => {
      inFlight.delete(key);
      if (!answer.ok) return answer.error;
      result.total = answer.value.total;
      const rows = answer.value.rows.map(toRow);
      result.pages.set(page, rows);
      return rows;
    });
  inFlight.set(key, request);
  return request;
}

export interface LibraryPages {
  /** The answer on screen (possibly for an older query while a newer one loads). */
  shown: ResultSet | undefined;
  /** True while the rows on screen are not yet those of the current order and filter. */
  busy: boolean;
  error: CallError | undefined;
  /** Reads the current query again (after an error). */
  reload: () => void;
  rowAt: (index: number) => LibraryRow | undefined;
  /** Where a document stands among the rows fetched so far (-1 when not among them). */
  indexOf: (id: number) => number;
  /** The table shows rows start..end (inclusive): fetch the pages they fall in. */
  showRange: (start: number, end: number) => void;
  /** The first rows of the current order and filter, fetched if need be (for Enter in the filter). */
  firstRows: () => Promise<LibraryRow[]>;
}

export function useLibraryPages(sort: Sort, filter: QueryFilter, filterText: string): LibraryPages {
  const version = useAreaVersion('documents.query');
  const query = JSON.stringify([sort.key, sort.direction, filter]);
  const wanted = `${query}|${version}`;
  // The answer on screen is held here, not looked up: the cache may let it go while it shows.
  const [shown, setShown] = useState<ResultSet | undefined>(() => results.get(wanted));
  const [error, setError] = useState<CallError | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [, setTick] = useState(0);
  const range = useRef<[number, number]>([0, 0]);
  const current = useRef({ wanted, sort, filter });
  const shownRef = useRef(shown);
  // Handlers and effects read the latest query and answer (layout effects run before any effect).
  useLayoutEffect(() => {
    current.current = { wanted, sort, filter };
    shownRef.current = shown;
  });

  const keyOf = (result: ResultSet | undefined) => (result ? `${result.query}|${result.version}` : undefined);
  const shownKey = keyOf(shown);

  // A new query or a change in the archive: read the pages it needs, then show them at once.
  useEffect(() => {
    let result = results.get(wanted);
    if (!result) {
      result = { query, version, filterText, total: 0, pages: new Map() };
      remember(result);
    }
    const target = result;
    // The same order and filter after a change: refresh the rows in view where they are;
    // a new order or filter starts from the top.
    const sameQuery = shownRef.current?.query === query;
    const [start, end] = sameQuery ? range.current : [0, 0];
    const pages: number[] = [];
    for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p++) pages.push(p);
    let live = true;
    void Promise.all(pages.map((p) => fetchPage(target, sort, filter, p))).then((answers) => {
      if (!live || current.current.wanted !== wanted) return;
      const failed = answers.find((a): a is CallError => !Array.isArray(a));
      setError(failed);
      if (!failed) setShown(target);
    });
    return () => {
      live = false;
    };
    // `shown`, `sort`, `filter` and `filterText` are captured by `wanted` and `query`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted, attempt]);

  const reload = useCallback(() => {
    results.delete(current.current.wanted);
    setError(undefined);
    setAttempt((n) => n + 1);
  }, []);

  const showRange = useCallback(
    (start: number, end: number) => {
      range.current = [start, end];
      if (!shown || shownKey !== current.current.wanted) return;
      const { sort: s, filter: f } = current.current;
      for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(Math.max(start, end) / PAGE_SIZE); p++) {
        if (shown.pages.has(p) || p * PAGE_SIZE >= shown.total) continue;
        void fetchPage(shown, s, f, p).then((answer) => {
          if (Array.isArray(answer)) setTick((t) => t + 1);
          else setError(answer);
        });
      }
    },
    [shown, shownKey],
  );

  const rowAt = useCallback(
    (index: number) => shown?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [shown],
  );

  const indexOf = useCallback(
    (id: number) => {
      if (!shown) return -1;
      for (const [page, rows] of shown.pages) {
        const at = rows.findIndex((r) => r.id === id);
        if (at >= 0) return page * PAGE_SIZE + at;
      }
      return -1;
    },
    [shown],
  );

  const firstRows = useCallback(async () => {
    const { wanted: key, sort: s, filter: f } = current.current;
    let result = results.get(key);
    if (!result) {
      result = { query: JSON.stringify([s.key, s.direction, f]), version, filterText, total: 0, pages: new Map() };
      remember(result);
    }
    const answer = await fetchPage(result, s, f, 0);
    return Array.isArray(answer) ? answer : [];
  }, [version, filterText]);

  return { shown, busy: shownKey !== wanted, error, reload, rowAt, indexOf, showRange, firstRows };
}
