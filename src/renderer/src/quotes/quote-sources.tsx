/** "Where else does this passage appear?": other documents holding it, exactly or nearly. */
import { useQuery } from '../api/use-query.js';
import { plainError } from '../common/errors.js';
import { navigate } from '../common/router.js';

export function QuoteSources({ quoteId }: { quoteId: number }) {
  const sources = useQuery('quotes.sources', { id: quoteId });
  if (sources.loading && !sources.data) return <p className="faint sources-note">Looking through the archive…</p>;
  if (sources.error) {
    return <p className="faint sources-note">{plainError(sources.error)}</p>;
  }
  const list = sources.data ?? [];
  if (list.length === 0) return <p className="faint sources-note">No other document carries this passage.</p>;
  return (
    <ul className="sources" aria-label="Other sources of this passage">
      {list.map((s) => (
        <li key={`${s.documentId}:${s.page}`}>
          <button
            type="button"
            className="source-link"
            onClick={() =>
              navigate({ name: 'reader', documentId: s.documentId, page: s.page, find: s.text.slice(0, 80) })
            }
          >
            <span className="source-title">
              {s.title}
              {s.version && <span className="chip accent">version of this document</span>}
            </span>
            <span className="faint">
              p. {s.pageLabel} · {s.similarity >= 0.999 ? 'exact' : `${Math.round(s.similarity * 100)}% alike`}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
