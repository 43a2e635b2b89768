/**
 * Find in this document (Ctrl/Cmd+F): every occurrence in the stored page texts, case and
 * accents ignored; Enter and Shift+Enter step through them, and the current one can be
 * quoted from the keyboard.
 */
import { useEffect, useRef } from 'react';
import { Icon } from '../common/icons.js';

export interface FindMatch {
  page: number;
  start: number;
  end: number;
}

export interface FindBarProps {
  query: string;
  onQuery: (query: string) => void;
  matches: readonly FindMatch[];
  index: number;
  onStep: (delta: number) => void;
  onClose: () => void;
  onQuoteMatch: () => void;
  focusToken: number;
}

export function FindBar({ query, onQuery, matches, index, onStep, onClose, onQuoteMatch, focusToken }: FindBarProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusToken]);
  const current = matches[index];
  return (
    <div className="find-bar" role="search" aria-label="Find in this document">
      <Icon name="search" />
      <input
        ref={input}
        className="input"
        type="search"
        aria-label="Find in this document"
        placeholder="Find in this document"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (e.ctrlKey || e.metaKey) onQuoteMatch();
            else onStep(e.shiftKey ? -1 : 1);
          } else if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'q') {
            // The Quote shortcut that works while typing (plain Q types a letter here).
            e.preventDefault();
            onQuoteMatch();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      />
      <span className="find-count" aria-live="polite">
        {query.trim() === ''
          ? ''
          : matches.length === 0
            ? 'No matches'
            : `${index + 1} of ${matches.length}${current ? ` · p. ${current.page}` : ''}`}
      </span>
      <button
        type="button"
        className="btn ghost icon"
        aria-label="Previous match"
        onClick={() => onStep(-1)}
        disabled={matches.length === 0}
      >
        <Icon name="chevronLeft" />
      </button>
      <button
        type="button"
        className="btn ghost icon"
        aria-label="Next match"
        onClick={() => onStep(1)}
        disabled={matches.length === 0}
      >
        <Icon name="chevronRight" />
      </button>
      <button
        type="button"
        className="btn small"
        onClick={onQuoteMatch}
        disabled={matches.length === 0}
        title="Quote this match (Ctrl Enter)"
      >
        <Icon name="quote" /> Quote match
      </button>
      <button type="button" className="btn ghost icon" aria-label="Close find" onClick={onClose}>
        <Icon name="close" />
      </button>
    </div>
  );
}
