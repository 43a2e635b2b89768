/**
 * The quoting popover: the exact passage that will be saved (read from the stored page
 * text at the selection's offsets), tags with autocomplete, and a note. Enter in the note
 * with Ctrl/Cmd, or the Save button, saves; Escape cancels and returns focus.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { TagInput } from '../tags/tag-input.js';

export interface QuotePopoverProps {
  /** Where to stand: the selection's box on screen. */
  anchorRect: { left: number; top: number; bottom: number; right: number };
  text: string;
  pageLabel: string;
  suggestions: readonly string[];
  initialTags: readonly string[];
  saving: boolean;
  error: string;
  onSave: (tags: string[], note: string) => void;
  onCancel: () => void;
}

const WIDTH = 380;

export function QuotePopover({
  anchorRect,
  text,
  pageLabel,
  suggestions,
  initialTags,
  saving,
  error,
  onSave,
  onCancel,
}: QuotePopoverProps) {
  const [tags, setTags] = useState<string[]>([...initialTags]);
  const [note, setNote] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number }>({ left: anchorRect.left, top: anchorRect.bottom + 8 });
  const id = useId();

  useLayoutEffect(() => {
    const height = box.current?.offsetHeight ?? 300;
    const left = Math.max(12, Math.min(window.innerWidth - WIDTH - 12, anchorRect.left));
    const below = anchorRect.bottom + 10;
    const top = below + height > window.innerHeight - 12 ? Math.max(12, anchorRect.top - height - 10) : below;
    setPos({ left, top });
  }, [anchorRect]);

  // Focus goes back where it was (the find field, the Quote button) when the popover goes.
  // Read while rendering: by the time effects run, the tag field has taken focus.
  const [before] = useState(() => document.activeElement);
  const restoreFocus = useCallback(() => {
    if (before instanceof HTMLElement && before !== document.body && before.isConnected && !before.matches(':disabled'))
      before.focus();
  }, [before]);
  // After saving, the popover leaves while its own field has focus.
  useLayoutEffect(() => restoreFocus, [restoreFocus]);
  // Cancelling: React puts focus back where it was before its commit, so move it first.
  const cancel = () => {
    onCancel();
    restoreFocus();
  };

  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) onCancel();
    };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [onCancel]);

  const save = () => {
    if (!saving) onSave(tags, note);
  };

  return (
    <div
      ref={box}
      className="quote-popover"
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      style={{ left: pos.left, top: pos.top, width: WIDTH }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          cancel();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || (e.target as HTMLElement).tagName === 'INPUT')) {
          e.preventDefault();
          save();
        }
      }}
    >
      <div className="qp-head">
        <h2 id={`${id}-title`}>Quote</h2>
        <span className="chip">{pageLabel}</span>
      </div>
      <blockquote className="qp-text">{text}</blockquote>
      <div className="field">
        <label htmlFor={`${id}-tags`}>Tags</label>
        <TagInput
          id={`${id}-tags`}
          value={tags}
          onChange={setTags}
          suggestions={suggestions}
          label="Tags for this quote"
          autoFocus
          placeholder="Add tags (Enter adds, comma separates)"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note</label>
        <textarea
          id={`${id}-note`}
          className="textarea"
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="Why this passage matters (optional)"
        />
      </div>
      {error && (
        <p className="error-line" role="alert">
          {error}
        </p>
      )}
      <div className="qp-actions">
        <span className="faint small-print">
          <kbd>Enter</kbd> save · <kbd>Esc</kbd> cancel
        </span>
        <span className="spacer" />
        <button type="button" className="btn" onClick={cancel}>
          Cancel
        </button>
        <button type="button" className="btn primary" onClick={save} disabled={saving}>
          {saving ? 'Saving…' : 'Save quote'}
        </button>
      </div>
    </div>
  );
}
