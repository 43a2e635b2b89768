/**
 * The preload bridge: exposes to the page exactly the contract's calls (one function
 * each, channel names derived from the contract), event subscription that hands the page
 * only the payload (never Electron's event object, which carries `sender`), and the path
 * of a dropped file. No raw ipcRenderer, no "invoke anything". Built as one self-contained
 * CommonJS file, as a sandboxed preload must be.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, type BridgeCalls, type ExhibitBridge } from '../shared/bridge.js';
import { CALL_NAMES, callChannel, eventChannel, isEventName, type EventName, type Events, type Result } from '../shared/contract.js';

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

const calls = Object.freeze(Object.fromEntries(CALL_NAMES.map((name) => [name, invoker(callChannel(name))]))) as unknown as BridgeCalls;

function on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  if (typeof event !== 'string' || !isEventName(event)) throw new TypeError(`"${String(event)}" is not an Exhibit event`);
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
  pathForFile: (file: File) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
