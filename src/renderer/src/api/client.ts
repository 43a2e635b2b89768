/**
 * The renderer's one way to the archive: a typed client over the preload bridge
 * (`window.exhibit`, in Electron) or over the development server (a plain browser,
 * `npm run dev:web`). Both carry the same contract (src/shared/contract.ts), so the
 * interface never knows which one it runs on. Calls never reject: they resolve to a
 * Result whose error the interface shows as is.
 */
import type { ExhibitBridge } from '../../../shared/bridge.js';
import { callPath, EVENTS_PATH } from '../../../shared/channels.js';
import type {
  CallInput,
  CallName,
  CallOutput,
  EventName,
  Events,
  ImportProgressEvent,
  ImportResult,
  JobCallName,
  Result,
} from '../../../shared/contract.js';
import type { DocumentType } from '../../../shared/document.js';
import { decodeWire, encodeWire } from '../../../shared/wire.js';

declare global {
  interface Window {
    /** Set by the preload in Electron; absent in a plain browser. */
    readonly exhibit?: ExhibitBridge;
  }
}

/** Events whose payload names the job it belongs to. */
export type JobEventName = { [E in EventName]: Events[E] extends { jobId: string } ? E : never }[EventName];

export interface JobOptions<E extends JobEventName> {
  /** Aborting cancels the job in main; the call then resolves with what was done. */
  signal?: AbortSignal;
  /** The event that reports this job's progress, e.g. 'import.progress'. */
  progressEvent?: E;
  onProgress?: (payload: Events[E]) => void;
}

export interface ImportFilesOptions {
  type?: DocumentType;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgressEvent) => void;
}

export interface ExhibitClient {
  /** 'electron' through the preload, 'web' through the development server. */
  readonly transport: 'electron' | 'web';
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>>;
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** Runs a long call with a fresh job id, its progress and cancellation wired. */
  runJob<N extends JobCallName, E extends JobEventName>(
    name: N,
    input: Omit<CallInput<N>, 'jobId'>,
    options?: JobOptions<E>,
  ): Promise<Result<CallOutput<N>>>;
  /** Imports dropped or chosen files: by path in Electron, by bytes in a browser. */
  importFiles(files: readonly File[], options?: ImportFilesOptions): Promise<Result<ImportResult[]>>;
}

type Transport = Pick<ExhibitClient, 'transport' | 'call' | 'on'> & { pathForFile?: (file: File) => string };

let jobCounter = 0;
function newJobId(): string {
  jobCounter += 1;
  const random = Math.random().toString(36).slice(2, 10);
  return `job-${Date.now().toString(36)}-${jobCounter}-${random}`;
}

function electronTransport(bridge: ExhibitBridge): Transport {
  return {
    transport: 'electron',
    call: <N extends CallName>(name: N, input: CallInput<N>) =>
      (bridge.calls[name] as (i: CallInput<N>) => Promise<Result<CallOutput<N>>>)(input),
    on: (event, listener) => bridge.on(event, listener),
    pathForFile: (file) => bridge.pathForFile(file),
  };
}

const TOKEN_KEY = 'exhibit-dev-token';

/** The dev server's token: from `?token=` in the address (kept for reloads in sessionStorage). */
function devToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function webTransport(): Transport {
  const token = devToken();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;
  const ensureSource = (event: EventName) => {
    source ??= new EventSource(`${EVENTS_PATH}?token=${encodeURIComponent(token)}`);
    if (listeners.has(event)) return;
    listeners.set(event, new Set());
    source.addEventListener(event, (message: MessageEvent<string>) => {
      const payload = decodeWire(message.data) as never;
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  };
  return {
    transport: 'web',
    async call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
      try {
        const response = await fetch(callPath(name), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-exhibit-token': token },
          body: encodeWire(input),
        });
        return decodeWire(await response.text()) as Result<CallOutput<N>>;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return {
          ok: false,
          error: { code: 'internal', message: `the development server did not answer (${message})` },
        };
      }
    },
    on(event, listener) {
      ensureSource(event);
      const set = listeners.get(event);
      set?.add(listener as (payload: never) => void);
      return () => set?.delete(listener as (payload: never) => void);
    },
  };
}

/** Builds the client for wherever the page runs. */
export function createClient(): ExhibitClient {
  const base = window.exhibit ? electronTransport(window.exhibit) : webTransport();

  const runJob: ExhibitClient['runJob'] = async (name, input, options = {}) => {
    const jobId = newJobId();
    const { signal, progressEvent, onProgress } = options;
    const unsubscribe =
      progressEvent && onProgress
        ? base.on(progressEvent, (payload) => {
            if (payload.jobId === jobId) onProgress(payload);
          })
        : () => undefined;
    const cancel = () => void base.call('jobs.cancel', { jobId });
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      return await base.call(name, { ...input, jobId } as CallInput<typeof name>);
    } finally {
      signal?.removeEventListener('abort', cancel);
      unsubscribe();
    }
  };

  const importFiles: ExhibitClient['importFiles'] = async (files, options = {}) => {
    const jobOptions = {
      signal: options.signal,
      progressEvent: 'import.progress' as const,
      onProgress: options.onProgress,
    };
    const type = options.type ? { type: options.type } : {};
    const paths = base.pathForFile ? files.map((f) => base.pathForFile?.(f) ?? '') : [];
    if (paths.length > 0 && paths.every((p) => p !== '')) {
      return runJob('import.paths', { paths, ...type }, jobOptions);
    }
    const loaded = await Promise.all(
      files.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })),
    );
    return runJob('import.bytes', { files: loaded, ...type }, jobOptions);
  };

  return { transport: base.transport, call: base.call, on: base.on, runJob, importFiles };
}

let shared: ExhibitClient | null = null;

/** The page's one client, created on first use. */
export function api(): ExhibitClient {
  shared ??= createClient();
  return shared;
}
