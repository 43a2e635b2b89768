/**
 * The development server's body limit (issue 11, defect 7): a body past it is answered
 * 413, by its Content-Length before any of it is read or at the limit while it streams,
 * never with a reset connection, and the server's memory never holds more than the limit.
 * The server runs in a child process so its resident memory can be read from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callPath } from '../../src/shared/contract.js';
import { MAX_BODY_BYTES } from '../../src/main/dev-server/server.js';
import { ROOT, tempDir } from '../helpers/archive.js';

const MiB = 1024 * 1024;
let child: ChildProcess | null = null;

afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  child = null;
});

async function startServer(): Promise<{ port: number; token: string; pid: number }> {
  const dir = tempDir();
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Exhibit</title>');
  const proc = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'src/main/dev-server/main.ts'),
      '--archive',
      join(dir, 'a.exhibit'),
      '--renderer',
      join(dir, 'renderer'),
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  child = proc;
  let out = '';
  for await (const chunk of proc.stdout) {
    out += String(chunk);
    const url = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+)/.exec(out);
    if (url) return { port: Number(url[1]), token: url[2] ?? '', pid: proc.pid ?? 0 };
  }
  throw new Error(`the development server did not start: ${out}`);
}

/** Peak resident memory of a process so far, in bytes (Linux). */
function peakRss(pid: number): number {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line?.[1]) * 1024;
}

/**
 * POSTs `bytes` of JSON-ish filler, streamed from one reused 1 MiB buffer (the test holds
 * none of it), with a Content-Length or chunked. Resolves to the answer, or rejects with
 * the connection's error (a reset).
 */
function post(
  server: { port: number; token: string },
  bytes: number,
  chunked: boolean,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port: server.port,
      method: 'POST',
      path: callPath('import.bytes'),
      headers: {
        host: `127.0.0.1:${server.port}`,
        origin: `http://127.0.0.1:${server.port}`,
        'x-exhibit-token': server.token,
        'content-type': 'application/json',
        ...(chunked ? {} : { 'content-length': String(bytes) }),
      },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += String(c)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    const block = Buffer.alloc(MiB, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        const n = Math.min(MiB, bytes - sent);
        sent += n;
        if (!req.write(n === MiB ? block : block.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

// The server's memory is read from /proc/PID/status: without /proc (macOS, Windows) there is no measure.
const haveProc = existsSync('/proc/self/status');
if (!haveProc) console.log('body-limit.test.ts: skipped, /proc is not here to read the server’s memory from');

describe.skipIf(!haveProc)('the development server’s body limit', () => {
  it('answers 413 by Content-Length before reading a 257 MiB body, holding none of it', async () => {
    const server = await startServer();
    const before = peakRss(server.pid);
    const reply = await post(server, 257 * MiB, false);
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: false,
      error: { code: 'too-large', message: expect.stringMatching(/larger than 256 MiB/) },
    });
    expect(peakRss(server.pid) - before).toBeLessThan(32 * MiB);
  }, 120_000);

  it('answers 413 at the limit of a streamed body with no length, without a reset, never holding past the limit', async () => {
    const server = await startServer();
    const before = peakRss(server.pid);
    const reply = await post(server, MAX_BODY_BYTES + 64 * MiB, true);
    expect(reply.status).toBe(413);
    expect(peakRss(server.pid) - before).toBeLessThan(MAX_BODY_BYTES + 48 * MiB);
    // The server still answers.
    const small = await post(server, 2, true);
    expect(small.status).toBe(400);
  }, 120_000);
});
