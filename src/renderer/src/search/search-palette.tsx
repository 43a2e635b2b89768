/**
 * Search everything (Ctrl/Cmd+K): results as you type, each with its document, page and
 * a snippet with the matched words marked; filters narrow by type, tag, author, date and
 * quotes. Opening a hit lands on its page with the words highlighted.
 */
import { useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import type { SearchHit, SnippetPart } from '../../../shared/contract.js';
import { DOCUMENT_TYPES, isPartialDate, type DocumentType } from '../../../shared/document.js';
import { useQuery } from '../api/use-query.js';
import { plainError } from '../common/errors.js';
import { alsoInText, typeLabel } from '../common/format.js';
import { FormatBadge } from '../common/format-badge.js';
import { Icon } from '../common/icons.js';
import { Modal } from '../common/modal.js';
import { navigate } from '../common/router.js';
import { termsOf } from './find-word.js';

const KIND_LABEL: Record<SearchHit['kind'], string> = {
  page: 'Text',
  quote: 'Quote',
  note: 'Note',
  metadata: 'Details',
};

export function Snippet({ parts }: { parts: readonly SnippetPart[] }) {
  return <>{parts.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}

export function SearchPalette({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} title="Search" onClose={onClose} size="large" className="search-modal">
      {open && <SearchBody onClose={onClose} />}
    </Modal>
  );
}

function SearchBody({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  // What is searched: the box's text outside an IME composition. While a Japanese or Chinese
  // word is being composed the box holds unconverted kana or pinyin; searching each keystroke
  // of it would show results for text the user has not written (and cost a query each).
  const [searched, setSearched] = useState('');
  const composing = useRef(false);
  const [type, setType] = useState<DocumentType | ''>('');
  const [tag, setTag] = useState('');
  const [author, setAuthor] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [hasQuotes, setHasQuotes] = useState(false);
  const [showFilters, setShowFilters] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const tags = useQuery('tags.list', {});

  const deferred = useDeferredValue(searched);
  const input_ = useMemo(() => {
    const q = deferred.trim();
    if (!q) return null;
    return {
      query: q,
      limit: 50,
      ...(type ? { type } : {}),
      ...(tag ? { tags: [tag] } : {}),
      ...(author.trim() ? { author: author.trim() } : {}),
      ...(isPartialDate(from) ? { from } : {}),
      ...(isPartialDate(to) ? { to } : {}),
      ...(hasQuotes ? { hasQuotes } : {}),
    };
  }, [deferred, type, tag, author, from, to, hasQuotes]);
  const results = useQuery('search.query', input_);
  const hits = input_ ? (results.data?.hits ?? []) : [];

  const openHit = (hit: SearchHit) => {
    onClose();
    navigate({
      name: 'reader',
      documentId: hit.documentId,
      ...(hit.page !== null ? { page: hit.page } : {}),
      ...(hit.quoteId !== null ? { quoteId: hit.quoteId } : {}),
      ...(hit.kind === 'page' ? { find: termsOf(hit, query) } : {}),
    });
  };

  const filterCount = [type, tag, author.trim(), from, to, hasQuotes ? 'q' : ''].filter(Boolean).length;

  return (
    <div className="search-body">
      <div className="search-field">
        <Icon name="search" size={18} />
        <input
          ref={input}
          data-autofocus
          className="search-input"
          type="search"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={hits.length ? `${listId}-${active}` : undefined}
          aria-label="Search the archive"
          placeholder='Words, "exact phrases", OR, -without, prefix*'
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            if (!composing.current && !(e.nativeEvent as InputEvent).isComposing) setSearched(e.target.value);
            setActive(0);
          }}
          onCompositionStart={() => {
            composing.current = true;
          }}
          onCompositionEnd={(e) => {
            composing.current = false;
            setSearched(e.currentTarget.value);
          }}
          onKeyDown={(e) => {
            // Enter or arrows that confirm an IME candidate belong to the IME, not the results.
            if (e.nativeEvent.isComposing) return;
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(hits.length - 1, a + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (e.key === 'Escape') {
              // A search field's own Escape only clears it; here Escape closes the palette.
              e.preventDefault();
              onClose();
            } else if (e.key === 'Enter') {
              const hit = hits[active];
              if (hit) {
                e.preventDefault();
                openHit(hit);
              }
            }
          }}
        />
        <button
          type="button"
          className={`btn ghost small ${showFilters ? 'pressed' : ''}`}
          aria-expanded={showFilters}
          onClick={() => setShowFilters((s) => !s)}
        >
          Filters{filterCount ? ` (${filterCount})` : ''}
        </button>
      </div>
      {showFilters && (
        <div className="search-filters" aria-label="Search filters">
          <select
            className="select"
            aria-label="Document type"
            value={type}
            onChange={(e) => setType(e.target.value as DocumentType | '')}
          >
            <option value="">Any type</option>
            {DOCUMENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {typeLabel(t)}
              </option>
            ))}
          </select>
          <select
            className="select"
            aria-label="Tag"
            value={tag}
            onChange={(e) => setTag(e.target.value)}
            disabled={!tags.data}
          >
            <option value="">Any tag</option>
            {(tags.data ?? []).map((t) => (
              <option key={t.name} value={t.name}>
                {'  '.repeat(t.name.split('/').length - 1)}
                {t.name}
              </option>
            ))}
          </select>
          <input
            className="input"
            aria-label="Author"
            placeholder="Author"
            value={author}
            onChange={(e) => setAuthor(e.target.value)}
          />
          <input
            className="input date"
            aria-label="From date"
            placeholder="From 2020"
            value={from}
            onChange={(e) => setFrom(e.target.value.trim())}
            aria-invalid={from !== '' && !isPartialDate(from)}
          />
          <input
            className="input date"
            aria-label="To date"
            placeholder="To 2021-06"
            value={to}
            onChange={(e) => setTo(e.target.value.trim())}
            aria-invalid={to !== '' && !isPartialDate(to)}
          />
          <label className="check">
            <input type="checkbox" checked={hasQuotes} onChange={(e) => setHasQuotes(e.target.checked)} /> Has quotes
          </label>
        </div>
      )}
      <div className="search-results" aria-busy={results.loading}>
        {!input_ ? (
          <div className="search-hint">
            <p>Type to search the text of every document, your quotes and notes, and titles and authors.</p>
            <p className="faint">
              Words match exactly: <code>ban</code> finds “ban”, not “banner”. Use <code>ban*</code> for every word
              starting with it, <code>"exact phrase"</code>, <code>OR</code>, and <code>-word</code> to leave out.
            </p>
          </div>
        ) : results.error ? (
          <p className="error-line" role="alert">
            {plainError(results.error)}
          </p>
        ) : hits.length === 0 && !results.loading ? (
          <p className="search-hint">
            Nothing found for “{input_.query}”. Check the spelling, or try fewer words or a prefix with *.
          </p>
        ) : (
          <>
            {results.data && (
              <p className="search-count faint" aria-live="polite">
                {results.data.total.toLocaleString()} result{results.data.total === 1 ? '' : 's'}
                {hits.some((h) => h.alsoIn.length > 0) ? ' (versions of one text count once)' : ''}
                {results.data.total > hits.length ? ` (first ${hits.length} shown)` : ''}
              </p>
            )}
            <ul id={listId} role="listbox" aria-label="Results" className="hit-list">
              {hits.map((hit, i) => (
                <li
                  key={`${hit.kind}:${hit.documentId}:${hit.page}:${hit.quoteId}:${i}`}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={`hit ${i === active ? 'active' : ''}`}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => openHit(hit)}
                >
                  <div className="hit-head">
                    <span className="hit-title">{hit.title}</span>
                    <FormatBadge format={hit.format} />
                    <span className="chip">{KIND_LABEL[hit.kind]}</span>
                    {hit.page !== null && <span className="hit-page">p. {hit.pageLabel ?? hit.page}</span>}
                    {hit.alsoIn.length > 0 && <span className="also-in">{alsoInText(hit.alsoIn)}</span>}
                  </div>
                  <p className="hit-snippet">
                    <Snippet parts={hit.snippet} />
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="search-foot faint">
        <span>
          <kbd>↑</kbd> <kbd>↓</kbd> choose
        </span>
        <span>
          <kbd>Enter</kbd> open
        </span>
        <span>
          <kbd>Esc</kbd> close
        </span>
      </div>
    </div>
  );
}
