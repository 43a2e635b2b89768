/**
 * Changing an archive while another program holds its write lock past the 5 s busy
 * timeout: `meta`, `quote add`, `tag add` and `export` wait, say so once, and succeed when
 * the lock is released, each with exactly one custody entry (a retried change is never
 * applied twice; an export's file is written once).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUSY_MESSAGE,
  createQuote,
  getDocument,
  importPaths,
  listHistory,
  listQuotes,
  openArchive,
  tagsOfDocuments,
} from '../../src/main/archive/index.js';
import { ROOT, tempDir } from '../helpers/archive.js';
import { holdWriteLock } from '../helpers/write-lock.js';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function exhibit(archive: string, onStderr: (stderr: string) => void, ...args: string[]): Promise<Finished> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/exhibit.js'), '--archive', archive, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    onStderr(stderr);
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** An archive with one note (document 1) and one quote of it (quote 1). */
async function archiveWithNote(): Promise<string> {
  const dir = tempDir();
  const note = join(dir, 'minutes.txt');
  writeFileSync(note, 'The committee met on Tuesday. It approved the budget and adjourned at noon.\n');
  const path = join(dir, 'case.exhibit');
  const archive = await openArchive(path);
  try {
    const [result] = await importPaths(archive, [note]);
    expect(result?.documentId).toBe(1);
    await createQuote(archive, { documentId: 1, text: 'The committee met on Tuesday.' });
  } finally {
    await archive.close();
  }
  return path;
}

async function historyActions(path: string): Promise<string[]> {
  const archive = await openArchive(path, { mode: 'read' });
  try {
    return (await listHistory(archive.db)).map((e) => e.action);
  } finally {
    await archive.close();
  }
}

describe('CLI changes while another program holds the write lock', () => {
  it('wait with one message and apply each change exactly once', async () => {
    const path = await archiveWithNote();
    const out = join(tempDir(), 'quotes.md');
    const before = await historyActions(path);

    // Held until every command has said it waits, which each says only after its first try
    // waited out the 5 s busy timeout at BEGIN IMMEDIATE (or for two minutes at most).
    const lock = await holdWriteLock(path, 120_000);
    const waiting = new Set<number>();
    const said = (n: number) => (stderr: string) => {
      if (stderr.includes(BUSY_MESSAGE)) waiting.add(n);
      if (waiting.size === 4) lock.release();
    };
    const started = Date.now();
    const [meta, quote, tag, exported] = await Promise.all([
      exhibit(path, said(0), 'meta', '1', '--title', 'Committee minutes'),
      exhibit(path, said(1), 'quote', 'add', '1', '--text', 'It approved the budget'),
      exhibit(path, said(2), 'tag', 'add', 'budget', '--doc', '1'),
      exhibit(path, said(3), 'export', '--quotes', '1', '--format', 'md', '--out', out),
    ]);
    const waited = Date.now() - started;
    await lock.released;

    for (const run of [meta, quote, tag, exported]) {
      expect(run.stderr).toBe(`exhibit: ${BUSY_MESSAGE}\n`);
      expect(run.code).toBe(0);
    }
    expect(waited).toBeGreaterThan(5000);

    // One custody entry per change, none twice.
    const after = await historyActions(path);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).sort()).toEqual(['edit', 'export', 'quote-create', 'tag-add']);

    const archive = await openArchive(path, { mode: 'read' });
    try {
      const doc = await getDocument(archive.db, 1);
      expect(doc.title).toBe('Committee minutes');
      expect((await tagsOfDocuments(archive.db, [1])).get(1)).toEqual(['budget']);
      expect((await listQuotes(archive.db, { documentId: 1 })).map((q) => q.text).sort()).toEqual([
        'It approved the budget',
        'The committee met on Tuesday.',
      ]);
    } finally {
      await archive.close();
    }
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('The committee met on Tuesday.');
  }, 150_000);
});
