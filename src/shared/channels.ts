/**
 * Channel names: every transport derives its names from the contract's call and event
 * names here. Kept apart from contract.ts so the renderer can import them without zod.
 */
import type { CallName, EventName } from './contract.js';

/** The IPC channel of a call (ipcMain.handle / ipcRenderer.invoke). */
export function callChannel(name: CallName): string {
  return `exhibit:call:${name}`;
}

/** The IPC channel of an event (webContents.send / ipcRenderer.on). */
export function eventChannel(name: EventName): string {
  return `exhibit:event:${name}`;
}

/** The development server's path for a call (POST, body = wire-encoded input). */
export function callPath(name: CallName): string {
  return `/api/call/${name}`;
}

/** The development server's Server-Sent Events stream of every event. */
export const EVENTS_PATH = '/api/events';
