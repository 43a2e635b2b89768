/**
 * Extraction of untrusted files, isolated. The importers parse hostile input (fuzzed
 * PDFs, mail bombs), and a file that loops or balloons must cost a failed line in the
 * batch, not the app: in a program that ships the worker (the CLI and the app point
 * `configureExtraction` at their built extract-worker.js), each file is read in a worker
 * thread under a heap limit and a time limit; a file past either is reported in words
 * and the worker replaced. Files are read one at a time, in order.
 *
 * Without a worker (running from source, or one that cannot start, say in a packaging
 * mistake) extraction runs in this thread, as before, and `extractionStatus` says why.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ArchiveError } from '../errors.js';
import type { InferRequest, InferredForStore } from '../import/infer-for-store.js';
import type { ExtractReply, ExtractRequest } from './extract-protocol.js';
import type { ExtractedDocument, ImportHints } from './types.js';

/** Generous for real documents (a 300-page PDF reads in about 1.5 s here), firm for hostile ones. */
export const DEFAULT_TIMEOUT_MS = 120_000;
/** pdf.js peaks near 200 MiB on ordinary PDFs; several times that is a file to refuse. */
export const DEFAULT_MAX_MEMORY_MB = 1536;

export interface ExtractionOptions {
  /** The built extract-worker.js; null reads in this thread. */
  workerScript?: string | URL | null;
  timeoutMs?: number;
  maxMemoryMb?: number;
}

/**
 * The importers (pdf.js, mammoth, postal-mime…) load only when a file is read in this thread:
 * a program that configures the worker, like the CLI, never pays for them here.
 */
async function extractInProcess(
  bytes: Uint8Array,
  fileName: string,
  hints: ImportHints | undefined,
): Promise<ExtractedDocument> {
  const { extractInProcess: extract } = await import('./extract.js');
  return extract(bytes, fileName, hints);
}

export type ExtractionStatus = { mode: 'worker' } | { mode: 'in-process'; reason: string };

/** A file's text, and inference on it when the worker was asked for it (null when not run). */
export interface Extraction {
  extracted: ExtractedDocument;
  inferred: InferredForStore | null;
}

interface Pending {
  id: number;
  resolve: (extraction: Extraction) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Running {
  worker: Worker;
  /** Resolves to null once ready, or to why it could not start. */
  ready: Promise<string | null>;
  pending: Pending | null;
}

let script: string | null = null;
let timeoutMs = DEFAULT_TIMEOUT_MS;
let maxMemoryMb = DEFAULT_MAX_MEMORY_MB;
let unavailable: string | null = 'no extraction worker is configured';
let running: Running | null = null;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

/** Chooses where files are read; an absent worker file means this thread. Stops any running worker. */
export function configureExtraction(options: ExtractionOptions): void {
  void stopExtraction();
  if (options.timeoutMs !== undefined) timeoutMs = options.timeoutMs;
  if (options.maxMemoryMb !== undefined) maxMemoryMb = options.maxMemoryMb;
  if (options.workerScript !== undefined) {
    const path =
      options.workerScript === null
        ? null
        : options.workerScript instanceof URL
          ? fileURLToPath(options.workerScript)
          : options.workerScript;
    script = path !== null && existsSync(path) ? path : null;
    unavailable = script
      ? null
      : path === null
        ? 'no extraction worker is configured'
        : `the extraction worker ${path} is missing`;
  }
}

/** Where the next file will be read, and if not in a worker, why. */
export function extractionStatus(): ExtractionStatus {
  return unavailable === null ? { mode: 'worker' } : { mode: 'in-process', reason: unavailable };
}

/** Ends the worker (it is started again when needed). */
export async function stopExtraction(): Promise<void> {
  const current = running;
  running = null;
  if (current) await current.worker.terminate();
}

/** Reads one file into text and metadata; throws a reason the user can read when it cannot. */
export async function extractDocument(
  bytes: Uint8Array,
  fileName: string,
  hints?: ImportHints,
): Promise<ExtractedDocument> {
  return (await extractAndInfer(bytes, fileName, hints)).extracted;
}

/**
 * As extractDocument; in a worker, inference (`infer`) runs there too, beside this thread.
 * In this thread it is left to the caller (`inferred` null), where it would run anyway.
 */
export function extractAndInfer(
  bytes: Uint8Array,
  fileName: string,
  hints?: ImportHints,
  infer?: InferRequest,
): Promise<Extraction> {
  const turn = queue.then(() =>
    unavailable === null
      ? inWorker(bytes, fileName, hints, infer)
      : extractInProcess(bytes, fileName, hints).then((extracted) => ({ extracted, inferred: null })),
  );
  queue = turn.catch(() => undefined);
  return turn;
}

function start(path: string): Running {
  // Held (ref) while starting and while reading, so the program waits for it; let go when idle.
  const worker = new Worker(path, {
    resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
    stdout: false,
    stderr: false,
  });
  let settle: (problem: string | null) => void = () => undefined;
  const state: Running = { worker, ready: new Promise((resolve) => (settle = resolve)), pending: null };
  worker.on('message', (reply: ExtractReply) => {
    if (reply.kind === 'ready') {
      if (!state.pending) worker.unref();
      return settle(null);
    }
    const pending = state.pending;
    if (!pending || pending.id !== reply.id) return;
    finish(state);
    if (reply.kind === 'done') pending.resolve({ extracted: reply.extracted, inferred: reply.inferred ?? null });
    else pending.reject(reply.code ? new ArchiveError(reply.code, reply.message) : new Error(reply.message));
  });
  const fail = (reason: string, outOfMemory: boolean) => {
    if (running === state) running = null;
    settle(reason);
    const pending = state.pending;
    if (!pending) return;
    finish(state);
    pending.reject(
      outOfMemory
        ? new ArchiveError('too-large', `needs more than ${maxMemoryMb} MiB of memory to read, so reading was stopped`)
        : new Error(`reading stopped unexpectedly (${reason})`),
    );
  };
  worker.on('error', (error: Error & { code?: string }) =>
    fail(error.message, error.code === 'ERR_WORKER_OUT_OF_MEMORY'),
  );
  worker.on('exit', (code) => fail(`the reader exited with code ${code}`, false));
  return state;
}

function finish(state: Running): void {
  if (state.pending) clearTimeout(state.pending.timer);
  state.pending = null;
  state.worker.unref();
}

async function inWorker(
  bytes: Uint8Array,
  fileName: string,
  hints: ImportHints | undefined,
  infer: InferRequest | undefined,
): Promise<Extraction> {
  if (!running && script) running = start(script);
  const state = running;
  const problem = state ? await state.ready : 'no extraction worker is configured';
  if (!state || problem !== null) {
    // A worker that cannot even load its importers is a packaging fault, not the file's:
    // read in this thread from now on, and say so in extractionStatus.
    unavailable = `the extraction worker could not start: ${problem}`;
    return { extracted: await extractInProcess(bytes, fileName, hints), inferred: null };
  }
  return new Promise<Extraction>((resolve, reject) => {
    const id = nextId++;
    const timer = setTimeout(() => {
      if (state.pending?.id !== id) return;
      finish(state);
      if (running === state) running = null;
      void state.worker.terminate();
      reject(
        new ArchiveError(
          'too-large',
          `took longer than ${Math.round(timeoutMs / 100) / 10} s to read, so reading was stopped (a very large or malformed file)`,
        ),
      );
    }, timeoutMs);
    state.pending = { id, resolve, reject, timer };
    state.worker.ref();
    const request: ExtractRequest = { id, bytes, fileName, hints, infer };
    state.worker.postMessage(request);
  });
}
