/** Runs the real `exhibit` bin (bundled by tests/global-setup.ts) in a child process. */
import { spawnSync } from 'node:child_process';
import { vi } from 'vitest';
import { run } from '../../src/main/cli/main.js';
import { join } from 'node:path';
import { ROOT } from './archive.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (throws if it is not one JSON document). */
  json<T = Record<string, unknown>>(): T;
}

export function exhibit(args: string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'exhibit.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    input: '',
  });
  return {
    code: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    json<T>() {
      return JSON.parse(result.stdout) as T;
    },
  };
}

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process against `archive`, capturing what it prints (faster than a child). */
export async function exhibitInProcess(archive: string, ...args: string[]): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await run(['--archive', archive, ...args]);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}
