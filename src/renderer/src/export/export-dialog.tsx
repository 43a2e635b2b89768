/**
 * Export: choose the quotes (all, a tag, a collection, a selection or a search's), a format and a
 * citation style; see how the citations will read; write the file. A bundle is verified
 * right after it is written (every original's SHA-256, every quote at its place).
 */
import { useState } from 'react';
import type { CallInput } from '../../../shared/contract.js';
import {
  CITATION_STYLE_LABELS,
  CITATION_STYLES,
  EXPORT_FORMAT_LABELS,
  EXPORT_FORMATS,
  type CitationStyle,
  type ExportFile,
  type ExportFormat,
} from '../../../shared/contract-quote-types.js';
import { api } from '../api/client.js';
import { useQuery } from '../api/use-query.js';
import { plainError } from '../common/errors.js';
import { formatBytes } from '../common/format.js';
import { Icon } from '../common/icons.js';
import { Modal } from '../common/modal.js';

export type ExportSource = CallInput<'export.preview'>['source'];

export interface ExportRequest {
  /** Preset by the view that opened the dialog, or null to choose here. */
  source: ExportSource | null;
}

export function ExportDialog({ request, onClose }: { request: ExportRequest | null; onClose: () => void }) {
  return (
    <Modal open={request !== null} title="Export quotes" onClose={onClose} size="large" className="export-modal">
      {request && <ExportBody preset={request.source} onClose={onClose} />}
    </Modal>
  );
}

