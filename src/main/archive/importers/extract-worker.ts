/**
 * The extraction worker: runs the importers on untrusted files in a thread of their own,
 * under a heap limit the archive sets, so a hostile or broken file that loops or balloons
 * costs only this thread (terminated and replaced), never the app or the batch. It holds
 * no archive handle: bytes in, extracted text out.
 */
import { parentPort } from 'node:worker_threads';
import { ArchiveError, messageOf } from '../errors.js';
import { inferForStore } from '../import/infer-for-store.js';
import { extractInProcess } from './extract.js';
import type { ExtractReply, ExtractRequest } from './extract-protocol.js';

const port = parentPort;
if (!port) throw new Error('extract-worker: must run as a worker thread');

port.on('message', (request: ExtractRequest) => {
  void extractInProcess(request.bytes, request.fileName, request.hints).then(
    (extracted) => {
      // A bulk import's inference runs here, beside the thread that writes (issue 16).
      const inferred = request.infer ? inferForStore({ ...request.infer, extracted }) : undefined;
      port.postMessage({ kind: 'done', id: request.id, extracted, inferred } satisfies ExtractReply);
    },
    (error: unknown) =>
      port.postMessage({
        kind: 'failed',
        id: request.id,
        code: error instanceof ArchiveError ? error.code : null,
        message: messageOf(error),
      } satisfies ExtractReply),
  );
});
port.postMessage({ kind: 'ready' } satisfies ExtractReply);
