/**
 * The development server: the built renderer in a local browser, with the contract's
 * calls (POST /api/call/NAME) and events (Server-Sent Events) carried over loopback
 * through the very same dispatcher (validation + handler table) as Electron's IPC.
 * A development tool: nothing in the packaged app imports it, and it never imports Electron.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  callPath,
  EVENTS_PATH,
  type CallName,
  type EventName,
  type Events,
  type Result,
} from '../../shared/contract.js';
import { CALL_NAMES } from '../../shared/contract.js';
import { decodeWire, encodeWire } from '../../shared/wire.js';
import { createDispatcher, type Dispatch } from '../ipc/dispatch.js';
import { coreHandlers } from '../ipc/handlers/index.js';
import { JobRegistry } from '../ipc/jobs.js';
import type { ArchiveSession } from '../ipc/session.js';
import { unsupportedShellHandlers } from '../ipc/unsupported-shell.js';
import { checkRequest, tokenCookieName } from './guard.js';
import { discardRest, readBody } from './read-body.js';
import { APP_CSP } from '../web/csp.js';
import { readStatic } from '../web/static-files.js';

/** A request body's largest size (an import by bytes travels as base64 JSON). */
export const MAX_BODY_BYTES = 256 * 1024 * 1024;

export interface DevServerOptions {
  readonly session: ArchiveSession;
  /** The built renderer (index.html and assets). */
  readonly rendererDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Fixed only in tests; otherwise 32 random bytes. */
  readonly token?: string;
}

export interface DevServer {
  /** The address to open, token included. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  readonly jobs: JobRegistry;
  close(): Promise<void>;
}

const callPaths = new Map<string, CallName>(CALL_NAMES.map((name) => [callPath(name), name]));

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    ...headers,
  });
  response.end(body);
}

function sendResult(response: ServerResponse, status: number, result: Result<unknown>): void {
  send(response, status, 'application/json; charset=utf-8', encodeWire(result));
}

async function handleCall(
  request: IncomingMessage,
  response: ServerResponse,
  name: CallName,
  dispatch: Dispatch,
): Promise<void> {
  if (request.method !== 'POST') {
    send(response, 405, 'text/plain; charset=utf-8', 'POST only', { allow: 'POST' });
    return;
  }
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    sendResult(response, 415, {
      ok: false,
      error: { code: 'invalid-input', message: `${name}: send the input as application/json` },
    });
    return;
  }
  const read = await readBody(request, MAX_BODY_BYTES);
  if (!read.ok) {
    // Answer, then read and drop the rest: closing on a client still sending would reset it
    // before it reads the answer.
    sendResult(response, 413, {
      ok: false,
      error: { code: 'too-large', message: `${name}: the request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB` },
    });
    discardRest(request);
    return;
  }
  const body = read.body;
  let input: unknown;
  try {
    input = body === '' ? undefined : decodeWire(body);
  } catch {
    sendResult(response, 400, {
      ok: false,
      error: { code: 'invalid-input', message: `${name}: the request body is not JSON` },
    });
    return;
  }
  sendResult(response, 200, await dispatch(name, input));
}

/** Starts the server on 127.0.0.1 (never another interface). */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const streams = new Set<ServerResponse>();
  const jobs = new JobRegistry();
  const emit = <E extends EventName>(event: E, payload: Events[E]) => {
    const frame = `event: ${event}\ndata: ${encodeWire(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  };
  const dispatch = createDispatcher({
    handlers: { ...coreHandlers, ...unsupportedShellHandlers },
    session: options.session,
    jobs,
    emit,
  });
  let port = 0;

  const server: Server = createServer((request, response) => {
    const verdict = checkRequest(request, { port, token });
    if (!verdict.ok) {
      sendResult(response, verdict.status, { ok: false, error: { code: 'forbidden', message: verdict.reason } });
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const callName = callPaths.get(url.pathname);
    if (callName) {
      handleCall(request, response, callName, dispatch).catch((error: unknown) => {
        if (!response.headersSent)
          sendResult(response, 500, { ok: false, error: { code: 'internal', message: String(error) } });
      });
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (url.pathname === EVENTS_PATH && request.method === 'GET') {
        response.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        response.write(': connected\n\n');
        streams.add(response);
        request.on('close', () => streams.delete(response));
        return;
      }
      sendResult(response, 404, { ok: false, error: { code: 'not-found', message: `${url.pathname}: no such call` } });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain; charset=utf-8', 'GET only', { allow: 'GET, HEAD' });
      return;
    }
    void readStatic(options.rendererDir, url.pathname).then((file) => {
      if (!file) {
        send(response, 404, 'text/plain; charset=utf-8', 'not found');
        return;
      }
      const headers: Record<string, string> = { 'content-security-policy': APP_CSP };
      // The first page load carries the token in its address; the cookie carries it to assets.
      if (verdict.viaQuery)
        headers['set-cookie'] = `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      send(response, 200, file.contentType, request.method === 'HEAD' ? '' : file.body, headers);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': ping\n\n');
  }, 15_000);
  heartbeat.unref();
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    jobs,
    close: async () => {
      clearInterval(heartbeat);
      jobs.cancelAll();
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
