/**
 * A reader that stops early (`exhibit search senator | head -2`) closes our output. Node then
 * reports EPIPE as an unhandled 'error' event: a stack trace and exit code 1. Unix tools end
 * quietly instead; here the rest of the output is dropped and the command ends with its own
 * exit code (its work is done before it prints, so nothing is left half-done).
 */
type Output = NodeJS.WriteStream;

function isClosedOutput(error: NodeJS.ErrnoException): boolean {
  return error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED';
}

/** Drops what is still written to `stream` once its reader has gone; any other error is thrown as before. */
export function endQuietlyOnClosedOutput(...streams: Output[]): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (!isClosedOutput(error)) throw error;
      stream.write = (() => true) as Output['write'];
    });
  }
}
