/**
 * The search box and input methods (issue 15): while a Japanese word is being composed the box
 * holds unconverted kana, which must not be searched; the search runs when the composition
 * ends, and finds the word inside running text. Composition events are dispatched the way
 * Chromium sends them (compositionstart, input events, compositionend); plain Events, as the
 * tests' TypeScript has no DOM event classes (React reads only their type and target).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../src/main/archive/index.js';
import { callPath } from '../../src/shared/channels.js';
import { tempDir } from '../helpers/archive.js';
import { haveChromium, useExhibit } from './support/exhibit.js';
import { SearchPalette } from './support/pages.js';

/** Sets the box's text as an IME does (through the native setter, so React sees an input event). */
async function compose(page: Page, type: string, value?: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Search the archive' }).evaluate(
    (el, [type, value]) => {
      const input = el;
      if (value !== undefined) {
        // The input element's own setter: React ignores a value set on the instance.
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input) as object, 'value')?.set?.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      if (type !== 'input') input.dispatchEvent(new Event(type, { bubbles: true }));
    },
    [type, value] as const,
  );
}

describe.skipIf(!haveChromium)('searching with an input method', () => {
  const open = useExhibit();

  it('does not search during a composition, and searches when it ends', async () => {
    const { page, problems } = await open(async (archive) => {
      const path = join(tempDir(), 'memo-ja.txt');
      writeFileSync(path, 'プロジェクトの記録\n\n開発者はDebian 小史を読んだ。');
      await importPaths(archive, [path]);
    });
    const searches: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith(callPath('search.query'))) searches.push(request.postData() ?? '');
    });
    const palette = new SearchPalette(page);
    await palette.open();

    await compose(page, 'compositionstart');
    for (const kana of ['k', 'かい', 'かいはつ', 'かいはつしゃ']) await compose(page, 'compositionupdate', kana);
    // Long enough for a search to have gone out and come back had one been started.
    await page.waitForTimeout(800);
    expect(searches).toEqual([]);
    expect(await palette.hits().count()).toBe(0);
    expect(await palette.message().textContent()).not.toContain('Nothing found');

    await compose(page, 'compositionupdate', '開発者');
    await compose(page, 'compositionend', '開発者');
    await expect.poll(() => palette.hits().count()).toBe(1);
    expect(await palette.hits().first().innerHTML()).toContain('<mark>開発者</mark>');
    expect(searches.length).toBeGreaterThan(0);
    for (const body of searches) expect(body).toContain('開発者');
    expect(problems).toEqual([]);
  });
});
