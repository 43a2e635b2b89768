/**
 * The import in progress (one batch at a time), shared by the import view, the drop
 * anywhere in the window and the library's empty state. Each file's status arrives with
 * the core's progress events; failures keep their reasons and stop nothing else.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CallError, ImportProgressEvent, ImportResult } from '../../../shared/contract.js';
import { api } from '../api/client.js';
import { invalidate } from '../api/use-query.js';
import { plainError } from '../common/errors.js';
import { baseName } from '../common/format.js';

export type FileStatus = 'waiting' | 'importing' | ImportResult['status'];

export interface FileRow {
  /** The path or file name the core reports. */
  path: string;
  name: string;
  status: FileStatus;
  documentId: number | null;
  error: string | null;
  warnings: string[];
  /** An attachment found inside an email. */
  attachment: boolean;
}

export interface ImportBatch {
  id: number;
  running: boolean;
  done: number;
  total: number;
  files: FileRow[];
  /** A failure of the whole call (not of one file). */
  error: string | null;
  cancelled: boolean;
  /** While another program holds the archive's write lock: what to tell the user. */
  busy: string | null;
}

interface ImportContextValue {
  batch: ImportBatch | null;
  importFiles: (files: readonly File[]) => void;
  importSample: () => void;
  cancel: () => void;
  clear: () => void;
}

const ImportContext = createContext<ImportContextValue | null>(null);

export function useImports(): ImportContextValue {
  const value = useContext(ImportContext);
  if (!value) throw new Error('useImports outside ImportProvider');
  return value;
}

/** Folds one progress event into the rows. */
export function applyProgress(files: FileRow[], event: ImportProgressEvent): FileRow[] {
  const name = baseName(event.path);
  let index = files.findIndex((f) => f.path === event.path || (f.status === 'waiting' && f.name === name));
  const next = files.slice();
  if (index < 0) {
    next.push({
      path: event.path,
      name,
      status: 'waiting',
      documentId: null,
      error: null,
      warnings: [],
      attachment: event.path.includes('#'),
    });
    index = next.length - 1;
  }
  const row = next[index] as FileRow;
  next[index] = event.result
    ? {
        ...row,
        path: event.path,
        status: event.result.status,
        documentId: event.result.documentId,
        error: event.result.error,
        warnings: event.result.warnings,
      }
    : { ...row, path: event.path, status: 'importing' };
  return next;
}

/** Folds one event into the batch: a wait for the write lock, or a file's progress (which ends the wait). */
export function applyEvent(batch: ImportBatch, event: ImportProgressEvent): ImportBatch {
  if (event.busy) return { ...batch, busy: event.busy };
  return {
    ...batch,
    busy: null,
    done: event.done,
    total: Math.max(event.total, batch.total),
    files: applyProgress(batch.files, event),
  };
}

/** Folds the final results in (attachments and files the events did not mention). */
export function applyResults(files: FileRow[], results: readonly ImportResult[]): FileRow[] {
  let next = files;
  for (const result of results) {
    next = applyProgress(next, { jobId: '', done: 0, total: 0, path: result.path, result });
  }
  return next.map((f) =>
    f.status === 'waiting' || f.status === 'importing'
      ? { ...f, status: 'failed', error: f.error ?? `${f.name}: not imported` }
      : f,
  );
}

export function ImportProvider({ children }: { children: ReactNode }) {
  const [batch, setBatch] = useState<ImportBatch | null>(null);
  const abort = useRef<AbortController | null>(null);
  const counter = useRef(0);

  const run = useCallback(
    (
      initial: FileRow[],
      start: (
        signal: AbortSignal,
        onProgress: (e: ImportProgressEvent) => void,
      ) => Promise<{ ok: true; value: ImportResult[] } | { ok: false; error: CallError }>,
    ) => {
      if (abort.current) return;
      const controller = new AbortController();
      abort.current = controller;
      const id = ++counter.current;
      setBatch({
        id,
        running: true,
        done: 0,
        total: initial.length,
        files: initial,
        error: null,
        cancelled: false,
        busy: null,
      });
      const onProgress = (event: ImportProgressEvent) => setBatch((b) => (b && b.id === id ? applyEvent(b, event) : b));
      void start(controller.signal, onProgress).then((result) => {
        abort.current = null;
        setBatch((b) => {
          if (!b || b.id !== id) return b;
          if (!result.ok)
            return {
              ...b,
              running: false,
              busy: null,
              error: plainError(result.error, 'importing'),
              files: applyResults(b.files, []),
            };
          return {
            ...b,
            running: false,
            busy: null,
            done: b.total,
            files: applyResults(b.files, result.value),
            cancelled: controller.signal.aborted,
          };
        });
        invalidate('documents', 'archive', 'history');
      });
    },
    [],
  );

  const importFiles = useCallback(
    (files: readonly File[]) => {
      if (files.length === 0) return;
      const rows: FileRow[] = files.map((f) => ({
        path: f.name,
        name: f.name,
        status: 'waiting',
        documentId: null,
        error: null,
        warnings: [],
        attachment: false,
      }));
      run(rows, (signal, onProgress) => api().importFiles(files, { signal, onProgress }));
    },
    [run],
  );

  const importSample = useCallback(() => {
    run([], (signal, onProgress) =>
      api().runJob('sample.import', {}, { signal, progressEvent: 'import.progress', onProgress }),
    );
  }, [run]);

  const value = useMemo<ImportContextValue>(
    () => ({
      batch,
      importFiles,
      importSample,
      cancel: () => abort.current?.abort(),
      clear: () => setBatch((b) => (b?.running ? b : null)),
    }),
    [batch, importFiles, importSample],
  );
  return <ImportContext.Provider value={value}>{children}</ImportContext.Provider>;
}
