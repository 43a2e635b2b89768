/** Importing: drop files or choose them; a progress bar and each file's outcome with its reason. */
import { useRef, useState } from 'react';
import { EmptyState } from '../common/empty-state.js';
import { withFullStop } from '../common/errors.js';
import { plural } from '../common/format.js';
import { Icon } from '../common/icons.js';
import { navigate } from '../common/router.js';
import { useImports, type FileRow } from './import-store.js';

const STATUS_LABEL: Record<FileRow['status'], string> = {
  waiting: 'Waiting',
  importing: 'Importing…',
  imported: 'Imported',
  duplicate: 'Already in the archive',
  failed: 'Not imported',
};

export function ImportView() {
  const { batch, importFiles, importSample, cancel, clear } = useImports();
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const counts = { imported: 0, duplicate: 0, failed: 0 };
  for (const f of batch?.files ?? []) if (f.status in counts) counts[f.status as keyof typeof counts]++;
  const percent = batch && batch.total > 0 ? Math.round((batch.done / batch.total) * 100) : batch?.running ? 0 : 100;

  return (
    <div className="import-view view-pad">
      <div className="view-toolbar plain">
        <h1>Import documents</h1>
      </div>
      <div
        className={`drop-zone ${over ? 'over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setOver(false);
          importFiles([...e.dataTransfer.files]);
        }}
      >
        <Icon name="import" size={28} />
        <p className="drop-title">Drop files here, or anywhere in the window</p>
        <p className="muted">
          PDF, Word (DOCX), email (EML), web pages (HTML), text and Markdown. Each file keeps its SHA-256 fingerprint.
        </p>
        <div className="row">
          <button
            type="button"
            className="btn primary"
            onClick={() => fileInput.current?.click()}
            disabled={batch?.running}
          >
            Choose files…
          </button>
          <button type="button" className="btn" onClick={() => folderInput.current?.click()} disabled={batch?.running}>
            Choose a folder…
          </button>
        </div>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          aria-label="Choose files to import"
          data-testid="import-file-input"
          onChange={(e) => {
            importFiles([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <input
          ref={folderInput}
          type="file"
          hidden
          aria-label="Choose a folder to import"
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            importFiles([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
      </div>

      {batch ? (
        <section className="import-batch" aria-label="Import progress">
          <div className="batch-head">
            <div className="batch-summary" aria-live="polite">
              {batch.running
                ? `Importing ${batch.done} of ${batch.total || '…'} files${batch.busy ? `. ${batch.busy.charAt(0).toUpperCase()}${batch.busy.slice(1)}` : ''}`
                : batch.error
                  ? batch.error
                  : `${batch.cancelled ? 'Stopped. ' : 'Done. '}${plural(counts.imported, 'document')} imported${counts.duplicate ? `, ${counts.duplicate} already in the archive` : ''}${counts.failed ? `, ${counts.failed} not imported` : ''}.`}
            </div>
            <span className="spacer" />
            {batch.running ? (
              <button type="button" className="btn" onClick={cancel}>
                Stop
              </button>
            ) : (
              <>
                <button type="button" className="btn" onClick={() => navigate({ name: 'library' })}>
                  Go to the library
                </button>
                <button type="button" className="btn ghost" onClick={clear}>
                  Clear
                </button>
              </>
            )}
          </div>
          <div
            className="progress"
            role="progressbar"
            aria-label="Import progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            <div className="progress-bar" style={{ width: `${percent}%` }} />
          </div>
          <ul className="file-list" aria-label="Files">
            {batch.files.map((f) => (
              <li key={f.path} className={`file-row ${f.status}`} data-status={f.status}>
                <span className={`status-dot ${f.status}`} aria-hidden="true" />
                <div className="file-main">
                  <div className="file-name">
                    {f.attachment && <span className="faint">attachment · </span>}
                    {f.name}
                  </div>
                  {f.error && <div className="file-reason">{withFullStop(f.error)}</div>}
                  {f.warnings.map((w) => (
                    <div key={w} className="file-warning">
                      {w}
                    </div>
                  ))}
                </div>
                <span className="file-status">{STATUS_LABEL[f.status]}</span>
                {f.documentId !== null && (f.status === 'imported' || f.status === 'duplicate') && (
                  <button
                    type="button"
                    className="btn small"
                    onClick={() => navigate({ name: 'reader', documentId: f.documentId ?? 0 })}
                  >
                    Open
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <EmptyState icon="file" title="Nothing imported in this session yet">
          <p>
            New here?{' '}
            <button type="button" className="link-button" onClick={importSample}>
              Load the sample case
            </button>{' '}
            to try Exhibit on a small set of documents about a city’s facial-recognition contract.
          </p>
        </EmptyState>
      )}
    </div>
  );
}
