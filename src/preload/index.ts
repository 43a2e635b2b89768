/**
 * The preload bridge: exposes to the page exactly the contract's calls (one function
 * each, channel names derived from the contract), event subscription that hands the page
 * only the payload (never Electron's event object, which carries `sender`), and the path
 * of a dropped file. No raw ipcRenderer, no "invoke anything"; import.paths only for paths
 * the user handed over (see `granted`). Built as one self-contained
 * CommonJS file, as a sandboxed preload must be.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, type BridgeCalls, type ExhibitBridge } from '../shared/bridge.js';
import {
  CALL_NAMES,
  callChannel,
  eventChannel,
  isEventName,
  type CallName,
  type EventName,
  type Events,
  type Result,
} from '../shared/contract.js';

function invoker(channel: string) {
  return async (input: unknown): Promise<Result<unknown>> => {
    try {
      return (await ipcRenderer.invoke(channel, input)) as Result<unknown>;
    } catch (error) {
      // Only reached when the input cannot be cloned (e.g. a function): main never throws.
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return { ok: false, error: { code: 'invalid-input', message: `this input cannot be sent: ${message}` } };
    }
  };
}

/**
 * Paths the user handed over: files dropped on the window (pathForFile) and files chosen
 * in the Import dialog. import.paths accepts only these, so even a compromised page cannot
 * read an arbitrary file into the archive (the page cannot reach ipcRenderer to bypass it).
 */
const granted = new Set<string>();

function grantedOnly(invoke: (input: unknown) => Promise<Result<unknown>>) {
  return async (input: unknown): Promise<Result<unknown>> => {
    const paths: unknown = typeof input === 'object' && input !== null ? Reflect.get(input, 'paths') : undefined;
    if (Array.isArray(paths) && paths.some((p) => typeof p !== 'string' || !granted.has(p))) {
      return {
        ok: false,
        error: {
          code: 'forbidden',
          message: 'import.paths: only files dropped on the window or chosen in the Import dialog can be imported',
        },
      };
    }
    return invoke(input);
  };
}

function granting(invoke: (input: unknown) => Promise<Result<unknown>>) {
  return async (input: unknown): Promise<Result<unknown>> => {
    const result = await invoke(input);
    if (result.ok && Array.isArray(result.value))
      for (const path of result.value) if (typeof path === 'string') granted.add(path);
    return result;
  };
}

const WRAPPERS: Partial<
  Record<
    CallName,
    (invoke: (input: unknown) => Promise<Result<unknown>>) => (input: unknown) => Promise<Result<unknown>>
  >
> = {
  'import.paths': grantedOnly,
  'shell.chooseImportFiles': granting,
};

const calls = Object.freeze(
  Object.fromEntries(
    CALL_NAMES.map((name) => {
      const invoke = invoker(callChannel(name));
      return [name, WRAPPERS[name]?.(invoke) ?? invoke];
    }),
  ),
) as unknown as BridgeCalls;

function on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  if (typeof event !== 'string' || !isEventName(event))
    throw new TypeError(`"${String(event)}" is not an Exhibit event`);
  if (typeof listener !== 'function') throw new TypeError('the listener must be a function');
  const channel = eventChannel(event);
  const forward = (_event: IpcRendererEvent, payload: Events[E]) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const bridge: ExhibitBridge = {
  calls,
  on,
  pathForFile: (file: File) => {
    const path = webUtils.getPathForFile(file);
    if (path !== '') granted.add(path);
    return path;
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
