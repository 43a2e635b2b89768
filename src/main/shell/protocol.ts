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

/**
 * Must run before the app is ready (src/main/index.ts calls it at the top level of the
 * entry module, which runs before 'ready' even as ESM). standard: the page has a real
 * origin (exhibit://app) for relative URLs, storage and same-origin checks; secure: a
 * secure context, as https is; supportFetchAPI: pdf.js fetches CMaps, fonts and wasm.
 * corsEnabled stays unset on purpose: the page's module scripts and pdf.js's module worker
 * are same-origin and load without it, and unset it keeps the scheme unreadable from any
 * other origin.
 */
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
