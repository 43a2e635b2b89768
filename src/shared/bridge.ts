/**
 * The shape of `window.exhibit`, the object the preload exposes to the page. Exactly the
 * contract's calls (one function each), event subscription without Electron's event
 * object, and the path of a dropped file. The renderer reaches it only through
 * src/renderer/src/api/client.ts.
 */
import type { CallInput, CallName, CallOutput, EventName, Events, Result } from './contract.js';

export type BridgeCalls = { readonly [N in CallName]: (input: CallInput<N>) => Promise<Result<CallOutput<N>>> };

export interface ExhibitBridge {
  readonly calls: BridgeCalls;
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /**
   * The file system path of a File from a drop or an <input type=file> (Electron only).
   * Only such paths, and those shell.chooseImportFiles answered, are accepted by import.paths.
   */
  pathForFile(file: File): string;
}

/** The name the preload exposes the bridge under. */
export const BRIDGE_KEY = 'exhibit';
