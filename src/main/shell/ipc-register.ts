/**
 * Registers every call of the contract on Electron's IPC, derived from CALL_NAMES: a
 * sender check (the app's own main frame), then the shared dispatcher (validation,
 * handler, result envelope). Nothing throws across the bridge.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import { CALL_NAMES, callChannel, type Result } from '../../shared/contract.js';
import type { Dispatch } from '../ipc/dispatch.js';
import { isTrustedSender } from './security.js';

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'this request did not come from the Exhibit window' },
};

export function registerIpc(dispatch: Dispatch, window: () => BrowserWindow | null): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(callChannel(name), (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, window())) return FORBIDDEN;
      return dispatch(name, input);
    });
  }
}
