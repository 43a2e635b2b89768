/**
 * Reading a call's body within a size limit: refused by its Content-Length before any of
 * it is read, or at the limit while it streams in; never held past the limit, and kept
 * in one buffer of the declared size rather than chunks joined later (a 250 MiB import
 * by bytes would otherwise be held twice before it is even decoded).
 */
import type { IncomingMessage } from 'node:http';

/** What is read of a refused body after the answer, so a client still sending receives it. */
const MAX_DISCARD_BYTES = 1024 * 1024 * 1024;

export type BodyResult = { ok: true; body: string } | { ok: false; reason: 'too-large' };

/** Reads and throws away the rest of a refused request (up to a bound), then lets the socket close. */
export function discardRest(request: IncomingMessage): void {
  let discarded = 0;
  request.removeAllListeners('data');
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARD_BYTES) request.socket.destroy();
  });
  request.resume();
}

export function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = request.headers['content-length'];
  const length = declared === undefined ? null : Number(declared);
  if (length !== null && length > limit) return Promise.resolve({ ok: false, reason: 'too-large' });
  return new Promise((resolve, reject) => {
    // With a declared length, one buffer of that size; without, chunks up to the limit.
    let buffer = length !== null ? Buffer.allocUnsafe(length) : null;
    let chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > limit || (buffer && size + chunk.length > buffer.length)) {
        request.off('data', onData);
        buffer = null;
        chunks = [];
        resolve({ ok: false, reason: 'too-large' });
        return;
      }
      if (buffer) chunk.copy(buffer, size);
      else chunks.push(chunk);
      size += chunk.length;
    };
    request.on('data', onData);
    request.on('end', () => {
      const whole = buffer ? buffer.subarray(0, size) : Buffer.concat(chunks, size);
      buffer = null;
      chunks = [];
      resolve({ ok: true, body: whole.toString('utf8') });
    });
    request.on('error', reject);
  });
}
