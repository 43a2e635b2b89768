/**
 * Output types of the contract's calls (src/shared/contract.ts). The archive core uses
 * these same types (custody, check, import, info), so the two cannot drift apart.
 */

/** The open archive, as the renderer shows it. */
export interface ArchiveInfo {
  /** The archive file's full path (shown in Help › Archive Location, never sent back). */
  path: string;
  /** The file name alone, for the window title. */
  fileName: string;
  /** The archive's random id (hex), fixed at creation. */
  id: string;
  createdAt: string;
  schemaVersion: number;
  documents: number;
  trashed: number;
  /** Opened read-only (write-protected media, a locked share): it can be read, never changed. */
  readOnly: boolean;
  /** The custody chain's head, LENGTH:HASH, to note outside the archive (About box; `exhibit check --head`). */
  historyHead: string;
}

/** An original file's bytes and how to read them. */
export interface OriginalFile {
  fileName: string;
  mimeType: string;
  data: Uint8Array;
}

/**
 * Where each pdf.js text item stands in a page's text: `items[i] = [start, length, x, y,
 * width, height]` in PDF user space; `width`/`height` of the viewport at scale 1.
 */
export interface PageLayout {
  width: number;
  height: number;
  items: [number, number, number, number, number, number][];
}

export type ImportStatus = 'imported' | 'duplicate' | 'failed';

/** One file's outcome; a failure's `error` is one sentence naming the file and the reason. */
export interface ImportResult {
  path: string;
  status: ImportStatus;
  documentId: number | null;
  error: string | null;
  warnings: string[];
  /** For an email attachment: the email's document id. */
  parentId?: number | null;
}

/** The payload of the `import.progress` event. */
export interface ImportProgressEvent {
  jobId: string;
  /** Files finished so far, and how many there are in all. */
  done: number;
  total: number;
  /** The file being imported (result null) or just finished (result set). */
  path: string;
  result: ImportResult | null;
  /**
   * Set while the import waits for another program's write lock: the sentence to show
   * until the next event without it. The file named by `path` is not lost; it waits.
   */
  busy?: string;
}

/** One custody entry (hash chain). */
export interface HistoryEntry {
  id: number;
  at: string;
  action: string;
  documentId: number | null;
  subject: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface CheckProblem {
  kind: 'integrity' | 'foreign-key' | 'history' | 'search-index' | 'original' | 'state' | 'head';
  message: string;
}

export interface CheckReport {
  ok: boolean;
  documents: number;
  originals: number;
  historyEntries: number;
  problems: CheckProblem[];
  /**
   * Checks that could not run, said as such and never as damage: 'busy' while another
   * program holds the write lock (try again), 'read-only' where the archive cannot be
   * written (FTS5 checks an index through a write).
   */
  notChecked: CheckSkipped[];
}

export interface CheckSkipped {
  kind: CheckProblem['kind'];
  reason: 'busy' | 'read-only';
  message: string;
}
