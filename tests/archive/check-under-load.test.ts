/**
 * `check` in a long-lived process (the app, the development server) while another program
 * (the CLI) imports into the same archive. FTS5 caches each index's structure per connection;
 * a check that read it without asking whether another process had merged segments since
 * reported "fts5: corruption found reading blob …" in a sound archive.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchive, importPaths, type CheckProblem } from '../../src/main/archive/index.js';
import { ROOT, tempArchive, tempDir } from '../helpers/archive.js';

/** `count` small distinct text files in a fresh folder, their words differing by `prefix`. */
function notes(prefix: string, count: number): string {
  const dir = join(tempDir(), prefix);
  mkdirSync(dir);
  for (let i = 0; i < count; i++) {
    writeFileSync(
      join(dir, `${prefix}-${String(i).padStart(3, '0')}.txt`),
      `${prefix} note ${i}: the committee met on day ${i} about ${prefix}${i}.\n`,
    );
  }
  return dir;
}

/** The real CLI importing `folder` into `archive`; resolves with its exit code and stderr. */
function cliImport(
  archive: string,
  folder: string,
): { done: Promise<{ code: number | null; stderr: string }>; running: () => boolean } {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/exhibit.js'), '--archive', archive, 'import', folder, '--json'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  let running = true;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.once('close', (code) => {
      running = false;
      resolve({ code, stderr });
    }),
  );
  return { done, running: () => running };
}

describe('check while another process writes the archive', () => {
  it('reports no corruption after another process has added to the search indexes', async () => {
    const archive = await tempArchive();
    await importPaths(archive, [notes('local', 60)]);
    // This check leaves FTS5's view of each index cached in this connection.
    expect((await checkArchive(archive)).problems).toEqual([]);

    const other = await cliImport(archive.path, notes('remote', 150)).done;
    expect(other).toEqual({ code: 0, stderr: '' });

    const report = await checkArchive(archive);
    expect(report.problems).toEqual([]);
    expect(report.documents).toBe(210);
  });

  it('reports no corruption in any check run while the CLI and this process import at once', async () => {
    const archive = await tempArchive();
    await importPaths(archive, [notes('local', 5)]);
    await checkArchive(archive);
    const local = notes('more', 60);
    const other = cliImport(archive.path, notes('remote', 150));

    const problems: CheckProblem[] = [];
    let checks = 0;
    let imported = 0;
    const deadline = Date.now() + 90_000;
    while (other.running() && Date.now() < deadline) {
      // This process writes too, as the server's import does, between its checks.
      const batch = [join(local, `more-${String(imported++ % 60).padStart(3, '0')}.txt`)];
      await importPaths(archive, batch);
      problems.push(...(await checkArchive(archive)).problems);
      checks++;
    }
    expect(await other.done).toEqual({ code: 0, stderr: '' });
    const last = await checkArchive(archive);
    expect([...problems, ...last.problems]).toEqual([]);
    expect(checks).toBeGreaterThanOrEqual(3);
    expect(last.documents).toBe(155 + Math.min(imported, 60));
  }, 120_000);
});
