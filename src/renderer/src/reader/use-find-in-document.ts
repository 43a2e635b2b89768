/** Find in document over the stored page texts: the query, its matches and the current one. */
import { useMemo, useState } from 'react';
import type { PageText } from '../../../shared/document.js';
import type { FindMatch } from './find-bar.js';
import { findAll } from './page-offsets.js';

const MAX_FIND = 5000;

export interface FindInDocument {
  open: boolean;
  query: string;
  matches: FindMatch[];
  index: number;
  /** Bumped to move the keyboard focus into the find bar. */
  focusToken: number;
  show: () => void;
  close: () => void;
  setQuery: (query: string) => void;
  setIndex: (index: number) => void;
  /** Moves to the next (1) or previous (-1) match, wrapping; the viewer shows it. */
  step: (delta: number) => void;
}

export function useFindInDocument(
  pages: readonly PageText[],
  initialQuery: string | undefined,
  showAt: (key: string, page: number) => void,
): FindInDocument {
  const [open, setOpen] = useState(Boolean(initialQuery));
  const [query, setQueryState] = useState(initialQuery ?? '');
  const [index, setIndex] = useState(0);
  const [focusToken, setFocusToken] = useState(0);

  const matches = useMemo<FindMatch[]>(() => {
    if (!open || query.trim().length < 1) return [];
    const out: FindMatch[] = [];
    for (const p of pages) {
      for (const m of findAll(p.text, query)) {
        out.push({ page: p.number, ...m });
        if (out.length >= MAX_FIND) return out;
      }
    }
    return out;
  }, [pages, query, open]);

  return {
    open,
    query,
    matches,
    index,
    focusToken,
    show: () => {
      setOpen(true);
      setFocusToken((n) => n + 1);
    },
    close: () => {
      setOpen(false);
      setQueryState('');
    },
    setQuery: (q) => {
      setQueryState(q);
      setIndex(0);
    },
    setIndex,
    step: (delta) => {
      if (matches.length === 0) return;
      const next = (index + delta + matches.length) % matches.length;
      setIndex(next);
      const m = matches[next];
      if (m) showAt(`find-${next}`, m.page);
    },
  };
}
