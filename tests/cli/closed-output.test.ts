/** issue 11, defect 6: `exhibit search senator | head -2` printed an EPIPE stack trace. */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/archive.js';
import { exhibit } from '../helpers/cli.js';

/** Runs the bin, reads its first chunk of stdout and closes the pipe, as `| head -1` does. */
function runClosingEarly(
  args: string[],
): Promise<{ code: number | null; signal: string | null; stderr: string; firstChunk: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'exhibit.js'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let firstChunk = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.once('data', (chunk: Buffer) => {
      firstChunk = chunk.toString('utf8');
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr, firstChunk }));
  });
}

describe('exhibit writing to a closed pipe', () => {
  it('ends quietly with its own exit code when the reader stops early', async () => {
    const dir = tempDir();
    const archive = join(dir, 'case.exhibit');
    const long = join(dir, 'long.txt');
    // Far more than a pipe holds (64 KiB), so the writer meets the closed end.
    writeFileSync(
      long,
      Array.from({ length: 40_000 }, (_, i) => `Line ${i}: the senator said the committee would meet again.`).join(
        '\n',
      ),
    );
    expect(exhibit(['--archive', archive, 'import', long]).code).toBe(0);

    for (const args of [
      ['show', '1'],
      ['--json', 'show', '1'],
    ]) {
      const run = await runClosingEarly(['--archive', archive, ...args]);
      expect(run.firstChunk.length).toBeGreaterThan(0);
      expect(run.stderr, args.join(' ')).toBe('');
      expect(run.code, args.join(' ')).toBe(0);
    }
  });
});
