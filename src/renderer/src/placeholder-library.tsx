/**
 * A minimal library over the typed client, so the shell can be exercised end to end
 * (Electron and the dev server) before the real interface (the renderer issue) replaces
 * it: the archive's name, its documents' titles, a drop zone and import progress.
 */
import { useCallback, useEffect, useState, type DragEvent } from 'react';
import type { ArchiveInfo, ImportProgressEvent } from '../../shared/contract.js';
import type { DocumentRecord } from '../../shared/document.js';
import { api } from './api/client.js';

export function PlaceholderLibrary() {
  const [info, setInfo] = useState<ArchiveInfo | null>(null);
  const [documents, setDocuments] = useState<DocumentRecord[]>([]);
  const [message, setMessage] = useState<string>('');
  const [progress, setProgress] = useState<ImportProgressEvent | null>(null);

  const reload = useCallback(async () => {
    const [i, d] = await Promise.all([api().call('archive.info', {}), api().call('documents.list', {})]);
    if (i.ok) setInfo(i.value);
    if (d.ok) setDocuments(d.value);
    const failed = !i.ok ? i : !d.ok ? d : null;
    setMessage(failed && !failed.ok ? failed.error.message : '');
  }, []);

  useEffect(() => {
    void Promise.resolve().then(reload);
    const offChanged = api().on('archive.changed', () => void reload());
    const offProgress = api().on('import.progress', (p) => {
      setProgress(p);
      if (p.result) void reload();
    });
    return () => {
      offChanged();
      offProgress();
    };
  }, [reload]);

  const onDrop = async (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    const files = [...event.dataTransfer.files];
    if (files.length === 0) return;
    const result = await api().importFiles(files, { onProgress: setProgress });
    if (!result.ok) setMessage(result.error.message);
    else setMessage(result.value.filter((r) => r.error).map((r) => r.error).join('\n'));
    await reload();
  };

  return (
    <main onDragOver={(e) => e.preventDefault()} onDrop={(e) => void onDrop(e)} aria-label="Library">
      <h1>Exhibit</h1>
      <p>{info ? `${info.fileName}: ${info.documents} document(s)` : 'No archive open: use File › New Archive… or File › Open Archive…'}</p>
      {progress && progress.done < progress.total ? (
        <progress aria-label="Import progress" max={progress.total} value={progress.done} />
      ) : null}
      {message ? <p role="alert">{message}</p> : null}
      <ul aria-label="Documents">
        {documents.map((d) => (
          <li key={d.id}>{d.title}</li>
        ))}
      </ul>
      <p>Drop files here to import them.</p>
    </main>
  );
}