/** Saves bytes as a file through the browser's download (the desktop shell asks where). */
function saveBytes(file: ExportFile): void {
  const blob = new Blob([file.data.slice().buffer], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function ExportBody({ preset, onClose }: { preset: ExportSource | null; onClose: () => void }) {
  const [kind, setKind] = useState<ExportSource['kind']>(preset?.kind ?? 'all');
  const [tag, setTag] = useState(preset?.kind === 'tag' ? preset.tag : '');
  const [collectionId, setCollectionId] = useState<number | null>(preset?.kind === 'collection' ? preset.id : null);
  const [format, setFormat] = useState<ExportFormat>('bundle');
  const [style, setStyle] = useState<CitationStyle>('chicago');
  const [running, setRunning] = useState(false);
  const [written, setWritten] = useState<ExportFile | null>(null);
  const [error, setError] = useState('');
  const tags = useQuery('tags.list', {});
  const collections = useQuery('collections.list', {});

  const source: ExportSource | null =
    (kind === 'quotes' && preset?.kind === 'quotes') || (kind === 'search' && preset?.kind === 'search')
      ? preset
      : kind === 'tag'
        ? tag
          ? { kind: 'tag', tag }
          : null
        : kind === 'collection'
          ? collectionId !== null
            ? { kind: 'collection', id: collectionId }
            : null
          : { kind: 'all' };
  const preview = useQuery('export.preview', source ? { source, style } : null);

  // A different choice makes the last result stale: results carry the choice they answer.
  const choice = JSON.stringify([kind, tag, collectionId, format, style]);
  const [writtenFor, setWrittenFor] = useState('');
  const shownWritten = writtenFor === choice ? written : null;
  const shownError = writtenFor === choice ? error : '';

  const write = async () => {
    if (!source) return;
    setRunning(true);
    setError('');
    setWrittenFor(choice);
    const result = await api().runJob('export.build', { source, format, style });
    setRunning(false);
    if (!result.ok) {
      setError(plainError(result.error, 'exporting'));
      return;
    }
    saveBytes(result.value);
    setWritten(result.value);
  };

  const items = preview.data?.quotes ?? [];

  return (
    <div className="export-body">
      <div className="export-options">
        <fieldset className="field">
          <legend className="label">Quotes</legend>
          <label className="check">
            <input type="radio" name="export-source" checked={kind === 'all'} onChange={() => setKind('all')} /> All
            quotes
          </label>
          {preset?.kind === 'quotes' && (
            <label className="check">
              <input type="radio" name="export-source" checked={kind === 'quotes'} onChange={() => setKind('quotes')} />{' '}
              The {preset.quoteIds.length} selected quote{preset.quoteIds.length === 1 ? '' : 's'}
            </label>
          )}
          {preset?.kind === 'search' && (
            <label className="check">
              <input type="radio" name="export-source" checked={kind === 'search'} onChange={() => setKind('search')} />{' '}
              Quotes matching “{preset.query}”
            </label>
          )}
          <label className="check">
            <input type="radio" name="export-source" checked={kind === 'tag'} onChange={() => setKind('tag')} /> Quotes
            with a tag
          </label>
          {kind === 'tag' && (
            <select className="select indent" aria-label="Tag" value={tag} onChange={(e) => setTag(e.target.value)}>
              <option value="">Choose a tag…</option>
              {(tags.data ?? []).map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name} ({t.quotes})
                </option>
              ))}
            </select>
          )}
          <label className="check">
            <input
              type="radio"
              name="export-source"
              checked={kind === 'collection'}
              onChange={() => setKind('collection')}
            />{' '}
            A collection
          </label>
          {kind === 'collection' && (
            <select
              className="select indent"
              aria-label="Collection"
              value={collectionId ?? ''}
              onChange={(e) => setCollectionId(e.target.value ? Number(e.target.value) : null)}
            >
              <option value="">Choose a collection…</option>
              {(collections.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title} ({c.quoteCount})
                </option>
              ))}
            </select>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor="export-format">Format</label>
          <select
            id="export-format"
            className="select"
            value={format}
            onChange={(e) => setFormat(e.target.value as ExportFormat)}
          >
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {EXPORT_FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="export-style">Citation style</label>
          <select
            id="export-style"
            className="select"
            value={style}
            onChange={(e) => setStyle(e.target.value as CitationStyle)}
          >
            {CITATION_STYLES.map((s) => (
              <option key={s} value={s}>
                {CITATION_STYLE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
      </div>

      <section className="export-preview" aria-label="Preview of the citations" aria-busy={preview.loading}>
        <h3>Preview</h3>
        {!source ? (
          <p className="faint">Choose what to export.</p>
        ) : preview.error?.code === 'not-found' ? (
          // Nothing to export (no quotes yet, an empty tag or collection): say how to get some.
          <p className="faint">
            {plainError(preview.error)} Open a document, select a passage and press Q to quote it.
          </p>
        ) : preview.error ? (
          <p className="error-line">{plainError(preview.error)}</p>
        ) : preview.data && items.length === 0 ? (
          <p className="faint">There are no quotes to export here yet.</p>
        ) : (
          <>
            {preview.data?.title && <h2 className="preview-title">{preview.data.title}</h2>}
            {preview.data?.introduction && <p className="preview-intro">{preview.data.introduction}</p>}
            <ol className="preview-quotes">
              {items.slice(0, 20).map((q) => (
                <li key={q.quoteId}>
                  <blockquote>{q.text}</blockquote>
                  <p className="citation">{q.citation}</p>
                </li>
              ))}
            </ol>
            {items.length > 20 && <p className="faint">…and {items.length - 20} more.</p>}
            {(preview.data?.warnings.length ?? 0) > 0 && (
              <ul className="export-warnings">
                {preview.data?.warnings.map((w) => (
                  <li key={w}>
                    <Icon name="alert" size={14} /> {w}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      {shownWritten && (
        <section
          className={`export-result ${shownWritten.verification ? (shownWritten.verification.ok ? 'ok' : 'bad') : 'ok'}`}
          aria-live="polite"
          aria-label="Export result"
        >
          <p>
            <Icon name="check" /> Wrote <strong>{shownWritten.fileName}</strong> (
            {formatBytes(shownWritten.data.byteLength)}, {shownWritten.quoteCount} quote
            {shownWritten.quoteCount === 1 ? '' : 's'}).
          </p>
          {shownWritten.verification &&
            (shownWritten.verification.ok ? (
              <p className="verified">
                Verified: every original matches its SHA-256 and every quote stands at its stated place.
              </p>
            ) : (
              <>
                <p className="unverified">The bundle did not verify:</p>
                <ul>
                  {shownWritten.verification.problems.map((p, i) => (
                    <li key={i}>{p.message}</li>
                  ))}
                </ul>
              </>
            ))}
          {shownWritten.verification?.signature && shownWritten.verification.signature.status !== 'invalid' && (
            <p className={shownWritten.verification.signature.trusted ? 'verified' : 'faint'}>
              {shownWritten.verification.signature.message.charAt(0).toUpperCase() +
                shownWritten.verification.signature.message.slice(1)}
            </p>
          )}
          {shownWritten.warnings?.map((w) => (
            <p key={w} className="faint">
              <Icon name="alert" size={14} /> {w}
            </p>
          ))}
        </section>
      )}
      {shownError && (
        <p className="error-line" role="alert">
          {shownError}
        </p>
      )}
      <div className="modal-footer inline">
        <button type="button" className="btn" onClick={onClose}>
          {shownWritten ? 'Done' : 'Cancel'}
        </button>
        <button type="button" className="btn primary" disabled={!source || running} onClick={() => void write()}>
          <Icon name="export" /> {running ? 'Writing…' : format === 'bundle' ? 'Write and verify bundle' : 'Write file'}
        </button>
      </div>
    </div>
  );
}
