import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backupArchive,
  checkArchive,
  importPaths,
  listDocuments,
  listHistory,
  openArchive,
  trashDocument,
} from '../../src/main/archive/index.js';
import { corpus, tempArchive, tempDir } from '../helpers/archive.js';

describe('backing up an archive', () => {
  it('writes a copy that opens, checks clean and holds the same documents, trash and history', async () => {
    const a = await tempArchive();
    await importPaths(a, [
      corpus('pdf-good', 'pdfplumber__scotus-transcript-p1.pdf'),
      corpus('pdf-good', 'ocrmypdf__trivial.pdf'),
    ]);
    const [first] = await listDocuments(a.db);
    if (!first) throw new Error('nothing imported');
    await trashDocument(a, first.id);
    const dest = join(tempDir(), 'copy.exhibit');

    const result = await backupArchive(a, dest);

    expect(result.path).toBe(dest);
    expect(result.size).toBeGreaterThan(0);
    const copy = await openArchive(dest, { create: false });
    try {
      expect(await listDocuments(copy.db)).toEqual(await listDocuments(a.db));
      expect(await listDocuments(copy.db, { trash: true })).toEqual(await listDocuments(a.db, { trash: true }));
      const report = await checkArchive(copy);
      expect(report.problems).toEqual([]);
      // The copy is a snapshot taken before its own custody entry was written.
      const history = await listHistory(a.db);
      expect(await listHistory(copy.db)).toEqual(history.slice(0, -1));
    } finally {
      await copy.close();
    }
    const last = (await listHistory(a.db)).at(-1);
    expect(last?.action).toBe('backup');
    expect(last?.details).toMatchObject({ path: dest, size: result.size });
    expect((await checkArchive(a)).ok).toBe(true);
  });

  it('refuses to overwrite an existing file or the archive itself', async () => {
    const a = await tempArchive();
    const existing = join(tempDir(), 'taken.exhibit');
    writeFileSync(existing, 'keep me');
    await expect(backupArchive(a, existing)).rejects.toMatchObject({ code: 'conflict' });
    await expect(backupArchive(a, a.path)).rejects.toMatchObject({ code: 'invalid-input' });
    expect((await listHistory(a.db)).filter((e) => e.action === 'backup')).toEqual([]);
  });

  it('names the destination when the folder does not exist', async () => {
    const a = await tempArchive();
    const dest = join(tempDir(), 'missing-folder', 'copy.exhibit');
    await expect(backupArchive(a, dest)).rejects.toThrow(dest);
  });
});
