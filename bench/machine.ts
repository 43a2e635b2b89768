/** The machine a benchmark ran on: figures mean little without it. */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem, platform, release } from 'node:os';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  os: string;
  node: string;
}

export function describeMachine(): Machine {
  const cpu = cpus();
  return {
    cores: cpu.length,
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
  };
}

/** A tool's version line: `pdftotext -v` prints it on stderr (and exits 0 or 99 depending on the build). */
export function toolVersion(command: string, args: readonly string[] = ['-v']): string | null {
  const run = spawnSync(command, [...args], { encoding: 'utf8' });
  if (run.error) return null;
  const text = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? null
  );
}
