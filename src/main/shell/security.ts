/**
 * Electron's security checklist, applied in one place: every web contents may neither
 * navigate nor open windows nor attach webviews; every permission is denied; nothing
 * but the app's own pages and files is loaded; IPC answers only the app's main frame.
 */
import { app, session, type Session, type WebContents, type WebFrameMain } from 'electron';
import { hasOrigin, isTrustedFrame } from '../web/trust.js';
import { APP_ORIGIN } from './protocol.js';

/** The origin whose main frame may call the contract: the app's protocol, or the dev URL when run by electron-vite dev. */
export function trustedOrigin(): string {
  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  return !app.isPackaged && devUrl ? new URL(devUrl).origin : APP_ORIGIN;
}

/** True when `url` belongs to the app (same origin as its pages). */
export function isAppUrl(url: string, origin = trustedOrigin()): boolean {
  return hasOrigin(url, origin);
}

/** Only the main frame of the app's own window, showing the app's own page. */
export function isTrustedSender(frame: WebFrameMain | null, window: { webContents: WebContents } | null): boolean {
  return isTrustedFrame(frame, window?.webContents.mainFrame ?? null, trustedOrigin());
}

function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // No remote content, ever: only the app's own scheme (and devtools, and the dev URL in development).
  const origin = trustedOrigin();
  const devSocket = origin.startsWith('http://') ? origin.replace('http://', 'ws://') : null;
  ses.webRequest.onBeforeRequest((details, callback) => {
    const { url } = details;
    const allowed =
      isAppUrl(url, origin) ||
      (devSocket !== null && url.startsWith(`${devSocket}/`)) ||
      url.startsWith('devtools://') ||
      url.startsWith('data:') ||
      url.startsWith('blob:');
    callback({ cancel: !allowed });
  });
}

/** Installs the rules; call before the first window. */
export function applySecurityPolicy(): void {
  lockDownSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
