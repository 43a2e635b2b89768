/**
 * Renaming or deleting the tag the quotes board is filtered by. A deleted tag can be put
 * back from the toast, on every quote and document that carried it.
 */
import { useState } from 'react';
import { api } from '../api/client.js';
import { invalidate } from '../api/use-query.js';
import { plainError } from '../common/errors.js';
import { useToast } from '../common/toast.js';
import { cleanTag } from '../tags/tag-input.js';

export interface TagActionsProps {
  /** The tag the board shows; nothing is drawn without one. */
  tag: string | null;
  /** Selects another tag (the renamed one) or none (after a delete). */
  onTagChange: (tag: string | null) => void;
}

export function TagActions({ tag, onTagChange }: TagActionsProps) {
  const toast = useToast();
  const [renaming, setRenaming] = useState<string | null>(null);

  const deleteTag = async (name: string) => {
    const result = await api().call('tags.delete', { name });
    if (!result.ok) {
      toast(plainError(result.error, 'deleting the tag'), { tone: 'error' });
      return;
    }
    onTagChange(null);
    invalidate('tags', 'quotes', 'documents');
    const snapshot = result.value;
    const count = snapshot.quotes + snapshot.documents;
    toast(`Tag “${name}” deleted${count ? ` from ${count} item${count === 1 ? '' : 's'}` : ''}.`, {
      actionLabel: 'Undo',
      onAction: () => {
        void api()
          .call('tags.restore', { tags: snapshot.tags })
          .then((r) => {
            invalidate('tags', 'quotes', 'documents');
            toast(r.ok ? `Tag “${name}” restored.` : plainError(r.error, 'restoring the tag'), {
              tone: r.ok ? 'success' : 'error',
            });
          });
      },
    });
  };

  const renameTag = async (name: string, raw: string) => {
    setRenaming(null);
    const to = cleanTag(raw);
    if (!to || to === name) return;
    const result = await api().call('tags.rename', { from: name, to });
    if (!result.ok) {
      toast(plainError(result.error, 'renaming the tag'), { tone: 'error' });
      return;
    }
    onTagChange(to);
    invalidate('tags', 'quotes', 'documents');
  };

  return (
    <>
      {tag && renaming === tag && (
        <form
          className="tag-rename"
          onSubmit={(e) => {
            e.preventDefault();
            void renameTag(tag, new FormData(e.currentTarget).get('name')?.toString() ?? '');
          }}
        >
          <input
            name="name"
            className="input"
            aria-label={`New name for the tag ${tag}`}
            defaultValue={tag}
            autoFocus
            onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
          />
          <button type="submit" className="btn small primary">
            Rename
          </button>
        </form>
      )}
      {tag && renaming !== tag && (
        <div className="tag-actions">
          <button type="button" className="btn ghost small" onClick={() => setRenaming(tag)}>
            Rename…
          </button>
          <button type="button" className="btn ghost small danger" onClick={() => void deleteTag(tag)}>
            Delete tag
          </button>
        </div>
      )}
    </>
  );
}
