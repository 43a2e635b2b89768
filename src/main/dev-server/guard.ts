/**
 * Who may talk to the development server: only a page it served itself, on loopback,
 * holding the token printed with its address. Host is checked against DNS rebinding,
 * Origin against other sites' pages, the token against other local users and programs.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface GuardConfig {
  readonly port: number;
  readonly token: string;
}

export type GuardVerdict = { ok: true; viaQuery: boolean } | { ok: false; status: number; reason: string };

/** The cookie holding the token; per port, since cookies ignore ports. */
export function tokenCookieName(port: number): string {
  return `exhibit_dev_token_${port}`;
}

function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

/** Checks Host, Origin and token of a request. */
export function checkRequest(request: IncomingMessage, config: GuardConfig): GuardVerdict {
  const host = request.headers.host ?? '';
  if (!allowedHosts(config.port).includes(host)) {
    return { ok: false, status: 421, reason: `host "${host}" is not this server` };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedHosts(config.port).some((h) => origin === `http://${h}`)) {
    return { ok: false, status: 403, reason: `origin "${origin}" may not call this server` };
  }
  const fetchSite = request.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string' && !['same-origin', 'none'].includes(fetchSite)) {
    return { ok: false, status: 403, reason: `a ${fetchSite} request may not call this server` };
  }
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const fromQuery = url.searchParams.get('token');
  const fromHeader = request.headers['x-exhibit-token'];
  const fromCookie = cookieValue(request.headers.cookie, tokenCookieName(config.port));
  const given = fromQuery ?? (typeof fromHeader === 'string' ? fromHeader : null) ?? fromCookie;
  if (given === null || !sameToken(given, config.token)) {
    return { ok: false, status: 401, reason: 'the token is missing or wrong: open the address the server printed' };
  }
  return { ok: true, viaQuery: fromQuery !== null };
}
