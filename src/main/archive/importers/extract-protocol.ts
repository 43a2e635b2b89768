/** The messages between the archive and its extraction worker (extract-worker.ts). */
import type { ArchiveErrorCode } from '../errors.js';
import type { ExtractedDocument, ImportHints } from './types.js';

export interface ExtractRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  hints?: ImportHints | undefined;
}

export type ExtractReply =
  /** Sent once, when the worker has loaded every importer. */
  | { kind: 'ready' }
  | { kind: 'done'; id: number; extracted: ExtractedDocument }
  /** `code` is set when the importer refused the file in words meant for the user. */
  | { kind: 'failed'; id: number; code: ArchiveErrorCode | null; message: string };
