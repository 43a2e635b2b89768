/**
 * The reader's find bar marks what search found (issue 15): a CJK word inside running text,
 * and Hebrew or Arabic whatever their marks or tatweel, on the source's own characters.
 */
import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/renderer/src/reader/page-offsets.js';

const cut = (text: string, needle: string) => findAll(text, needle).map((m) => text.slice(m.start, m.end));

describe('find in document, in every script', () => {
  it('finds a Japanese word inside a longer run', () => {
    expect(cut('Debian プロジェクトリーダーは開発者の中から選ばれる。', 'プロジェクト')).toEqual(['プロジェクト']);
  });

  it('finds Arabic without tatweel or harakat, marking the stretched and vowelled forms', () => {
    expect(cut('قرأ الكتـــاب ثم الكِتَابَ', 'الكتاب')).toEqual(['الكتـــاب', 'الكِتَابَ']);
  });

  it('finds pointed Hebrew from an unpointed word', () => {
    expect(cut('בְּרֵאשִׁית בָּרָא', 'בראשית')).toEqual(['בְּרֵאשִׁית']);
  });
});
