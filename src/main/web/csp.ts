/**
 * The renderer's Content-Security-Policy: scripts, styles, fonts, workers and connections
 * from the app itself only; no eval, no inline script, no remote anything. The one
 * allowance is 'wasm-unsafe-eval', which lets WebAssembly be compiled and nothing else
 * (eval and new Function stay refused): pdf.js's worker decodes JPEG 2000 and JBIG2 scans
 * and applies ICC colour profiles with the .wasm files the app ships under pdfjs/wasm/;
 * without it scans fall back to a JS decoder several times slower and ICC colour is lost. The same
 * string is in src/renderer/index.html (a test keeps them equal) and is sent as a header
 * by the app's protocol and by the development server.
 */
export const APP_CSP = [
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
  "frame-ancestors 'none'",
].join('; ');
