/**
 * Migration 7 (search in every script): an archive written at schema 6, holding Japanese text
 * and pointed Hebrew that its own search could not find inside running text, is re-indexed on
 * open with progress, one transaction per index, and then finds them.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchive, openArchive, search } from '../../src/main/archive/index.js';
import type { ReindexProgress } from '../../src/main/archive/db/reindex-scripts.js';
import { ROOT, tempDir } from '../helpers/archive.js';

const FIXTURE = join(ROOT, 'tests/fixtures/archives/schema-6-cjk.exhibit');

describe('migration 7 re-indexes a schema-6 archive', () => {
  it('finds CJK words and unpointed Hebrew after the upgrade, and reports its progress', async () => {
    const path = join(tempDir(), 'old.exhibit');
    copyFileSync(FIXTURE, path);
    const progress: ReindexProgress[] = [];
    const a = await openArchive(path, { mode: 'write', onReindex: (p) => progress.push(p) });
    try {
      expect(progress.at(0)).toEqual({ index: 'pages', done: 0, total: 1 });
      expect(progress.filter((p) => p.done === p.total).map((p) => p.index)).toEqual(['pages', 'quotes']);

      const page = await search(a.db, '開発者', { kinds: ['page'] });
      expect(page.hits.map((h) => [h.page, h.snippet])).toEqual([
        [1, 'プロジェクトリーダーの会議 <mark>開発者</mark>はDebian 小史を読んだ。בְּרֵאשִׁית בָּרָא'],
      ]);
      expect((await search(a.db, 'リーダー', { kinds: ['page'] })).total).toBe(1);
      expect((await search(a.db, 'בראשית', { kinds: ['page'] })).total).toBe(1);
      const quote = await search(a.db, '小史', { kinds: ['quote'] });
      expect(quote.hits.map((h) => h.snippet)).toEqual(['開発者はDebian <mark>小史</mark>を読んだ']);
      expect((await search(a.db, '記録', { kinds: ['note'] })).total).toBe(1);
      expect((await checkArchive(a)).problems).toEqual([]);
    } finally {
      await a.db.destroy();
    }
    // Done once: the next open re-indexes nothing.
    const again: ReindexProgress[] = [];
    const b = await openArchive(path, { mode: 'write', onReindex: (p) => again.push(p) });
    await b.db.destroy();
    expect(again).toEqual([]);
  });
});
