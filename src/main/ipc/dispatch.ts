/**
 * The one path every call takes, from Electron's IPC and from the dev server alike:
 * known name → zod validation → job registration → handler → result envelope. Never
 * throws: whatever goes wrong becomes `{ ok: false, error }`.
 */
import { CALLS, isCallName, isJobCall, type CallName, type Result } from '../../shared/contract.js';
import { BridgeError, describeInvalidInput, toCallError } from './errors.js';
import type { JobRegistry } from './jobs.js';
import type { ArchiveSession } from './session.js';
import type { Emit, Handler, HandlerTable, SigningService } from './types.js';

export interface DispatchDeps {
  readonly handlers: HandlerTable;
  readonly session: ArchiveSession;
  readonly jobs: JobRegistry;
  readonly emit: Emit;
  readonly signing?: SigningService;
}

export type Dispatch = (name: string, rawInput: unknown) => Promise<Result<unknown>>;

const NEVER_ABORTED = new AbortController().signal;

export function createDispatcher(deps: DispatchDeps): Dispatch {
  return async (name, rawInput) => {
    try {
      if (!isCallName(name)) throw new BridgeError('not-found', `${name}: no such call`);
      return { ok: true, value: await run(deps, name, rawInput) };
    } catch (error) {
      return { ok: false, error: toCallError(error) };
    }
  };
}

async function run(deps: DispatchDeps, name: CallName, rawInput: unknown): Promise<unknown> {
  const parsed = CALLS[name].input.safeParse(rawInput);
  if (!parsed.success) throw new BridgeError('invalid-input', describeInvalidInput(name, parsed.error));
  const input = parsed.data;
  const handler = deps.handlers[name] as Handler<CallName>;
  const context = {
    session: deps.session,
    jobs: deps.jobs,
    emit: deps.emit,
    ...(deps.signing ? { signing: deps.signing } : {}),
  };
  if (!isJobCall(name)) return handler(input as never, { ...context, signal: NEVER_ABORTED });
  const job = deps.jobs.start((input as { jobId: string }).jobId);
  try {
    return await handler(input as never, { ...context, signal: job.signal });
  } finally {
    job.finish();
  }
}
