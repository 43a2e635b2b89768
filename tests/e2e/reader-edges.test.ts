/**
 * Rough edges of the reader, end to end in Chromium over the development server and the
 * real core: Q straight after a mouse drag, landing on a search hit's page, quotes
 * flowed as prose on their cards, and a scanned PDF that has no text to select.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createQuote, type Archive } from '../../src/main/archive/index.js';
import { importSampleCase } from '../../src/main/archive/sample.js';
import { ROOT } from '../helpers/archive.js';
import { haveChromium, useExhibit } from './support/exhibit.js';
import { ImportView, Library, QuotePopover, Reader, SearchPalette } from './support/pages.js';

const MEMO = 'Memorandum: Use of third-party facial-recognition services';
const SENTENCE = 'Reporting under this paragraph will not by itself lead to discipline.';
const SCAN = join(ROOT, 'tests/fixtures/scanned/memo-scan.pdf');

describe.skipIf(!haveChromium)('the reader’s rough edges', () => {
  const openWith = useExhibit();
  const open = (prepare: (archive: Archive) => Promise<unknown> = importSampleCase) => openWith(prepare);

  it('quotes the selection when Q is pressed the instant the mouse is released', async () => {
    const { page } = await open();
    const reader = await new Library(page).open(MEMO);
    await reader.goToPage(2);
    await reader.selectWithMouse(2, SENTENCE);
    // No wait for the reader to notice the selection: the key comes at once.
    await page.keyboard.press('q');
    const popover = new QuotePopover(page);
    await popover.root.waitFor({ timeout: 5000 });
    expect(await popover.passage()).toBe(SENTENCE);
    expect(await page.getByText('Select some text in the document first').count()).toBe(0);
  });

  it('shows the page of a search hit on page 2 in the page box, with Previous enabled', async () => {
    const { page } = await open();
    const search = new SearchPalette(page);
    await search.open();
    // A word near the top of page 2: centring its highlight leaves more of page 1 on screen.
    await search.type('immediately');
    const hit = search.hits().filter({ hasText: MEMO }).filter({ hasText: 'p. 2' }).first();
    await hit.click();
    const reader = new Reader(page);
    await expect
      .poll(() => reader.pdfPage(2).locator('.hl.hit-current').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    // Give the reader time to scroll the hit into view and measure where it stands.
    await page.waitForTimeout(800);
    expect(await reader.currentPage()).toBe(2);
    expect(await page.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(false);
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
  });

  it('shows a quote on its card as prose, without the PDF’s line end', async () => {
    const { page } = await open(async (archive) => {
      const results = await importSampleCase(archive);
      const memo = results.find((r) => r.path.endsWith('police-memo.pdf'))?.documentId ?? 0;
      const quote = await createQuote(archive, {
        documentId: memo,
        text: 'position on commercial facial-recognition services',
      });
      expect(quote.text).toBe('position on commercial\nfacial-recognition services');
      return results;
    });
    await new Library(page).open(MEMO);
    const card = page.getByRole('complementary', { name: 'Quotes in this document' }).locator('.qc-text');
    await card.waitFor();
    expect(await card.textContent()).toBe('position on commercial facial-recognition services');
  });

  it('says in the reader and the import view why a scanned PDF has nothing to select, and Q says it too', async () => {
    const { page } = await open(async () => undefined);
    const importView = new ImportView(page);
    await importView.open();
    await importView.chooseFiles([SCAN]);
    expect((await importView.results()).map((r) => r.status)).toEqual(['imported']);
    expect(await page.locator('.file-warning').textContent()).toMatch(
      /^its pages are images with no text .*cannot be selected, quoted or searched/,
    );

    await page.getByRole('button', { name: 'Open' }).click();
    const reader = new Reader(page);
    await reader.pdfPage(1).locator('canvas').waitFor();
    const notice = page.getByRole('note', { name: 'No text' });
    expect(await notice.textContent()).toMatch(
      /^These pages are images with no text .* cannot be selected, quoted or searched/,
    );
    await reader.pdfPage(1).click();
    await page.keyboard.press('q');
    const toast = page.getByRole('status').filter({ hasText: 'These pages are images with no text' });
    await toast.waitFor({ timeout: 5000 });
    expect(await page.getByText('Select some text in the document first').count()).toBe(0);
    expect(await page.getByRole('dialog', { name: 'Quote' }).count()).toBe(0);
  });
});
