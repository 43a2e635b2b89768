/**
 * Search in every script (issue 15): CJK words inside running text found exactly where they
 * stand as substrings, marked exactly in the snippet; Arabic and Hebrew found with or without
 * their marks, the snippet showing the source's own characters.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createQuote, getPages, importPaths, search } from '../../src/main/archive/index.js';
import { corpus, tempArchive } from '../helpers/archive.js';

const JA = 'pdf-good/debian__project-history.ja.pdf';

/** Pages on which `word` occurs as a substring of the stored text: what search must return. */
function pagesHolding(pages: { number: number; text: string }[], word: string): number[] {
  return pages.filter((p) => p.text.includes(word)).map((p) => p.number);
}

async function importText(a: Awaited<ReturnType<typeof tempArchive>>, name: string, text: string): Promise<number> {
  const path = join(a.dir, name);
  writeFileSync(path, text);
  const [result] = await importPaths(a, [path]);
  return result?.documentId ?? 0;
}

describe('CJK words inside running text', () => {
  it('finds プロジェクト and 開発者 in the Japanese Debian history on exactly the pages holding them, marked', async () => {
    const a = await tempArchive();
    const [result] = await importPaths(a, [corpus(JA)]);
    const pages = await getPages(a.db, result?.documentId ?? 0);
    for (const word of ['プロジェクト', '開発者', 'ディストリビューション', '決定']) {
      const expected = pagesHolding(pages, word);
      expect(expected.length, `${word} is in the document`).toBeGreaterThan(0);
      const found = await search(a.db, word, { kinds: ['page'], limit: 100 });
      expect({ word, pages: found.hits.map((h) => h.page).sort((x, y) => x - y) }).toEqual({ word, pages: expected });
      for (const hit of found.hits) expect(hit.snippet).toContain(`<mark>${word}</mark>`);
    }
  });

  it('matches phrases, NEAR, prefixes and mixed Latin and CJK text', async () => {
    const a = await tempArchive();
    const [result] = await importPaths(a, [corpus(JA)]);
    const pages = await getPages(a.db, result?.documentId ?? 0);
    const mixed = pagesHolding(pages, 'Debian 小史');
    expect(mixed.length).toBeGreaterThan(0);
    const phrase = await search(a.db, '"Debian 小史"', { kinds: ['page'], limit: 100 });
    expect(phrase.hits.map((h) => h.page).sort((x, y) => x - y)).toEqual(mixed);
    expect(phrase.hits[0]?.snippet).toContain('<mark>Debian 小史</mark>');
    const prefix = await search(a.db, 'プロジェ*', { kinds: ['page'], limit: 100 });
    expect(prefix.hits.map((h) => h.page).sort((x, y) => x - y)).toEqual(pagesHolding(pages, 'プロジェ'));
    const near = await search(a.db, 'NEAR(Debian プロジェクト, 3)', { kinds: ['page'], limit: 100 });
    expect(near.total).toBeGreaterThan(0);
    expect(near.total).toBeLessThanOrEqual(pagesHolding(pages, 'プロジェクト').length);

    const memo = await importText(a, 'memo.txt', '会議の記録\n\nLAPDの決定は翌日に公表された。');
    const lapd = await search(a.db, 'LAPD の決定', { kinds: ['page'] });
    expect(lapd.hits.map((h) => [h.documentId, h.snippet])).toEqual([
      // Both words match and touch: one mark over the characters they cover together.
      [memo, '会議の記録 <mark>LAPDの決定</mark>は翌日に公表された。'],
    ]);
  });

  it('finds a CJK word in a quote and in a note', async () => {
    const a = await tempArchive();
    const id = await importText(a, 'zh.txt', '公司年度报告：本公司董事会决定分配利润。');
    await createQuote(a, { documentId: id, text: '本公司董事会决定分配利润', note: '关于董事会的记录' });
    const quote = await search(a.db, '董事会', { kinds: ['quote'] });
    expect(quote.hits.map((h) => h.snippet)).toEqual(['本公司<mark>董事会</mark>决定分配利润']);
    const note = await search(a.db, '记录', { kinds: ['note'] });
    expect(note.hits.map((h) => h.snippet)).toEqual(['关于董事会的<mark>记录</mark>']);
  });
});

describe('marks ignored when matching', () => {
  // Constructed: the corpus has no pointed Hebrew or vocalised Arabic.
  const HEBREW_POINTED = 'בְּרֵאשִׁית בָּרָא אֱלֹהִים';
  const ARABIC_VOWELLED = 'كَتَبَ الطَّالِبُ الدَّرْسَ وَالكِتـــابَ';

  it.each([
    ['Hebrew without niqqud finds pointed text', HEBREW_POINTED, 'בראשית', 'בְּרֵאשִׁית'],
    ['Hebrew with niqqud finds it too', HEBREW_POINTED, 'בָּרָא', 'בָּרָא'],
    ['Arabic without harakat finds vowelled text', ARABIC_VOWELLED, 'الطالب', 'الطَّالِبُ'],
    ['Arabic without tatweel finds a stretched word', ARABIC_VOWELLED, 'والكتاب', 'وَالكِتـــابَ'],
    ['Arabic with harakat', ARABIC_VOWELLED, 'كَتَبَ', 'كَتَبَ'],
  ])('%s', async (_, text, query, marked) => {
    const a = await tempArchive();
    const id = await importText(a, 'marks.txt', text);
    const found = await search(a.db, query, { kinds: ['page'] });
    expect(found.hits.map((h) => h.documentId)).toEqual([id]);
    expect(found.hits[0]?.snippet).toContain(`<mark>${marked}</mark>`);
  });

  it('finds unpointed text from a pointed query', async () => {
    const a = await tempArchive();
    const id = await importText(a, 'plain.txt', 'בראשית ברא אלהים');
    const found = await search(a.db, 'בְּרֵאשִׁית', { kinds: ['page'] });
    expect(found.hits.map((h) => [h.documentId, h.snippet])).toEqual([[id, '<mark>בראשית</mark> ברא אלהים']]);
  });
});
