/**
 * Errors the user should read. Their message is one plain sentence naming the file
 * or field and the reason; callers print it as is, never a stack trace.
 */
export type ArchiveErrorCode =
  | 'not-found'
  | 'invalid-input'
  | 'newer-schema'
  | 'not-an-archive'
  | 'conflict'
  | 'unsupported'
  | 'encrypted'
  | 'corrupt'
  | 'too-large'
  /** Another program held the write lock for longer than Exhibit waits. */
  | 'busy'
  /** The disk (or quota) that holds the archive or the export is full. */
  | 'disk-full';

export class ArchiveError extends Error {
  readonly code: ArchiveErrorCode;

  constructor(code: ArchiveErrorCode, message: string) {
    super(message);
    this.name = 'ArchiveError';
    this.code = code;
  }
}

/** A one-line message for any thrown value, without a stack. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
