/** The messages between the archive and its extraction worker (extract-worker.ts). */
import type { ArchiveErrorCode } from '../errors.js';
import type { InferRequest, InferredForStore } from '../import/infer-for-store.js';
import type { ExtractedDocument, ImportHints } from './types.js';

export interface ExtractRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  hints?: ImportHints | undefined;
  /** Run inference on the text too (a bulk import, so that it runs beside the thread that writes). */
  infer?: InferRequest | undefined;
}

export type ExtractReply =
  /** Sent once, when the worker has loaded every importer. */
  | { kind: 'ready' }
  | { kind: 'done'; id: number; extracted: ExtractedDocument; inferred?: InferredForStore | undefined }
  /** `code` is set when the importer refused the file in words meant for the user. */
  | { kind: 'failed'; id: number; code: ArchiveErrorCode | null; message: string };
