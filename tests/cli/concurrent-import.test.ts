/**
 * Two programs writing one archive: real `exhibit import` processes against each other and
 * against a process that holds SQLite's write lock for longer than the busy timeout.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUSY_MESSAGE,
  checkArchive,
  listDocuments,
  openArchive,
  type ImportResult,
} from '../../src/main/archive/index.js';
import { ROOT, tempDir } from '../helpers/archive.js';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[]): { done: Promise<Finished>; stdout: () => string } {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Finished>((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
  return { done, stdout: () => stdout };
}

const importing = (archive: string, folder: string) =>
  run([join(ROOT, 'bin/exhibit.js'), '--archive', archive, 'import', folder, '--json']);

/** `count` small distinct text files in a fresh folder. */
function notes(count: number): string {
  const dir = join(tempDir(), 'notes');
  mkdirSync(dir);
  for (let i = 0; i < count; i++)
    writeFileSync(join(dir, `note-${String(i).padStart(3, '0')}.txt`), `Note ${i}: the committee met on day ${i}.\n`);
  return dir;
}

async function createArchive(): Promise<string> {
  const path = join(tempDir(), 'shared.exhibit');
  const archive = await openArchive(path);
  await archive.close();
  return path;
}

async function documentCount(path: string): Promise<{ count: number; problems: unknown[] }> {
  const archive = await openArchive(path, { create: false });
  try {
    return { count: (await listDocuments(archive.db)).length, problems: (await checkArchive(archive)).problems };
  } finally {
    await archive.close();
  }
}

describe('importing into an archive another program writes', () => {
  it('reports the same file imported by two processes at once as a duplicate, never a failure', async () => {
    const archive = await createArchive();
    const folder = notes(120);
    const [a, b] = await Promise.all([importing(archive, folder).done, importing(archive, folder).done]);

    for (const out of [a, b]) {
      expect(out.stderr).toBe('');
      expect(out.code).toBe(0);
    }
    const results = [a, b].flatMap((out) => (JSON.parse(out.stdout) as { results: ImportResult[] }).results);
    expect(results.filter((r) => r.status === 'failed')).toEqual([]);
    // Each file stored exactly once, and the other process told which document holds it.
    const imported = results.filter((r) => r.status === 'imported');
    expect(imported).toHaveLength(120);
    expect(new Set(imported.map((r) => r.path)).size).toBe(120);
    const idByPath = new Map(imported.map((r) => [r.path, r.documentId]));
    for (const r of results.filter((r) => r.status === 'duplicate')) expect(r.documentId).toBe(idByPath.get(r.path));
    expect(await documentCount(archive)).toEqual({ count: 120, problems: [] });
  });

  it('waits, with a message, while another program holds the write lock past the busy timeout; no file is lost', async () => {
    const archive = await createArchive();
    const folder = notes(6);
    // A plain SQLite client (no Exhibit code) holds BEGIN IMMEDIATE for 14 s, past the 5 s busy timeout
    // (opening the archive alone may wait about 5 s of it).
    const holder = run([
      '-e',
      `const sqlite3 = require('sqlite3');
       const db = new sqlite3.Database(${JSON.stringify(archive)});
       db.exec('BEGIN IMMEDIATE', (err) => {
         if (err) { console.log('error ' + err.message); process.exit(1); }
         console.log('locked');
         setTimeout(() => db.exec('COMMIT', () => db.close()), 14000);
       });`,
    ]);
    while (!holder.stdout().includes('locked')) {
      if (holder.stdout().includes('error')) throw new Error(holder.stdout());
      await new Promise((r) => setTimeout(r, 50));
    }
    const started = Date.now();
    const out = await importing(archive, folder).done;
    const waited = Date.now() - started;
    await holder.done;

    expect(out.code).toBe(0);
    expect(out.stderr).toBe(`exhibit: ${BUSY_MESSAGE}\n`);
    const results = (JSON.parse(out.stdout) as { results: ImportResult[] }).results;
    expect(results.map((r) => r.status)).toEqual(Array(6).fill('imported'));
    expect(waited).toBeGreaterThan(10_000);
    expect(await documentCount(archive)).toEqual({ count: 6, problems: [] });
  });
});
