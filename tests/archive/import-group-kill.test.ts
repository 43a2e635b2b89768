/**
 * The durability rule of a grouped import (issue 16): documents are committed in groups,
 * so a kill loses at most the uncommitted group. A real `exhibit import` of a folder is
 * killed with SIGKILL after its first group is committed, while the next is open; the
 * archive must be sound, hold exactly the first files in order (whole, each with its one
 * custody entry), pass `exhibit check`, and a second import must report those as
 * duplicates and import the rest.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { checkArchive, openArchive } from '../../src/main/archive/index.js';
import { ROOT, tempDir } from '../helpers/archive.js';
import { exhibit } from '../helpers/cli.js';

const FILES = 1500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function makeFolder(): { dir: string; names: string[] } {
  const dir = join(tempDir(), 'releases');
  mkdirSync(dir);
  const names: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const name = `release-${String(i).padStart(4, '0')}.txt`;
    const body = `Senator Example announces grant number ${i}\n\nWASHINGTON, D.C. — Today the senator announced ${i} dollars for the county's roads and bridges.\n`;
    writeFileSync(join(dir, name), body.repeat(3));
    names.push(name);
  }
  return { dir, names };
}

async function committedNames(archivePath: string): Promise<string[]> {
  const archive = await openArchive(archivePath, { create: false });
  try {
    const rows = await archive.db.selectFrom('documents').select('file_name').orderBy('id').execute();
    return rows.map((r) => r.file_name);
  } finally {
    await archive.close();
  }
}

describe('a grouped import killed mid-group', () => {
  it('keeps only whole committed groups, passes check, and resumes with duplicates', async () => {
    const { dir, names } = makeFolder();
    const archivePath = join(tempDir(), 'kill.exhibit');
    await (await openArchive(archivePath)).close();

    const child = spawn(process.execPath, [join(ROOT, 'bin/exhibit.js'), '--archive', archivePath, 'import', dir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exit = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    const deadline = Date.now() + 60_000;
    while ((await committedNames(archivePath)).length === 0) {
      if (child.exitCode !== null) throw new Error(`the import ended before its first commit (${child.exitCode})`);
      if (Date.now() > deadline) throw new Error('no group was committed within 60 s');
      await sleep(20);
    }
    // The first group is in; the next one is open and uncommitted.
    await sleep(300);
    child.kill('SIGKILL');
    expect(await exit).toBe('SIGKILL');

    const committed = await committedNames(archivePath);
    expect(committed.length).toBeGreaterThan(0);
    expect(committed.length, 'the kill came after the import had finished: nothing to test').toBeLessThan(FILES);
    // Groups commit in file order: what survived is exactly a prefix of the folder.
    expect(committed).toEqual(names.slice(0, committed.length));

    const archive = await openArchive(archivePath, { create: false });
    try {
      const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(archive.db);
      expect(integrity.rows.map((r) => r.integrity_check)).toEqual(['ok']);
      const report = await checkArchive(archive);
      expect(report.problems).toEqual([]);
      const imports = await archive.db
        .selectFrom('history')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', 'import')
        .executeTakeFirstOrThrow();
      expect(Number(imports.n)).toBe(committed.length);
      const pageless = await archive.db
        .selectFrom('documents')
        .select('id')
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('pages').select('pages.id').whereRef('pages.document_id', '=', 'documents.id'))),
        )
        .execute();
      expect(pageless).toEqual([]);
    } finally {
      await archive.close();
    }
    expect(exhibit(['--archive', archivePath, 'check']).code).toBe(0);

    const again = exhibit(['--archive', archivePath, '--json', 'import', dir]);
    expect(again.code, again.stderr).toBe(0);
    const results = again.json<{ results: { path: string; status: string }[] }>().results;
    const byStatus = (s: string) => results.filter((r) => r.status === s).map((r) => r.path.split('/').at(-1));
    expect(byStatus('duplicate')).toEqual(committed);
    expect(byStatus('imported')).toEqual(names.slice(committed.length));
    expect(byStatus('failed')).toEqual([]);
    expect(exhibit(['--archive', archivePath, 'check']).code).toBe(0);
  }, 180_000);
});
