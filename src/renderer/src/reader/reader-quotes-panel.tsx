/** The side panel of the document's quotes, in reading order; the active one is marked. */
import type { CallError, Quote } from '../../../shared/contract.js';
import { plainError } from '../common/errors.js';
import { QuoteCard } from '../quotes/quote-card.js';

export interface ReaderQuotesPanelProps {
  quotes: readonly Quote[];
  error: CallError | undefined;
  allTags: string[];
  activeQuote: number | null;
  onShow: (quote: Quote) => void;
}

export function ReaderQuotesPanel({ quotes, error, allTags, activeQuote, onShow }: ReaderQuotesPanelProps) {
  return (
    <aside className="side-panel reader-panel" aria-label="Quotes in this document">
      <header className="side-panel-head">
        <h2>Quotes in this document</h2>
      </header>
      {error ? (
        <p className="panel-note error">{plainError(error)}</p>
      ) : quotes.length === 0 ? (
        <div className="panel-empty">
          <p>No quotes yet.</p>
          <p className="faint">
            Select a passage with the mouse, then press <kbd>Q</kbd> or the Quote button. With the keyboard: find it
            with <kbd>Ctrl</kbd> <kbd>F</kbd>, then press <kbd>Ctrl</kbd> <kbd>Enter</kbd> (or Tab away and press{' '}
            <kbd>Q</kbd>).
          </p>
        </div>
      ) : (
        <div className="quote-list">
          {[...quotes]
            .sort((a, b) => a.page - b.page || a.start - b.start)
            .map((q) => (
              <QuoteCard
                key={`${q.id}:${q.updatedAt}`}
                quote={q}
                allTags={allTags}
                active={q.id === activeQuote}
                onShow={onShow}
              />
            ))}
        </div>
      )}
    </aside>
  );
}
