/**
 * Tags as chips with an autocompleting field (a WAI-ARIA combobox): type to see matching
 * tags, arrows to pick, Enter or comma to add, Backspace on an empty field removes the last.
 */
import { useId, useMemo, useState } from 'react';

export interface TagInputProps {
  value: readonly string[];
  onChange: (tags: string[]) => void;
  suggestions: readonly string[];
  label: string;
  placeholder?: string;
  autoFocus?: boolean;
  id?: string;
}

/** Trims each part of a nested name: " agency / LAPD " → "agency/LAPD". */
export function cleanTag(raw: string): string {
  return raw
    .split('/')
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .join('/');
}

export function TagInput({ value, onChange, suggestions, label, placeholder, autoFocus, id }: TagInputProps) {
  const [draft, setDraft] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  /** Set once the user moves through the suggestions with the arrows. */
  const [navigated, setNavigated] = useState(false);
  const baseId = useId();
  const inputId = id ?? `${baseId}-input`;
  const listId = `${baseId}-list`;

  const matches = useMemo(() => {
    const q = draft.trim().toLowerCase();
    const taken = new Set(value);
    const pool = suggestions.filter((s) => !taken.has(s));
    if (!q) return pool.slice(0, 8);
    const starts = pool.filter(
      (s) =>
        s.toLowerCase().startsWith(q) ||
        s
          .toLowerCase()
          .split('/')
          .some((p) => p.startsWith(q)),
    );
    const contains = pool.filter((s) => !starts.includes(s) && s.toLowerCase().includes(q));
    return [...starts, ...contains].slice(0, 8);
  }, [draft, suggestions, value]);

  const showList = open && matches.length > 0;
  const add = (raw: string) => {
    const tag = cleanTag(raw);
    setDraft('');
    setActive(0);
    setNavigated(false);
    if (!tag || value.includes(tag)) return;
    onChange([...value, tag]);
  };

  return (
    <div className="tag-input">
      <label htmlFor={inputId} className="sr-only">
        {label}
      </label>
      <div className="tag-input-box" onClick={() => document.getElementById(inputId)?.focus()}>
        {value.map((tag) => (
          <span key={tag} className="chip accent">
            {tag}
            <button
              type="button"
              aria-label={`Remove tag ${tag}`}
              onClick={() => onChange(value.filter((t) => t !== tag))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          id={inputId}
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && navigated ? `${listId}-${active}` : undefined}
          autoComplete="off"
          autoFocus={autoFocus}
          value={draft}
          placeholder={value.length ? '' : (placeholder ?? 'Add a tag')}
          onChange={(e) => {
            const text = e.target.value;
            if (text.endsWith(',')) {
              add(text.slice(0, -1));
              return;
            }
            setDraft(text);
            setActive(0);
            setNavigated(false);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && matches.length) {
              e.preventDefault();
              setOpen(true);
              setNavigated(true);
              setActive((a) => (navigated ? (a + 1) % matches.length : 0));
            } else if (e.key === 'ArrowUp' && matches.length) {
              e.preventDefault();
              setNavigated(true);
              setActive((a) => (a - 1 + matches.length) % matches.length);
            } else if (e.key === 'Enter' || (e.key === 'Tab' && showList && draft.trim() !== '')) {
              // Enter adds what was typed, or the suggestion the arrows picked; Tab completes.
              const picked = showList && (navigated || e.key === 'Tab') ? matches[active] : undefined;
              const chosen = picked ?? (draft.trim() ? draft : undefined);
              if (chosen) {
                e.preventDefault();
                e.stopPropagation();
                add(chosen);
              }
            } else if (e.key === 'Backspace' && draft === '' && value.length) {
              onChange(value.slice(0, -1));
            } else if (e.key === 'Escape' && showList) {
              e.stopPropagation();
              e.preventDefault();
              setOpen(false);
            }
          }}
        />
      </div>
      {showList && (
        <ul className="tag-suggestions" id={listId} role="listbox" aria-label={`${label}: suggestions`}>
          {matches.map((m, i) => (
            <li
              key={m}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={navigated && i === active}
              className={navigated && i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                add(m);
              }}
            >
              {m}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
