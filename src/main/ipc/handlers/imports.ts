/** Handlers for long imports (with progress events and cancellation) and for cancelling jobs. */
import { BUSY_MESSAGE, importDroppedFile, importPaths, type ImportResult } from '../../archive/index.js';
import { importSampleCase } from '../../archive/sample.js';
import type { HandlerContext, HandlersFor } from '../types.js';
import { extractInBackground } from './entities.js';

interface Progress {
  done: number;
  total: number;
  path: string;
  result: ImportResult | null;
}

/**
 * Forwards the core's progress as `import.progress` events named by the job, and its wait
 * for another program's write lock as one more event for the file it waits on, with `busy`.
 */
function progressTo(
  context: HandlerContext,
  jobId: string,
): { onProgress: (progress: Progress) => void; onBusy: () => void; signal: AbortSignal } {
  let last: Progress = { done: 0, total: 0, path: '', result: null };
  return {
    onProgress: (progress) => {
      last = progress;
      context.emit('import.progress', { jobId, ...progress });
    },
    onBusy: () => context.emit('import.progress', { jobId, ...last, result: null, busy: BUSY_MESSAGE }),
    signal: context.signal,
  };
}

/** Answers with the import's results, then reads the new documents' people and organisations in the background. */
async function afterImport<T extends readonly { status: string }[]>(
  context: HandlerContext,
  imported: Promise<T>,
): Promise<T> {
  const archive = context.session.current();
  const results = await imported;
  if (results.some((r) => r.status === 'imported')) void extractInBackground(archive);
  return results;
}

export const importHandlers: HandlersFor<'import.paths' | 'import.bytes' | 'sample.import' | 'jobs.cancel'> = {
  'import.paths': (input, context) =>
    afterImport(
      context,
      importPaths(context.session.current(), input.paths, {
        ...(input.type ? { type: input.type } : {}),
        ...progressTo(context, input.jobId),
      }),
    ),

  'import.bytes': async (input, context) => {
    const archive = context.session.current();
    const { onProgress, onBusy, signal } = progressTo(context, input.jobId);
    const results: ImportResult[] = [];
    const total = input.files.length;
    for (const [index, file] of input.files.entries()) {
      if (context.signal.aborted) {
        results.push({
          path: file.name,
          status: 'failed',
          documentId: null,
          error: `${file.name}: cancelled`,
          warnings: [],
        });
        continue;
      }
      onProgress({ done: index, total, path: file.name, result: null });
      let fileResults: ImportResult[];
      try {
        fileResults = await importDroppedFile(archive, file.data, file.name, {
          ...(input.type ? { type: input.type } : {}),
          onBusy,
          signal,
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        fileResults = [
          { path: file.name, status: 'failed', documentId: null, error: `${file.name}: ${reason}`, warnings: [] },
        ];
      }
      results.push(...fileResults);
      onProgress({ done: index + 1, total, path: file.name, result: fileResults[0] ?? null });
    }
    return afterImport(context, Promise.resolve(results));
  },

  'sample.import': (input, context) =>
    afterImport(context, importSampleCase(context.session.current(), progressTo(context, input.jobId))),

  'jobs.cancel': async (input, { jobs }) => ({ cancelled: jobs.cancel(input.jobId) }),
};
