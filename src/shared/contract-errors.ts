/** What every call of the contract (contract.ts) resolves to, and the error codes it can answer with. */

/**
 * Error codes a call can answer with: the archive core's (src/main/archive/errors.ts,
 * kept equal by a compile-time check in src/main/ipc/errors.ts) plus the bridge's own.
 */
export const ERROR_CODES = [
  // the archive core's ArchiveErrorCode
  'not-found',
  'invalid-input',
  'newer-schema',
  'not-an-archive',
  'conflict',
  'unsupported',
  'encrypted',
  'corrupt',
  'too-large',
  'read-only',
  'busy',
  'disk-full',
  // the bridge's own
  /** The job was cancelled through `jobs.cancel`. */
  'cancelled',
  /** No archive is open (e.g. the previous one could not be reopened). */
  'no-archive',
  /** The request did not come from the app's own page. */
  'forbidden',
  /** Anything unexpected; the message is one line, never a stack. */
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CallError {
  code: ErrorCode;
  /** One plain sentence naming the file or field and the reason; show it as is. */
  message: string;
}

/** What every call resolves to: calls never reject, so the renderer handles errors as data. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: CallError };
