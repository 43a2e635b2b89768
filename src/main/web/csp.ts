/**
 * The renderer's Content-Security-Policy: scripts, styles, fonts, workers and connections
 * from the app itself only; no eval, no inline script, no remote anything. The one
 * allowance is 'wasm-unsafe-eval', which lets WebAssembly be compiled and nothing else
 * (eval and new Function stay refused): pdf.js's worker decodes JPEG 2000 and JBIG2 scans
 * and applies ICC colour profiles with the .wasm files the app ships under pdfjs/wasm/;
 * without it scans fall back to a JS decoder several times slower and ICC colour is lost.
 * APP_CSP is sent as a header by the app's protocol and by the development server;
 * src/renderer/index.html carries META_CSP (a test keeps them equal), the same less the
 * directives a <meta> element cannot carry, which Chromium ignores there with a console
 * error on every load.
 */
const DOCUMENT_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** Take effect only in a response header (CSP 3, section 6.3: not delivered by <meta>). */
const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

/** The policy in index.html's <meta> element, a fallback should a header ever be missing. */
export const META_CSP = DOCUMENT_DIRECTIVES.join('; ');

/** The whole policy, as the response header of every page and file of the app. */
export const APP_CSP = [...DOCUMENT_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES].join('; ');
