/**
 * A bulk import runs inference in the extraction worker, beside the thread that writes
 * (issue 16). What it stores must be what inference in the writing thread stores: the same
 * metadata, the same inferences with their sources and statuses, the same version groups.
 * The sample case's files and press releases (two of them versions of one another) are
 * imported by the real CLI (worker) and by the CLI run in this process (no worker).
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/archive.js';
import { exhibit, exhibitInProcess } from '../helpers/cli.js';

const FILES = join(ROOT, 'resources/sample-case/files');

const RELEASE = `FOR IMMEDIATE RELEASE
March 3, 2007

Senator Jane Roe Secures $2 Million for Port Alder Harbor Dredging

WASHINGTON, D.C. – U.S. Senator Jane Roe (D-WA) today announced that the Senate Appropriations
Committee approved $2 million for dredging the Port Alder harbor, which the county has sought since
2004. "The harbor keeps four hundred people at work," Roe said.
`;

function inputs(): string {
  const dir = join(tempDir(), 'inputs');
  mkdirSync(dir);
  for (const name of readdirSync(FILES)) copyFileSync(join(FILES, name), join(dir, name));
  writeFileSync(join(dir, 'release-a.txt'), RELEASE);
  writeFileSync(join(dir, 'release-b.txt'), RELEASE.replace('four hundred', 'four hundred and ten'));
  return dir;
}

interface Shown {
  document: Record<string, unknown>;
  inferences: Record<string, unknown>[];
}

/** Each document's `show` output by file name, without what differs between any two imports. */
async function stored(show: (id: string) => Promise<string>, docs: string): Promise<Map<string, unknown>> {
  const list = (JSON.parse(docs) as { documents: { id: number; fileName: string }[] }).documents;
  const out = new Map<string, unknown>();
  for (const d of list) {
    const shown = JSON.parse(await show(String(d.id))) as Shown;
    const { id: _id, importedAt: _at, updatedAt: _up, ...document } = shown.document;
    out.set(d.fileName, {
      document,
      inferences: shown.inferences.map(({ id: _i, documentId: _d, createdAt: _c, ...rest }) => rest),
    });
  }
  return out;
}

describe('inference in the extraction worker', () => {
  it('stores what inference in the writing thread stores', async () => {
    const dir = inputs();
    const inWorker = join(tempDir(), 'worker.exhibit');
    const imported = exhibit(['--archive', inWorker, 'import', dir]);
    expect(imported.code, imported.stderr).toBe(0);
    const byWorker = await stored(
      async (id) => exhibit(['--archive', inWorker, '--json', 'show', id]).stdout,
      exhibit(['--archive', inWorker, '--json', 'docs']).stdout,
    );

    const inThread = join(tempDir(), 'thread.exhibit');
    expect((await exhibitInProcess(inThread, 'import', dir)).code).toBe(0);
    const byThread = await stored(
      async (id) => (await exhibitInProcess(inThread, '--json', 'show', id)).stdout,
      (await exhibitInProcess(inThread, '--json', 'docs')).stdout,
    );

    // Attachments (the statement's) are documents too.
    expect(byWorker.size).toBeGreaterThanOrEqual(readdirSync(dir).length);
    expect([...byWorker.keys()].sort()).toEqual([...byThread.keys()].sort());
    for (const [name, doc] of byWorker) expect(doc, name).toEqual(byThread.get(name));
  }, 120_000);
});
