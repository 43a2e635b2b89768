/**
 * `exhibit check` while another program holds the archive's write lock (issue 11, defect 1):
 * the search indexes it cannot check are said to be busy, never stale.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openArchive } from '../../src/main/archive/index.js';
import { ROOT, tempDir } from '../helpers/archive.js';
import { exhibitInProcess } from '../helpers/cli.js';
import { addTextDocument } from '../helpers/documents.js';

const holders: ChildProcess[] = [];
afterEach(async () => {
  for (const child of holders.splice(0)) {
    child.stdin?.end();
    if (child.exitCode === null) await once(child, 'exit');
  }
});

/** Another process that takes the archive's write lock and keeps it until its stdin closes. */
async function holdWriteLock(path: string): Promise<void> {
  const script = `
    const sqlite3 = require(${JSON.stringify(join(ROOT, 'node_modules', 'sqlite3'))});
    const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READWRITE, (err) => {
      if (err) throw err;
      db.exec('BEGIN IMMEDIATE', (e) => {
        if (e) throw e;
        process.stdout.write('locked\\n');
        process.stdin.on('end', () => db.exec('ROLLBACK', () => db.close()));
        process.stdin.resume();
      });
    });`;
  const child = spawn(process.execPath, ['-e', script, path], { stdio: ['pipe', 'pipe', 'inherit'] });
  holders.push(child);
  const [data] = (await once(child.stdout, 'data')) as [Buffer];
  expect(data.toString()).toBe('locked\n');
}

describe('exhibit check while another program writes', () => {
  it('says the search indexes are busy, not stale, and exits 3', async () => {
    const path = join(tempDir(), 'case.exhibit');
    const archive = await openArchive(path, { mode: 'create' });
    await addTextDocument(archive, 'The chief said the cameras were off.');
    await archive.close();
    await holdWriteLock(path);

    const run = await exhibitInProcess(path, 'check');
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(/^problem/m);
    expect(run.stdout).toMatch(
      /^not checked \(search-index\): search indexes fts_pages, fts_pages_stem, fts_documents, fts_documents_stem, fts_quotes, fts_quotes_stem: busy \(another program is writing the archive\): not checked$/m,
    );
    expect(run.stdout).toMatch(/No problem found in what could be checked\.\n$/);
    expect(run.code).toBe(3);

    const json = await exhibitInProcess(path, '--json', 'check');
    const report = JSON.parse(json.stdout) as { ok: boolean; problems: unknown[]; notChecked: { reason: string }[] };
    expect([report.ok, report.problems, report.notChecked.map((n) => n.reason)]).toEqual([true, [], ['busy']]);
  }, 30_000);
});
