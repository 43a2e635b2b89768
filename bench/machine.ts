/** The machine a benchmark ran on: figures mean little without it. */
import { execFileSync } from 'node:child_process';
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

/** `pdftotext -v` prints its version on stderr (and exits 0 or 99 depending on the build). */
export function toolVersion(command: string, args: readonly string[] = ['-v']): string | null {
  try {
    const out = execFileSync(command, [...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return out.split('\n')[0]?.trim() || null;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    return typeof stderr === 'string' && stderr.trim() ? (stderr.split('\n')[0]?.trim() ?? null) : null;
  }
}
