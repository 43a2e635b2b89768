/**
 * The arithmetic between what pdf.js draws and the stored page text: a caret in a text
 * item maps to the page offset the importer recorded, and a page range maps back to the
 * pieces of each item to highlight. Built on a real page of the sample memo.
 */
import { describe, expect, it } from 'vitest';
import { extractPageText } from '../../src/main/archive/importers/pdf.js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfLoadOptions } from '../../src/main/archive/importers/pdf.js';
import {
  anchorToPageRanges,
  findAll,
  itemToPageOffset,
  pageRangeToItems,
  passageText,
  rawOffset,
  strippedLength,
  trimAnchor,
  type LayoutItem,
} from '../../src/renderer/src/reader/page-offsets.js';
import { ROOT } from '../helpers/archive.js';

const MEMO = join(ROOT, 'resources/sample-case/files/2020-11-13-port-alder-police-memo.pdf');

async function memoPage(n: number) {
  const task = getDocument(pdfLoadOptions(readFileSync(MEMO)));
  const pdf = await task.promise;
  try {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const strs = content.items.filter((i) => 'str' in i).map((i) => (i as { str: string }).str);
    const stored = await extractPageText(pdf, n);
    return { strs, text: stored.text, items: stored.layout?.items ?? [] };
  } finally {
    await task.destroy();
  }
}

describe('page offsets from text items', () => {
  it('maps a caret in any drawn item to the same character of the stored page text', async () => {
    const { strs, text, items } = await memoPage(2);
    expect(items.length).toBe(strs.length);
    strs.forEach((str, index) => {
      for (const offset of [0, Math.floor(str.length / 2), str.length]) {
        const at = itemToPageOffset(items, index, str, offset);
        expect(text.slice(at, at + (str.length - offset))).toBe(str.slice(offset));
      }
    });
  });

  it('cuts a page range into the pieces of each item it covers', async () => {
    const { strs, text, items } = await memoPage(2);
    const sentence = 'Reporting under this paragraph will not by itself lead to discipline.';
    const start = text.indexOf(sentence);
    const spans = pageRangeToItems(items, start, start + sentence.length);
    expect(spans.map((s) => (strs[s.index] ?? '').slice(s.from, s.to)).join('')).toBe(sentence);
    const across = text.indexOf('commercial\nfacial-recognition');
    const two = pageRangeToItems(items, across, across + 'commercial\nfacial-recognition'.length);
    expect(two.length).toBe(2);
    expect(two.map((s) => (strs[s.index] ?? '').slice(s.from, s.to))).toEqual(['commercial', 'facial-recognition']);
  });

  it('counts characters the importer dropped (control characters) on the way', () => {
    const items: LayoutItem[] = [
      [0, 5, 0, 0, 0, 0],
      [6, 3, 0, 0, 0, 0],
    ];
    // The second item was drawn as "a\u0000bc" but stored as "abc".
    expect(strippedLength('a\u0000bc', 2)).toBe(1);
    expect(itemToPageOffset(items, 1, 'a\u0000bc', 3)).toBe(8);
    expect(rawOffset('a\u0000bc', 1)).toBe(1);
    expect(rawOffset('a\u0000bc', 2)).toBe(3);
  });

  it('splits a passage across pages and reads its text from the stored pages', () => {
    const pages = ['first page text\n', 'second page\nends here'];
    const text = (p: number) => pages[p - 1] ?? '';
    const anchor = { page: 1, start: 6, pageEnd: 2, end: 11 };
    expect(anchorToPageRanges(anchor, (p) => text(p).length)).toEqual([
      { page: 1, start: 6, end: 16 },
      { page: 2, start: 0, end: 11 },
    ]);
    expect(passageText(anchor, text)).toBe('page text\n\nsecond page');
  });

  it('trims white space around a selection, across page ends too', () => {
    const pages = ['alpha beta \n', '  gamma'];
    const text = (p: number) => pages[p - 1] ?? '';
    expect(trimAnchor({ page: 1, start: 5, pageEnd: 1, end: 12 }, text)).toEqual({
      page: 1,
      start: 6,
      pageEnd: 1,
      end: 10,
    });
    expect(trimAnchor({ page: 1, start: 10, pageEnd: 2, end: 7 }, text)).toEqual({
      page: 2,
      start: 2,
      pageEnd: 2,
      end: 7,
    });
    expect(trimAnchor({ page: 1, start: 10, pageEnd: 1, end: 12 }, text)).toBeNull();
  });

  it('finds words in a page ignoring case, accents and line breaks', () => {
    const text = 'The Café closed.\nCAFE  reopened: café\nlife';
    expect(findAll(text, 'cafe').map((m) => text.slice(m.start, m.end))).toEqual(['Café', 'CAFE', 'café']);
    expect(findAll(text, 'closed. cafe').map((m) => text.slice(m.start, m.end))).toEqual(['closed.\nCAFE']);
    expect(findAll(text, '   ')).toEqual([]);
  });
});
