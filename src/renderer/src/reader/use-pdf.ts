/** Loads a document's original through the contract and opens it with pdf.js. */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import { plainError } from '../common/errors.js';
import { forgetLayouts } from './pdf-page.js';
import { loadPdf } from './pdfjs.js';

export interface PdfState {
  pdf: PDFDocumentProxy | null;
  error: string | null;
  /** The document id the state belongs to. */
  documentId: number;
}

export function usePdf(documentId: number, enabled: boolean): PdfState {
  const [state, setState] = useState<PdfState>({ pdf: null, error: null, documentId });
  useEffect(() => {
    if (!enabled) return;
    forgetLayouts();
    let live = true;
    let task: ReturnType<typeof loadPdf> | null = null;
    void (async () => {
      const original = await api().call('documents.original', { id: documentId });
      if (!live) return;
      if (!original.ok) {
        setState({ pdf: null, error: plainError(original.error, 'reading the original'), documentId });
        return;
      }
      task = loadPdf(original.value.data);
      try {
        const pdf = await task.promise;
        if (live) setState({ pdf, error: null, documentId });
      } catch (error) {
        const name = error instanceof Error ? error.name : '';
        if (live) {
          setState({
            pdf: null,
            error:
              name === 'PasswordException'
                ? 'This PDF is encrypted; a password is needed to show it.'
                : 'This PDF could not be drawn. Its extracted text is shown instead.',
            documentId,
          });
        }
      }
    })();
    return () => {
      live = false;
      void task?.destroy();
    };
  }, [documentId, enabled]);
  return state;
}
