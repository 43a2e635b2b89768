import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_CSP, META_CSP } from '../../src/main/web/csp.js';
import { hasOrigin, isTrustedFrame, type FrameLike } from '../../src/main/web/trust.js';
import { ROOT } from '../helpers/archive.js';

const ORIGIN = 'exhibit://app';
const main: FrameLike = { processId: 4, routingId: 1, url: 'exhibit://app/index.html', parent: null };

describe('which frame may call the contract', () => {
  it('accepts the window’s own main frame on the app’s page', () => {
    expect(isTrustedFrame({ ...main }, main, ORIGIN)).toBe(true);
  });

  it('refuses an iframe, another frame or process, another origin, or no frame at all', () => {
    expect(isTrustedFrame({ ...main, parent: main }, main, ORIGIN)).toBe(false);
    expect(isTrustedFrame({ ...main, routingId: 2 }, main, ORIGIN)).toBe(false);
    expect(isTrustedFrame({ ...main, processId: 5 }, main, ORIGIN)).toBe(false);
    for (const url of [
      'https://example.com/',
      'file:///home/me/evil.html',
      'exhibit://other/index.html',
      'exhibit://app.evil/index.html',
      'about:blank',
      'not a url',
    ]) {
      expect(isTrustedFrame({ ...main, url }, main, ORIGIN), url).toBe(false);
    }
    expect(isTrustedFrame(null, main, ORIGIN)).toBe(false);
    expect(isTrustedFrame(main, null, ORIGIN)).toBe(false);
  });

  it('compares origins exactly (scheme, host and port)', () => {
    expect(hasOrigin('http://localhost:5173/src/index.html', 'http://localhost:5173')).toBe(true);
    expect(hasOrigin('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(hasOrigin('https://localhost:5173/', 'http://localhost:5173')).toBe(false);
    // Node's URL gives a custom scheme the origin "null": the check must not rely on it.
    expect(new URL('exhibit://app/index.html').origin).toBe('null');
    expect(hasOrigin('exhibit://app/index.html', ORIGIN)).toBe(true);
    expect(hasOrigin('exhibit:///index.html', ORIGIN)).toBe(false);
    expect(hasOrigin('about:blank', 'null')).toBe(false);
  });
});

describe('the Content-Security-Policy', () => {
  it('is the same in index.html as in the headers, and allows no eval, inline script or remote source', () => {
    const html = readFileSync(join(ROOT, 'src/renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(META_CSP);
    // The header is the meta policy plus what only a header can carry: no framing anywhere.
    expect(APP_CSP).toBe(`${META_CSP}; frame-ancestors 'none'`);
    expect(META_CSP).not.toContain('frame-ancestors');
    const directives = new Map(
      APP_CSP.split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    // WebAssembly compilation only (pdf.js's image decoders); eval stays refused.
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(APP_CSP.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-|https?:|\*/);
  });
});
