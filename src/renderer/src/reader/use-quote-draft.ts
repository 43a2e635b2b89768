/** A quote being written: the passage in the popover, saving it, and the error if saving failed. */
import { useState } from 'react';
import type { DocumentRecord } from '../../../shared/document.js';
import { api } from '../api/client.js';
import { invalidate } from '../api/use-query.js';
import { plainError } from '../common/errors.js';
import { useToast } from '../common/toast.js';
import { pinpoint } from '../quotes/page-label.js';
import type { SelectedPassage } from './use-selection-anchor.js';

export interface QuoteDraft {
  /** The passage in the popover, or null when none is open. */
  passage: SelectedPassage | null;
  saving: boolean;
  error: string;
  /** Opens the popover on a passage; with none, says why (`noPassage`) and returns false. */
  open: (passage: SelectedPassage | null, noPassage: string) => boolean;
  /** Saves the quote; `onSaved` runs with its id before the quote lists reload. */
  save: (tags: string[], note: string, onSaved: (quoteId: number) => void) => Promise<void>;
  cancel: () => void;
}

export function useQuoteDraft(doc: DocumentRecord): QuoteDraft {
  const toast = useToast();
  const [passage, setPassage] = useState<SelectedPassage | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');

  const open = (next: SelectedPassage | null, noPassage: string) => {
    if (!next) {
      toast(noPassage, { tone: 'info' });
      return false;
    }
    setError('');
    setPassage(next);
    window.getSelection()?.removeAllRanges();
    return true;
  };

  const save = async (tags: string[], note: string, onSaved: (quoteId: number) => void) => {
    if (!passage) return;
    setSaving(true);
    const { anchor, text } = passage;
    const result = await api().call('quotes.create', {
      documentId: doc.id,
      ...anchor,
      text,
      tags,
      note: note.trim() === '' ? null : note.trim(),
    });
    setSaving(false);
    if (!result.ok) {
      setError(plainError(result.error, 'saving the quote'));
      return;
    }
    setPassage(null);
    onSaved(result.value.id);
    invalidate('quotes', 'tags');
    toast(`Quote saved (${pinpoint(doc, anchor.page, anchor.pageEnd)}).`, { tone: 'success' });
  };

  return { passage, saving, error, open, save, cancel: () => setPassage(null) };
}
