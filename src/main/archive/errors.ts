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
  /** The archive's file or folder cannot be written (write-protected media, a locked share). */
  | 'read-only'
  /** Another program held the write lock for longer than Exhibit waits. */
  | 'busy'
  /** The disk (or quota) that holds the archive or the export is full. */
  | 'disk-full'
  /** The user stopped a long task (OCR) before it ended. */
  | 'cancelled';

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

/** SQLite's error code name (SQLITE_BUSY, SQLITE_READONLY…) carried by a node-sqlite3 error, if any. */
export function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}
