/**
 * A full disk, for real: a small tmpfs mounted in a temp folder (needs root; skipped with a
 * printed reason where mounting is not permitted). The archive lives there, and then an
 * export does.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkArchive, listDocuments, openArchive } from '../../src/main/archive/index.js';
import { caseArchive } from '../helpers/case-quotes.js';
import { corpus, ROOT, tempDir } from '../helpers/archive.js';

const mounted: string[] = [];
afterEach(() => {
  while (mounted.length) spawnSync('umount', [mounted.pop() ?? '']);
});

/** A fresh tmpfs of `kb` KiB, or null (with the reason printed) when this machine does not allow it. */
function smallDisk(kb: number): string | null {
  const dir = join(tempDir(), 'small-disk');
  mkdirSync(dir);
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir], { encoding: 'utf8' });
  if (result.status !== 0) {
    console.log(
      `disk-full.test.ts: skipped, a tmpfs cannot be mounted here (${(result.stderr || String(result.error)).trim()})`,
    );
    return null;
  }
  mounted.push(dir);
  return dir;
}

/** Fills the disk at `dir` but for about `leaveKb` KiB. */
function fill(dir: string, leaveKb: number): void {
  const free = Number(execFileSync('df', ['--output=avail', '-k', dir], { encoding: 'utf8' }).split('\n')[1]);
  writeFileSync(join(dir, `filler-${Date.now()}`), Buffer.alloc(Math.max(0, free - leaveKb) * 1024, 1));
}

const exhibit = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin/exhibit.js'), ...args], { encoding: 'utf8', input: '' });

describe('a full disk', () => {
  it('import and meta say the disk is full, with what is free where; the archive stays whole', async (context) => {
    const disk = smallDisk(4096);
    if (!disk) return context.skip();
    const archive = join(disk, 'case.exhibit');
    const small = join(tempDir(), 'note.txt');
    writeFileSync(small, 'A memo about the budget.\n');
    expect(exhibit('--archive', archive, 'import', small).status).toBe(0);
    fill(disk, 200);

    const imported = exhibit(
      '--archive',
      archive,
      'import',
      corpus('pdf-good', 'pdfplumber__federal-register-2020-17221.pdf'),
    );
    expect(imported.status).toBe(1);
    const full = new RegExp(`the disk is full \\(\\d+ MB free on ${disk}\\)`);
    expect(imported.stdout).toMatch(full);
    expect(imported.stdout + imported.stderr).not.toMatch(/cannot rollback|SQLITE_/);

    fill(disk, 64);
    const meta = exhibit('--archive', archive, 'meta', '1', '--description', 'x'.repeat(100_000));
    expect(meta.status).toBe(1);
    expect(meta.stderr).toMatch(full);
    expect(meta.stderr).not.toMatch(/cannot rollback|SQLITE_/);

    const db = await openArchive(archive, { create: false });
    try {
      expect((await listDocuments(db.db)).map((d) => d.fileName)).toEqual(['note.txt']);
      expect((await checkArchive(db)).problems).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('an export that runs out of space exits 1 (not 2, a usage error) and says so', async (context) => {
    const c = await caseArchive();
    await c.archive.close();
    const disk = smallDisk(1024);
    if (!disk) return context.skip();
    fill(disk, 8);
    const out = exhibit(
      '--archive',
      c.archive.path,
      'export',
      '--all',
      '--format',
      'pdf',
      '--out',
      join(disk, 'quotes.pdf'),
    );
    expect(out.stderr).toMatch(new RegExp(`quotes\\.pdf: the disk is full \\(\\d+ MB free on ${disk}\\)`));
    expect(out.status).toBe(1);
  });
});
