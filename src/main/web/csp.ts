/**
 * The renderer's Content-Security-Policy: scripts, styles, fonts, workers and connections
 * from the app itself only; no eval, no inline script, no remote anything. The same
 * string is in src/renderer/index.html (a test keeps them equal) and is sent as a header
 * by the app's protocol and by the development server.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
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
