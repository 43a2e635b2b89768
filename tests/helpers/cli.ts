/** Runs the real `exhibit` bin (bundled by tests/global-setup.ts) in a child process. */
import { spawnSync } from 'node:child_process';
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
