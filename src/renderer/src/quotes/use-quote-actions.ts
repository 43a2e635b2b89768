/**
 * Changing quotes from any view, with the same wording everywhere: delete with Undo (the
 * core keeps a deleted quote aside and restores it whole), edit tags and note.
 */
import { useCallback } from 'react';
import type { Quote } from '../../../shared/contract.js';
import { api } from '../api/client.js';
import { invalidate } from '../api/use-query.js';
import { plainError } from '../common/errors.js';
import { useToast } from '../common/toast.js';

export function useQuoteActions() {
  const toast = useToast();

  const remove = useCallback(
    async (quote: Quote): Promise<boolean> => {
      const result = await api().call('quotes.delete', { id: quote.id });
      if (!result.ok) {
        toast(plainError(result.error, 'deleting the quote'), { tone: 'error' });
        return false;
      }
      invalidate('quotes', 'tags', 'collections');
      const gone = result.value;
      toast('Quote deleted.', {
        actionLabel: 'Undo',
        onAction: () => {
          void api()
            .call('quotes.restore', { id: gone.id })
            .then((r) => {
              invalidate('quotes', 'tags');
              toast(r.ok ? 'Quote restored.' : plainError(r.error, 'restoring the quote'), {
                tone: r.ok ? 'success' : 'error',
              });
            });
        },
      });
      return true;
    },
    [toast],
  );

  const update = useCallback(
    async (quote: Quote, patch: { note?: string | null; tags?: string[] }): Promise<Quote | null> => {
      const result = await api().call('quotes.update', { id: quote.id, ...patch });
      if (!result.ok) {
        toast(plainError(result.error, 'saving the quote'), { tone: 'error' });
        return null;
      }
      invalidate('quotes', 'tags');
      return result.value;
    },
    [toast],
  );

  return { remove, update };
}
