/** Who may call the contract in Electron, as pure functions (src/main/shell/security.ts applies them). */

/** The parts of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly processId: number;
  readonly routingId: number;
  readonly url: string;
  readonly parent: unknown;
}

/**
 * True when `url` has exactly this origin (scheme, host and port). Built from protocol
 * and host rather than URL.origin, which Node answers "null" for a custom scheme such
 * as exhibit:// (Chromium treats it as standard; Node's URL does not know that).
 */
export function hasOrigin(url: string, origin: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.host !== '' && `${parsed.protocol}//${parsed.host}` === origin;
  } catch {
    return false;
  }
}

/** Only the window's own main frame (no iframe, no other window), showing a page of the app's origin. */
export function isTrustedFrame(frame: FrameLike | null, mainFrame: FrameLike | null, origin: string): boolean {
  if (!frame || !mainFrame) return false;
  return (
    frame.processId === mainFrame.processId &&
    frame.routingId === mainFrame.routingId &&
    frame.parent === null &&
    hasOrigin(frame.url, origin)
  );
}
