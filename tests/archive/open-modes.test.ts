/**
 * Opening modes (issue 11, defects 4 and 5): reading never creates or changes a file, a
 * file that is not an Exhibit archive is refused untouched, a newer schema is refused
 * before anything is written, and a read-only archive can be read while a change is
 * refused once, in words.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/main/archive/index.js';
import { EXHIBIT_APPLICATION_ID } from '../../src/main/archive/db/identify.js';
import { tempDir } from '../helpers/archive.js';
import { exhibitInProcess } from '../helpers/cli.js';
import { addTextDocument } from '../helpers/documents.js';
import { readOnlyView } from '../helpers/read-only-folder.js';

/** Runs SQL on a file with SQLite itself (not through Exhibit). */
function rawSql(path: string, script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, (err) => {
      if (err) return reject(err);
      db.exec(script, (e) => db.close(() => (e ? reject(e) : resolve())));
    });
  });
}

function fingerprint(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Byte 18 of a SQLite header: 1 for a rollback journal, 2 for WAL. */
function journalByte(path: string): number {
  return readFileSync(path)[18] ?? -1;
}

async function makeArchive(dir: string, name = 'case.exhibit'): Promise<string> {
  const path = join(dir, name);
  const archive = await openArchive(path, { mode: 'create' });
  await addTextDocument(archive, 'The department did not use facial recognition.', { title: 'Memo' });
  await archive.close();
  return path;
}

describe('opening an archive', () => {
  it('check on a misspelled path creates nothing and says there is no archive', async () => {
    const path = join(tempDir(), 'missspelled.exhibit');
    const run = await exhibitInProcess(path, 'check');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`exhibit: ${path}: no archive at this path\n`);
    expect(run.stdout).not.toMatch(/All checks passed/);
    expect(existsSync(path)).toBe(false);
  });

  it('refuses another program’s SQLite file untouched, in every mode and from import', async () => {
    const path = join(tempDir(), 'notes.db');
    await rawSql(
      path,
      `create table notes (id integer primary key, body text); insert into notes (body) values ('mine');`,
    );
    const before = fingerprint(path);
    for (const mode of ['read', 'write', 'create'] as const) {
      await expect(openArchive(path, { mode })).rejects.toMatchObject({
        code: 'not-an-archive',
        message: `${path}: not an Exhibit archive (a SQLite database of another program); left untouched`,
      });
    }
    const run = await exhibitInProcess(path, 'import', join(import.meta.dirname, '../../README.md'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not an Exhibit archive/);
    expect(fingerprint(path)).toBe(before);
    expect(journalByte(path)).toBe(1);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses an archive from a newer schema before switching it to WAL', async () => {
    const path = await makeArchive(tempDir());
    await rawSql(path, 'pragma journal_mode = delete; pragma user_version = 99;');
    const before = fingerprint(path);
    expect(journalByte(path)).toBe(1);
    for (const mode of ['read', 'write'] as const) {
      await expect(openArchive(path, { mode })).rejects.toMatchObject({
        code: 'newer-schema',
        message: expect.stringMatching(/schema 99/),
      });
    }
    expect(fingerprint(path)).toBe(before);
    expect(journalByte(path)).toBe(1);
  });

  it('recognises an archive made before the application id, and marks it when it next opens for writing', async () => {
    const path = await makeArchive(tempDir());
    await rawSql(path, 'pragma application_id = 0;');
    const read = await openArchive(path, { mode: 'read' });
    expect(
      (await sql<{ application_id: number }>`pragma application_id`.execute(read.db)).rows[0]?.application_id,
    ).toBe(0);
    await read.close();
    const write = await openArchive(path, { mode: 'write' });
    expect(
      (await sql<{ application_id: number }>`pragma application_id`.execute(write.db)).rows[0]?.application_id,
    ).toBe(EXHIBIT_APPLICATION_ID);
    await write.close();
  });

  it('reading opens read-only: the archive file is unchanged and a write fails', async () => {
    const path = await makeArchive(tempDir());
    const before = fingerprint(path);
    for (const args of [
      ['docs'],
      ['check'],
      ['show', '1'],
      ['history'],
      ['search', 'department'],
      ['quote', 'list'],
      ['tag', 'list'],
    ]) {
      const run = await exhibitInProcess(path, ...args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    }
    expect(fingerprint(path)).toBe(before);
    const read = await openArchive(path, { mode: 'read' });
    expect(read.readOnly).toBe(true);
    await expect(sql`insert into tags (name) values ('x')`.execute(read.db)).rejects.toThrow(/readonly/i);
    await read.close();
  });

  it('an empty file is no archive to read or write, but may become one when creating', async () => {
    const path = join(tempDir(), 'empty.exhibit');
    writeFileSync(path, '');
    await expect(openArchive(path, { mode: 'read' })).rejects.toMatchObject({ code: 'not-an-archive' });
    await expect(openArchive(path, { mode: 'write' })).rejects.toMatchObject({ code: 'not-an-archive' });
    expect(readFileSync(path).byteLength).toBe(0);
    const made = await openArchive(path, { mode: 'create' });
    await made.close();
  });
});

describe('an archive on read-only media', () => {
  it('can be listed, shown, searched and checked; a change is refused once, in words', async (ctx) => {
    const dir = tempDir();
    const original = await makeArchive(dir);
    const view = readOnlyView(dir);
    if ('skip' in view) {
      console.log(`skipped: ${view.skip}`);
      return ctx.skip();
    }
    const path = join(view.path, 'case.exhibit');
    const before = fingerprint(original);

    const docs = await exhibitInProcess(path, 'docs');
    expect(docs.stderr).toBe('');
    expect(docs.stdout).toMatch(/Memo/);
    expect((await exhibitInProcess(path, 'search', 'department')).stdout).toMatch(/department/);

    const check = await exhibitInProcess(path, 'check');
    expect(check.code).toBe(0);
    expect(check.stdout).not.toMatch(/^problem/m);
    expect(check.stdout).toMatch(
      /^not checked \(search-index\): search indexes fts_pages.*: read-only \(.*\): not checked$/m,
    );

    const refusal = `exhibit: ${path}: the archive is read-only (it is on a read-only file system); it can be read but nothing can be changed in it\n`;
    const meta = await exhibitInProcess(path, 'meta', '1', '--author', 'Jane Roe');
    expect([meta.code, meta.stderr]).toEqual([1, refusal]);
    const files = [1, 2, 3].map((n) => {
      const file = join(tempDir(), `note-${n}.txt`);
      writeFileSync(file, `note ${n}`);
      return file;
    });
    const imported = await exhibitInProcess(path, 'import', ...files);
    expect([imported.code, imported.stderr, imported.stdout]).toEqual([1, refusal, '']);
    expect(fingerprint(original)).toBe(before);
  });

  it('copied with a -wal file full of changes is refused rather than read without them', async (ctx) => {
    const dir = tempDir();
    const source = await makeArchive(tempDir());
    // A copy taken while a writer had changes in its WAL: the archive, its -wal, no -shm.
    const writer = await openArchive(source, { mode: 'write' });
    await sql`pragma wal_autocheckpoint = 0`.execute(writer.db);
    await addTextDocument(writer, 'A second memo.', { title: 'Second' });
    copyFileSync(source, join(dir, 'case.exhibit'));
    copyFileSync(`${source}-wal`, join(dir, 'case.exhibit-wal'));
    await writer.close();
    const view = readOnlyView(dir);
    if ('skip' in view) {
      console.log(`skipped: ${view.skip}`);
      return ctx.skip();
    }
    const run = await exhibitInProcess(join(view.path, 'case.exhibit'), 'docs');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/-wal file holds changes not yet in the archive/);
  });
});
