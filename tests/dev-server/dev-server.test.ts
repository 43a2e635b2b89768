import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callPath, EVENTS_PATH, type ImportProgressEvent, type Result } from '../../src/shared/contract.js';
import { decodeWire, encodeWire } from '../../src/shared/wire.js';
import { ArchiveSession } from '../../src/main/ipc/session.js';
import { startDevServer, type DevServer } from '../../src/main/dev-server/server.js';
import { corpus, tempArchive, tempDir } from '../helpers/archive.js';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request, so Host and Origin can be anything a hostile page or program would send. */
function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let server: DevServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  const archive = await tempArchive();
  const root = tempDir();
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>Exhibit</title><script type="module" src="./assets/app.js"></script>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'window.loaded = true;');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer folder');
  server = await startDevServer({ session: new ArchiveSession(archive), rendererDir });
  const s = server;
  const call = async (name: Parameters<typeof callPath>[0], input: unknown, headers: Record<string, string> = {}) => {
    const reply = await send(s.port, {
      method: 'POST',
      path: callPath(name),
      headers: { 'content-type': 'application/json', 'x-exhibit-token': s.token, origin: s.origin, ...headers },
      body: encodeWire(input),
    });
    return { status: reply.status, result: decodeWire(reply.body) as Result<unknown> };
  };
  return { archive, server: s, call };
}

describe('the development server', () => {
  it('listens on loopback only and prints an address with a long random token', async () => {
    const { server: s } = await start();
    expect(s.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s.url).toBe(`${s.origin}/?token=${s.token}`);
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('serves the renderer only with the token, then by cookie, with a strict CSP', async () => {
    const { server: s } = await start();
    expect((await send(s.port, { path: '/' })).status).toBe(401);
    expect((await send(s.port, { path: '/?token=wrong' })).status).toBe(401);
    expect((await send(s.port, { path: '/assets/app.js' })).status).toBe(401);

    const page = await send(s.port, { path: `/?token=${s.token}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Exhibit</title>');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    // WebAssembly compilation only (pdf.js's decoders); no eval, no inline script.
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp.replace("'wasm-unsafe-eval'", '')).not.toContain('unsafe');
    // What a <meta> CSP cannot carry is in the header.
    expect(csp).toContain("frame-ancestors 'none'");
    const cookie = String(page.headers['set-cookie']).split(';')[0] ?? '';
    expect(cookie).toBe(`exhibit_dev_token_${s.port}=${s.token}`);
    expect(String(page.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);

    const asset = await send(s.port, { path: '/assets/app.js', headers: { cookie } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
    // Nothing outside the renderer's folder.
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
    ]) {
      expect((await send(s.port, { path, headers: { cookie } })).status).toBe(404);
    }
  });

  it('refuses a wrong Host (DNS rebinding) and a foreign Origin even with the token', async () => {
    const { server: s, call } = await start();
    const rebound = await send(s.port, { path: `/?token=${s.token}`, headers: { host: `evil.example:${s.port}` } });
    expect(rebound.status).toBe(421);
    const otherPort = await send(s.port, { path: `/?token=${s.token}`, headers: { host: `127.0.0.1:${s.port + 1}` } });
    expect(otherPort.status).toBe(421);

    const foreign = await call('archive.info', {}, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const crossSite = await call('archive.info', {}, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const noToken = await call('archive.info', {}, { 'x-exhibit-token': '' });
    expect(noToken.status).toBe(401);
    // Same origin under the other loopback name is the same server.
    expect((await call('archive.info', {}, { origin: `http://localhost:${s.port}` })).result.ok).toBe(true);
  });

  it('validates calls exactly as main does', async () => {
    const { call, server: s } = await start();
    expect((await call('documents.get', { id: '1' })).result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect((await call('documents.get', { id: 1, path: '/etc/passwd' })).result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect((await call('documents.get', { id: 5 })).result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await call('shell.openArchive', {})).result).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const garbage = await send(s.port, {
      method: 'POST',
      path: callPath('archive.info'),
      headers: { 'content-type': 'application/json', 'x-exhibit-token': s.token },
      body: '{not json',
    });
    expect(decodeWire(garbage.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const unknown = await send(s.port, {
      method: 'POST',
      path: '/api/call/fs.readFile',
      headers: { 'x-exhibit-token': s.token },
    });
    expect(unknown.status).toBe(404);
  });

  it('imports through the real core and streams progress events', async () => {
    const { call, server: s } = await start();
    const events: ImportProgressEvent[] = [];
    const stream = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: s.port,
          path: `${EVENTS_PATH}?token=${s.token}`,
          headers: { host: `127.0.0.1:${s.port}` },
        },
        resolve,
      );
      req.on('error', reject);
      req.end();
    });
    expect(stream.headers['content-type']).toBe('text/event-stream');
    let buffer = '';
    stream.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.+)$/m.exec(frame)?.[1];
        const data = /^data: (.+)$/m.exec(frame)?.[1];
        if (event === 'import.progress' && data) events.push(decodeWire(data) as ImportProgressEvent);
      }
    });

    const memo = corpus('pdf-good', 'pdfplumber__scotus-transcript-p1.pdf');
    const letter = corpus('text', 'grimmer__07Aug2007Durbin7.txt');
    const imported = await call('import.paths', { jobId: 'web-1', paths: [memo, letter] });
    expect(imported.result).toMatchObject({ ok: true, value: [{ status: 'imported' }, { status: 'imported' }] });
    const bytes = await call('import.bytes', {
      jobId: 'web-2',
      files: [{ name: 'note.txt', data: new TextEncoder().encode('A note the investigator typed.\n') }],
    });
    expect(bytes.result).toMatchObject({ ok: true, value: [{ status: 'imported', documentId: 3 }] });

    await expect.poll(() => events.length).toBe(6);
    expect(events.map((e) => [e.jobId, e.done, e.total])).toEqual([
      ['web-1', 0, 2],
      ['web-1', 1, 2],
      ['web-1', 1, 2],
      ['web-1', 2, 2],
      ['web-2', 0, 1],
      ['web-2', 1, 1],
    ]);
    stream.destroy();

    const list = await call('documents.list', {});
    expect(list.result.ok && (list.result.value as { fileName: string }[]).map((d) => d.fileName)).toEqual([
      'pdfplumber__scotus-transcript-p1.pdf',
      'grimmer__07Aug2007Durbin7.txt',
      'note.txt',
    ]);
    // Bytes come back intact through the wire encoding.
    const original = await call('documents.original', { id: 1 });
    const data = original.result.ok ? (original.result.value as { data: Uint8Array }).data : new Uint8Array();
    expect(Buffer.from(data).equals(readFileSync(memo))).toBe(true);
  });
});
