/**
 * Small files with one job each: no source file under src/ runs past 400 lines (issue 12).
 * A file that grows past it is split by concern, not squeezed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/archive.js';

const MAX_LINES = 400;

function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'src'], { cwd: ROOT, encoding: 'utf8' });
  return listed.split('\n').filter((path) => /\.(ts|tsx|css|html)$/.test(path));
}

const lineCount = (text: string): number => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

describe('source file length', () => {
  it(`finds the source files (a listing that finds none would pass anything)`, () => {
    expect(sourceFiles().length).toBeGreaterThan(100);
  });

  it(`keeps every file under src/ at ${MAX_LINES} lines or fewer`, () => {
    const long = sourceFiles()
      .map((path) => ({ path, lines: lineCount(readFileSync(join(ROOT, path), 'utf8')) }))
      .filter((file) => file.lines > MAX_LINES)
      .map((file) => `${file.path}: ${file.lines} lines`);
    expect(long).toEqual([]);
  });
});
