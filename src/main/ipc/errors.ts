/** Turning anything a handler throws into the contract's structured error. */
import type { z } from 'zod';
import { ArchiveError, isDiskFull, messageOf, sqliteCode, type ArchiveErrorCode } from '../archive/index.js';
import type { CallError, ErrorCode } from '../../shared/contract.js';

/** Compile-time check: every code the core throws is one the contract declares. */
const _coreCodesFit: ArchiveErrorCode extends ErrorCode ? true : never = true;
void _coreCodesFit;

/** An error the bridge itself raises (no archive open, cancelled, forbidden). */
export class BridgeError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'BridgeError';
    this.code = code;
  }
}

/** One line the renderer can show; never a stack. */
export function toCallError(error: unknown): CallError {
  if (error instanceof ArchiveError || error instanceof BridgeError)
    return { code: error.code, message: error.message };
  if (error instanceof Error && error.name === 'AbortError') return { code: 'cancelled', message: 'cancelled' };
  if (isDiskFull(error)) return { code: 'disk-full', message: 'the disk is full: free some space and try again' };
  // A change tried on an archive opened read-only: SQLite refuses it; say why in words.
  if (sqliteCode(error) === 'SQLITE_READONLY') {
    return {
      code: 'read-only',
      message:
        'the archive is read-only (its file or folder cannot be written): it can be read, but nothing can be changed in it',
    };
  }
  if (sqliteCode(error) === 'SQLITE_BUSY')
    return { code: 'busy', message: 'another program is writing the archive; try again when it is done' };
  return { code: 'internal', message: `something went wrong: ${messageOf(error)}` };
}

/** "documents.get: id: expected a number" — the call, the field and the reason, for each problem. */
export function describeInvalidInput(call: string, error: z.ZodError): string {
  const problems = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
    return `${field}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `${call}: ${problems.join('; ')}${more}`;
}
