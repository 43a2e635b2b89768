/**
 * The renderer end to end, in Debian's Chromium, over the development server and the real
 * core on a temp archive holding the sample case: the library, the PDF reader and its text
 * layer, quoting a mouse selection, importing through the UI, and archived markup that must
 * never run. Screenshots of the main views are saved under test-results/screenshots/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createQuote, importPaths } from '../../src/main/archive/index.js';
import { importSampleCase } from '../../src/main/archive/sample.js';
import { corpus, tempDir } from '../helpers/archive.js';
import { haveChromium, screenshot, useExhibit, type Session } from './support/exhibit.js';
import { goTo, ImportView, Library, QuotePopover, Reader, SearchPalette } from './support/pages.js';

const MEMO = 'Memorandum: Use of third-party facial-recognition services';
const REVIEW = 'After the memo: how face-search trials spread through Port Alder’s police';
const STATEMENT = 'Statement from Visage Index on the Port Alder Police Department memorandum';
const DIRECTIVE = 'Effective immediately, no officer may submit images to any commercial facial-recognition service.';
const SENTENCE = 'Reporting under this paragraph will not by itself lead to discipline.';

describe.skipIf(!haveChromium)('the renderer in Chromium', () => {
  const openWith = useExhibit();
  const open = (
    prepare = (archive: Session['archive']) => importSampleCase(archive),
    colorScheme: 'light' | 'dark' = 'light',
  ) => openWith(prepare, colorScheme);

  it('lists the sample case in the library, sorted and filtered on the spot', async () => {
    const { page, problems } = await open();
    const library = new Library(page);
    const titles = await library.titles();
    expect(titles).toContain(MEMO);
    expect(titles.length).toBeGreaterThanOrEqual(2);
    // Newest first by default: the civic review (25 Nov) first, the statement (23 Nov) before the memo (13 Nov).
    expect(titles[0]).toBe(REVIEW);
    expect(titles.indexOf(STATEMENT)).toBeLessThan(titles.indexOf(MEMO));
    await page.getByRole('columnheader', { name: 'Title' }).getByRole('button').click();
    const byTitle = await library.titles();
    expect(byTitle).toEqual([...byTitle].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
    await library.filter('police-memo');
    expect(await library.titles()).toEqual([MEMO]);
    await library.filter('');
    await library.row(MEMO).click();
    const details = page.getByRole('complementary', { name: 'Document details' });
    await expect.poll(() => details.getByLabel('Title').inputValue()).toBe(MEMO);
    await screenshot(page, 'library');
    // Edit the date in the details: a wrong one is explained, a right one saved and shown.
    await details.getByLabel('Date').fill('2020-13');
    expect(await details.getByText('Write the date as 2020, 2020-11 or 2020-11-13.').count()).toBe(1);
    expect(await details.getByRole('button', { name: 'Save details' }).isDisabled()).toBe(true);
    await details.getByLabel('Date').fill('2020-11-12');
    await details.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => library.row(MEMO).locator('.col-date').textContent()).toBe('12 Nov 2020');
    expect(problems).toEqual([]);
  });

  it('opens the memo PDF and draws its pages with a selectable text layer', async () => {
    const { page, problems } = await open();
    const reader = await new Library(page).open(MEMO);
    const first = await reader.textLayer(1);
    expect(first).toContain('MEMORANDUM');
    await reader.goToPage(2);
    const second = await reader.textLayer(2);
    expect(second).toContain(SENTENCE);
    await expect.poll(() => reader.currentPage()).toBe(2);
    await expect.poll(() => reader.pdfPage(2).locator('canvas').count()).toBe(1);
    await screenshot(page, 'reader');
    expect(problems).toEqual([]);
  });

  it('maps a mouse selection on page 2 to exactly the passage that will be quoted', async () => {
    const { page, problems } = await open();
    const reader = await new Library(page).open(MEMO);
    await reader.goToPage(2);
    await reader.selectWithMouse(2, SENTENCE);
    expect((await reader.selectedText()).replace(/\s+/g, ' ').trim()).toBe(SENTENCE);
    const popover = await reader.startQuote();
    // The popover shows the stored page text at the selection's offsets: what will be saved.
    expect(await popover.passage()).toBe(SENTENCE);
    await expect.poll(() => reader.pdfPage(2).locator('.hl.pending').count()).toBeGreaterThan(0);
    await popover.addTag('directive');
    await popover.writeNote('The memo promises no discipline for reporting.');
    await screenshot(page, 'quote-popover');
    expect(problems).toEqual([]);
  });

  it('saves the selected sentence as a tagged quote, highlights it, and finds it again by search on page 2', async () => {
    const { page, problems } = await open();
    const library = new Library(page);
    const reader = await library.open(MEMO);
    await reader.goToPage(2);
    await reader.selectWithMouse(2, SENTENCE);
    const popover = await reader.startQuote();
    await popover.addTag('directive');
    await popover.writeNote('The memo promises no discipline for reporting.');
    await popover.save();
    await popover.root.waitFor({ state: 'detached' });

    // Highlighted where it stands, and listed beside the page with its tag and note.
    await expect.poll(() => reader.quoteHighlights(2).count()).toBeGreaterThan(0);
    const card = page.getByRole('complementary', { name: 'Quotes in this document' }).getByRole('article');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator('.qc-text').textContent()).toBe(SENTENCE);
    expect(await card.locator('.chip.accent').allTextContents()).toEqual(['directive']);
    // The highlight covers the sentence's line: its boxes lie within the text of that line.
    const spans = await reader
      .quoteHighlights(2)
      .evaluateAll((els) => els.map((e) => (e as unknown as { style: { width: string } }).style.width));
    expect(spans.length).toBeGreaterThan(0);
    // Clicking the highlight brings its card forward.
    const box = await reader.quoteHighlights(2).first().boundingBox();
    if (!box) throw new Error('the highlight has no box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => card.getAttribute('class')).toContain('active');
    await screenshot(page, 'reader-quote');

    // Back in the library, the memo now counts one quote.
    await goTo(page, 'Library');
    await expect.poll(async () => (await library.row(MEMO).locator('.col-quotes').textContent())?.trim()).toBe('1');

    // Search a word of the quote and land on page 2 with the word highlighted.
    const search = new SearchPalette(page);
    await search.open();
    await search.type('discipline');
    const hit = search.hits().filter({ hasText: MEMO }).filter({ hasText: 'p. 2' }).first();
    await hit.waitFor();
    expect(await hit.locator('mark').first().textContent()).toMatch(/discipline/i);
    await screenshot(page, 'search');
    await hit.click();
    const landed = new Reader(page);
    await expect.poll(() => landed.currentPage()).toBe(2);
    await expect.poll(() => landed.pdfPage(2).locator('.hl.hit-current').count()).toBeGreaterThan(0);
    expect(await page.getByRole('searchbox', { name: 'Find in this document' }).inputValue()).toMatch(/discipline/i);
    expect(problems).toEqual([]);
  });

  it('lists quotes on the board, deletes one and brings it back with Undo', async () => {
    const { page, problems } = await open(async (archive) => {
      const results = await importSampleCase(archive);
      const memo = results.find((r) => r.path.endsWith('police-memo.pdf'))?.documentId ?? 0;
      await createQuote(archive, { documentId: memo, text: SENTENCE, tags: ['directive'] });
      await createQuote(archive, { documentId: memo, text: DIRECTIVE, tags: ['ban'] });
      return results;
    });
    await goTo(page, 'Quotes');
    const cards = page.getByRole('region', { name: 'Quotes' }).getByRole('article');
    await expect.poll(() => cards.count()).toBe(2);
    // The Ledger's report quotes the directive word for word: "Where else?" lists it.
    await cards.first().getByRole('button', { name: 'Where else?' }).click();
    await expect
      .poll(() => cards.first().getByRole('list', { name: 'Other sources of this passage' }).textContent())
      .toContain('Port Alder police bar officers');
    await screenshot(page, 'quotes-board');
    await page
      .getByRole('tree', { name: 'Filter quotes by tag' })
      .getByRole('button', { name: /directive/ })
      .click();
    await expect.poll(() => cards.count()).toBe(1);
    await cards.first().getByRole('button', { name: 'Delete quote' }).click();
    await expect.poll(() => cards.count()).toBe(0);
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => cards.count()).toBe(1);
    expect(await cards.first().locator('.qc-text').textContent()).toBe(SENTENCE);
    expect(problems).toEqual([]);
  });

  it('builds a collection by ticking and dragging quotes, then exports it as a bundle that verifies', async () => {
    const { page, problems } = await open(async (archive) => {
      const results = await importSampleCase(archive);
      const memo = results.find((r) => r.path.endsWith('police-memo.pdf'))?.documentId ?? 0;
      await createQuote(archive, { documentId: memo, text: SENTENCE, tags: ['directive'] });
      await createQuote(archive, {
        documentId: memo,
        text: 'Search results already obtained must not be deleted.',
        tags: ['records'],
      });
      return results;
    });
    await goTo(page, 'Quotes');
    await page.getByLabel(/^Select all/).check();
    await page.getByRole('button', { name: 'Add to collection' }).click();
    const items = page.getByRole('list', { name: /Quotes in the collection/ }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(2);
    // Newest first on the board; drag the older quote (the sentence) to the top.
    expect(await items.nth(1).textContent()).toContain('Reporting under this paragraph');
    await items.nth(1).dragTo(items.nth(0));
    await expect.poll(() => items.nth(0).textContent()).toContain('Reporting under this paragraph');
    await page.getByLabel('Collection title').fill('What the department knew');
    await page.getByLabel('Introduction').fill('Two passages of the deputy chief’s memo.');
    await page.getByRole('button', { name: 'Save collection' }).click();
    await page.getByRole('tree', { name: 'Filter quotes by tag' }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('complementary', { name: 'Quote filters' })
          .getByRole('button', { name: /What the department knew/ })
          .count(),
      )
      .toBe(1);
    await screenshot(page, 'collection');

    await page
      .getByRole('complementary', { name: 'Collection builder' })
      .getByRole('button', { name: 'Export…' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Export quotes' });
    await expect.poll(() => dialog.locator('.preview-quotes li').count()).toBe(2);
    expect(await dialog.locator('.preview-title').textContent()).toBe('What the department knew');
    expect(await dialog.locator('.preview-quotes blockquote').first().textContent()).toBe(SENTENCE);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Write and verify bundle' }).click();
    expect((await download).suggestedFilename()).toMatch(/^exhibit-evidence-bundle-.*\.zip$/);
    await expect
      .poll(() => dialog.getByRole('region', { name: 'Export result' }).textContent())
      .toContain('Verified: every original matches its SHA-256');
    await screenshot(page, 'export');
    expect(problems).toEqual([]);
  });

  it('imports files chosen in the import view, with each file’s outcome and reason', async () => {
    const { page, problems } = await open(async () => []);
    await expect.poll(() => page.getByRole('heading', { name: 'Your archive is empty' }).count()).toBe(1);
    const view = new ImportView(page);
    await view.open();
    const dir = tempDir();
    const broken = join(dir, 'broken.pdf');
    writeFileSync(broken, '<html><body>Not found</body></html>');
    await view.chooseFiles([corpus('text', 'grimmer__07Aug2007Durbin7.txt'), broken]);
    const results = await view.results();
    expect(results).toEqual([
      { name: 'grimmer__07Aug2007Durbin7.txt', status: 'imported', reason: '' },
      {
        name: 'broken.pdf',
        status: 'failed',
        reason: expect.stringMatching(/^broken\.pdf: not a PDF/) as unknown as string,
      },
    ]);
    expect(await view.progress()).toBe(100);
    await screenshot(page, 'import');
    await page.getByRole('button', { name: 'Go to the library' }).click();
    // The release's headline, read from its face, not the file's name.
    expect(await new Library(page).titles()).toEqual([
      'Durbin Klobuchar Seek Action from CPSC Regarding Toxic Lead in Toys',
    ]);

    // A file dropped anywhere on the window is imported too, and the import view shows it.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(
        new File(['Dropped note: the council will vote on Tuesday.'], 'dropped-note.txt', { type: 'text/plain' }),
      );
      for (const type of ['dragenter', 'dragover', 'drop'])
        window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.getByRole('heading', { name: 'Import documents' }).waitFor();
    expect(await view.results()).toEqual([{ name: 'dropped-note.txt', status: 'imported', reason: '' }]);
    expect(problems).toEqual([]);
  });

  it('never runs an archived web page’s scripts, and shows archived markup as plain text', async () => {
    const dir = tempDir();
    const page1 = [
      '<!doctype html><html><head><title>Council minutes, leaked</title>',
      '<script>window.__exhibitScriptRan = true</script>',
      '<script src="https://example.com/tracker.js"></script>',
      '<link rel="stylesheet" href="https://example.com/style.css"></head>',
      '<body onload="window.__exhibitScriptRan = true">',
      '<h1>Council minutes</h1><p>The council approved the camera contract.</p>',
      '<img src="https://example.com/pixel.gif" onerror="window.__exhibitScriptRan = true">',
      '<iframe src="https://example.com/"></iframe>',
      '<a href="javascript:window.__exhibitScriptRan = true">more</a>',
      '</body></html>',
    ].join('\n');
    const notes = [
      '# Leaked notes',
      '',
      '<script>window.__exhibitScriptRan = true</script>',
      '<img src="x" onerror="window.__exhibitScriptRan = true">',
      'End of notes.',
    ].join('\n');
    writeFileSync(join(dir, 'minutes.html'), page1);
    writeFileSync(join(dir, 'leaked-notes.md'), notes);
    const { page, problems } = await open((archive) =>
      importPaths(archive, [join(dir, 'minutes.html'), join(dir, 'leaked-notes.md')], { infer: false }),
    );
    const library = new Library(page);

    await library.open('Council minutes, leaked');
    await expect
      .poll(() => page.locator('.text-page').first().textContent())
      .toContain('The council approved the camera contract.');
    const ran = () => page.evaluate(() => Reflect.get(globalThis, '__exhibitScriptRan') as unknown);
    expect(await ran()).toBeUndefined();
    expect(
      await page
        .locator('.text-viewer script, .text-viewer img, .text-viewer iframe, .text-viewer a, .text-viewer link')
        .count(),
    ).toBe(0);
    await screenshot(page, 'reader-html');

    await goTo(page, 'Library');
    const [notesTitle = ''] = (await library.titles()).filter((t) => t !== 'Council minutes, leaked');
    await library.open(notesTitle);
    await expect
      .poll(() => page.locator('.text-page').first().textContent())
      .toContain('<script>window.__exhibitScriptRan = true</script>');
    expect(await ran()).toBeUndefined();
    expect(await page.locator('.text-viewer script, .text-viewer img').count()).toBe(0);
    // Nothing was fetched from example.com (the session records any request leaving the app).
    expect(problems).toEqual([]);
  });

  it('works from the keyboard: the help sheet, the filter, opening a document and coming back', async () => {
    const { page, problems } = await open();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.getByText('Search everything').count()).toBe(1);
    expect(await help.getByText('Quote the selected text').count()).toBe(1);
    await screenshot(page, 'help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    await page.keyboard.press('f');
    await page.keyboard.type('police-memo');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('rowgroup');
    await page.keyboard.press('Enter');
    await page.locator('.reader-title h1', { hasText: MEMO }).waitFor();
    await new Reader(page).textLayer(1);
    await page.keyboard.press('n');
    await expect.poll(() => new Reader(page).currentPage()).toBe(2);
    await page.keyboard.press('Backspace');
    await page.locator('.library-main').waitFor();
    expect(await new Library(page).titles()).toEqual([MEMO]);
    expect(problems).toEqual([]);
  });

  it('quotes without a mouse: find the words, then quote the match', async () => {
    const { page, problems } = await open();
    const reader = await new Library(page).open(MEMO);
    await reader.textLayer(1);
    await reader.find('mugshot system');
    await expect.poll(() => page.locator('.find-count').textContent()).toBe('1 of 1 · p. 2');
    await page.keyboard.press('Control+Enter');
    const popover = new QuotePopover(page);
    await popover.root.waitFor();
    expect(await popover.passage()).toBe('mugshot system');
    await page.keyboard.type('tools');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await popover.root.waitFor({ state: 'detached' });
    await expect.poll(() => reader.quoteHighlights(2).count()).toBeGreaterThan(0);
    const card = page.getByRole('complementary', { name: 'Quotes in this document' }).getByRole('article');
    expect(await card.locator('.chip.accent').allTextContents()).toEqual(['tools']);
    expect(problems).toEqual([]);
  });

  it('follows the system’s dark theme', async () => {
    const { page } = await open(undefined, 'dark');
    await new Library(page).titles();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(22, 24, 27)');
    await screenshot(page, 'library-dark');
  });
});

declare const document: { body: object; activeElement: { getAttribute(name: string): string | null } | null };
declare class DataTransfer {
  items: { add(file: File): void };
}
declare const DragEvent: new (
  type: string,
  init: { dataTransfer: DataTransfer; bubbles: boolean; cancelable: boolean },
) => object;
declare const window: { dispatchEvent(event: object): boolean };
declare function getComputedStyle(element: object): { backgroundColor: string };
