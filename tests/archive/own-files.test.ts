/**
 * The archive's own files are never opened by other means than SQLite in the process that
 * holds it: POSIX drops every lock a process holds on a file when it closes any descriptor
 * of that file, SQLite's included, and another process may then check-point or delete the
 * WAL under the live connection. The locks are read from /proc/locks (Linux).
 */
import { existsSync, linkSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backupArchive,
  checkArchive,
  importPaths,
  isEvidenceBundle,
  listDocuments,
  openArchive,
  type Archive,
} from '../../src/main/archive/index.js';
import { verifyBundle } from '../../src/main/archive/export/verify.js';
import { writeFileSafely } from '../../src/main/archive/export/safe-write.js';
import { ownFileKind } from '../../src/main/archive/own-files.js';
import { tempArchive, tempDir } from '../helpers/archive.js';

const HAVE_PROC_LOCKS = existsSync('/proc/locks');
if (!HAVE_PROC_LOCKS)
  console.log('own-files.test.ts: /proc/locks is not available here, so the lock checks are skipped');

/** Inodes of the files this process holds a POSIX lock on. */
function lockedInodes(): Set<number> {
  const inodes = new Set<number>();
  for (const line of readFileSync('/proc/locks', 'utf8').split('\n')) {
    const fields = line.trim().split(/\s+/);
    // "1: POSIX  ADVISORY  READ 29990 fe:00:2154749 128 128"
    if (fields[1] !== 'POSIX' || Number(fields[4]) !== process.pid) continue;
    const inode = fields[5]?.split(':')[2];
    if (inode) inodes.add(Number(inode));
  }
  return inodes;
}

/** The archive's own locks: its SHARED lock on the database file and its lock on the -shm (WAL mode). */
function expectLocksHeld(archive: Archive): void {
  if (!HAVE_PROC_LOCKS) return;
  const held = lockedInodes();
  expect(held.has(statSync(archive.path).ino), 'the lock on the database file').toBe(true);
  expect(held.has(statSync(`${archive.path}-shm`).ino), 'the lock on the -shm file').toBe(true);
}

async function archiveWithDocument(): Promise<Archive & { dir: string }> {
  const archive = await tempArchive();
  const note = join(tempDir(), 'note.txt');
  writeFileSync(note, 'A memo about the budget.\n');
  const [result] = await importPaths(archive, [note]);
  expect(result?.status).toBe('imported');
  return archive;
}

describe("the open archive's own files", () => {
  it('holds its locks while idle (the premise of the tests below)', async () => {
    const archive = await archiveWithDocument();
    expectLocksHeld(archive);
  });

  it('refuses to import the archive itself, in words, and keeps its locks', async () => {
    const archive = await archiveWithDocument();
    const results = await importPaths(archive, [archive.path]);
    expect(results).toEqual([
      {
        path: archive.path,
        status: 'failed',
        documentId: null,
        error: `${archive.path}: this is the archive itself`,
        warnings: [],
      },
    ]);
    expectLocksHeld(archive);
  });

  it('imports a folder holding the archive without reading the archive, its -wal or -shm', async () => {
    const archive = await archiveWithDocument();
    writeFileSync(join(archive.dir, 'letter.txt'), 'A letter about the hearing.\n');
    // Another name for the same file: a symlink is compared by device and inode.
    symlinkSync(archive.path, join(archive.dir, 'alias.exhibit'));

    const results = await importPaths(archive, [archive.dir]);

    const byName = new Map(results.map((r) => [r.path.slice(archive.dir.length + 1), r]));
    expect(byName.get('letter.txt')?.status).toBe('imported');
    expect(byName.get('test.exhibit')?.error).toMatch(/: this is the archive itself$/);
    expect(byName.get('alias.exhibit')?.error).toMatch(/: this is the archive itself$/);
    expect(byName.get('test.exhibit-wal')?.error).toMatch(/: this is the archive's write-ahead log$/);
    expect(byName.get('test.exhibit-shm')?.error).toMatch(/: this is the archive's shared-memory index$/);
    expectLocksHeld(archive);
    expect(await listDocuments(archive.db)).toHaveLength(2);
  });

  it('keeps the WAL when another process-level connection closes after a folder import', async () => {
    const archive = await archiveWithDocument();
    writeFileSync(join(archive.dir, 'letter.txt'), 'A letter about the hearing.\n');
    await importPaths(archive, [archive.dir]);
    // Had the locks gone, the last other connection to close would check-point and delete the WAL.
    const other = await openArchive(archive.path, { create: false });
    await other.close();
    expectLocksHeld(archive);
    expect(existsSync(`${archive.path}-wal`)).toBe(true);
    expect((await checkArchive(archive)).problems).toEqual([]);
  });

  it('never verifies, tests as a bundle, backs up over or exports over the archive or its siblings', async () => {
    const archive = await archiveWithDocument();
    const report = await verifyBundle(archive.path);
    expect(report.ok).toBe(false);
    expect(report.problems[0]?.message).toBe(`${archive.path}: this is the archive itself`);
    expect(await isEvidenceBundle(archive.path)).toBe(false);
    await expect(backupArchive(archive, `${archive.path}-wal`)).rejects.toThrow(
      /this is the archive's write-ahead log; a backup cannot overwrite it/,
    );
    await expect(backupArchive(archive, `${archive.path}-journal`)).rejects.toThrow(
      /this is the archive's rollback journal/,
    );
    await expect(writeFileSafely(archive.path, 'not an archive', { force: true })).rejects.toThrow(
      `${archive.path}: this is the archive itself; choose another file for the export`,
    );
    await expect(writeFileSafely(`${archive.path}-shm`, 'not an index', { force: true })).rejects.toThrow(
      /this is the archive's shared-memory index/,
    );
    expectLocksHeld(archive);
    expect((await checkArchive(archive)).problems).toEqual([]);
  });

  it('knows the archive and its siblings under any name: hard link, symlink, symlinked folder', async () => {
    const archive = await archiveWithDocument();
    const dir = tempDir();
    linkSync(archive.path, join(dir, 'hard-link.exhibit'));
    symlinkSync(archive.path, join(dir, 'symlink.exhibit'));
    symlinkSync(`${archive.path}-wal`, join(dir, 'wal-link'));
    const folderLink = join(dir, 'folder');
    symlinkSync(join(archive.path, '..'), folderLink);
    const viaFolder = join(folderLink, archive.path.split('/').at(-1) ?? '');
    writeFileSync(join(dir, 'other.txt'), 'an unrelated file');

    expect(await ownFileKind(join(dir, 'hard-link.exhibit'))).toBe('the archive itself');
    expect(await ownFileKind(join(dir, 'symlink.exhibit'))).toBe('the archive itself');
    expect(await ownFileKind(viaFolder)).toBe('the archive itself');
    expect(await ownFileKind(join(dir, 'wal-link'))).toBe("the archive's write-ahead log");
    expect(await ownFileKind(`${viaFolder}-journal`)).toBe("the archive's rollback journal");
    expect(await ownFileKind(join(dir, 'other.txt'))).toBeNull();
    expectLocksHeld(archive);
  });

  it('refuses to open an open archive’s -wal as an archive', async () => {
    const archive = await archiveWithDocument();
    await expect(openArchive(`${archive.path}-wal`)).rejects.toThrow(
      `${archive.path}-wal: this is the archive's write-ahead log, not an archive`,
    );
    expectLocksHeld(archive);
  });
});
