/**
 * A page's index form (search/script-text.ts) never outlives its text: a change of the text by a
 * path that does not write the index form too clears it (migration 7's trigger), so search finds
 * the new words and not the old ones.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchive, createQuote, importPaths, search } from '../../src/main/archive/index.js';
import { tempArchive } from '../helpers/archive.js';

describe('the stored index form follows the text', () => {
  it('is cleared when the text changes without it', async () => {
    const a = await tempArchive();
    const path = join(a.dir, 'ja.txt');
    writeFileSync(path, 'プロジェクトリーダーの会議');
    const [result] = await importPaths(a, [path]);
    const id = result?.documentId ?? 0;
    expect((await search(a.db, 'リーダー', { kinds: ['page'] })).total).toBe(1);
    await a.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('pages')
        .set({ text: 'the minutes of the meeting' })
        .where('document_id', '=', id)
        .execute();
    });
    expect((await search(a.db, 'リーダー', { kinds: ['page'] })).total).toBe(0);
    const found = await search(a.db, 'minutes', { kinds: ['page'] });
    expect(found.hits.map((h) => h.snippet)).toEqual(['the <mark>minutes</mark> of the meeting']);
    // The edit behind the app's back breaks the recorded state (as it should); the search index stays sound.
    expect((await checkArchive(a)).problems.filter((p) => p.kind !== 'state')).toEqual([]);
  });

  it('is cleared for a quote text and note changed without it', async () => {
    const a = await tempArchive();
    const path = join(a.dir, 'zh.txt');
    writeFileSync(path, '本公司董事会决定分配利润。');
    const [result] = await importPaths(a, [path]);
    const quote = await createQuote(a, { documentId: result?.documentId ?? 0, text: '董事会决定', note: '会议记录' });
    await a.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('quotes')
        .set({ text: 'board decision', note: 'minutes' })
        .where('id', '=', quote.id)
        .execute();
    });
    expect((await search(a.db, '董事会', { kinds: ['quote'] })).total).toBe(0);
    expect((await search(a.db, '记录', { kinds: ['note'] })).total).toBe(0);
    expect((await search(a.db, 'decision', { kinds: ['quote'] })).total).toBe(1);
    expect((await search(a.db, 'minutes', { kinds: ['note'] })).total).toBe(1);
    // The edit behind the app's back breaks the recorded state (as it should); the search index stays sound.
    expect((await checkArchive(a)).problems.filter((p) => p.kind !== 'state')).toEqual([]);
  });
});
