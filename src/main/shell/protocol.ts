/**
 * The app's own scheme, `exhibit://app/…`, serving the built renderer (instead of
 * file://, which would give the page the whole file system's origin). Every response
 * carries the CSP as a header too.
 */
import { join } from 'node:path';
import { protocol } from 'electron';
import { APP_CSP } from '../web/csp.js';
import { readStatic } from '../web/static-files.js';

export const APP_SCHEME = 'exhibit';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves files from the renderer build; anything else is a 404. */
export function serveRenderer(rendererDir = join(import.meta.dirname, '../renderer')): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'app' && request.method === 'GET' ? await readStatic(rendererDir, url.pathname) : null;
    if (!file) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    return new Response(new Uint8Array(file.body), {
      headers: {
        'content-type': file.contentType,
        'content-security-policy': APP_CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });
  });
}
