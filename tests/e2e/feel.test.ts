/**
 * The renderer's "Feel", proven in Debian's Chromium: every control has a name a screen
 * reader can say and every dialog is one; a whole flow works from the keyboard alone; an
 * empty archive says what to do in every view; the views do not jump while they load; a
 * failing import reads as plain words; both themes follow the system with readable text.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createQuote } from '../../src/main/archive/index.js';
import { importSampleCase } from '../../src/main/archive/sample.js';
import { corpus } from '../helpers/archive.js';
import { haveChromium, screenshot, useExhibit, type Session } from './support/exhibit.js';
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
    const label = el.getAttribute('aria-label') || (el.labels && el.labels[0] ? el.labels[0].textContent : '');
    return (label || el.getAttribute('role') || el.localName) + '|' + (el.textContent || '').trim().slice(0, 40);
  })()`);
}

/** Whether the focused element shows a focus ring (an outline or the theme's box-shadow ring). */
async function focusRing(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  })()`);
}

/** Presses Tab `times` times; each stop must stay inside `selector` and show a focus ring. */
async function tabStops(page: Page, times: number, selector: string): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < times; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate<boolean>(
      `Boolean(document.activeElement && document.activeElement.closest(${JSON.stringify(selector)}))`,
    );
    if (!inside) out.push(`Tab ${i + 1} left ${selector}: ${await focused(page)}`);
    else if (!(await focusRing(page))) out.push(`Tab ${i + 1}: no focus ring on ${await focused(page)}`);
  }
  return out;
}

describe.skipIf(!haveChromium)('how the renderer feels, in Chromium', () => {
  const open = useExhibit();

  it('does a whole flow from the keyboard alone, with focus going back where it was', async () => {
    const { page, problems } = await open((archive) => importSampleCase(archive));
    // The first Tab stop is the skip link, with a visible ring.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a|Skip to content');
    expect(await focusRing(page)).toBe(true);

    // The help sheet: ? opens it, it lists the shortcuts, Tab stays inside, Escape returns focus.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const label of [
      'Search everything',
      'Quote the selected text',
      'Find in this document',
      'Next page',
      'Export quotes',
      'Close the panel, popover or dialog',
    ]) {
      expect(await help.getByText(label).count(), label).toBe(1);
    }
    expect(await help.locator('kbd').allTextContents()).toEqual(expect.arrayContaining(['Ctrl', 'K', '?', 'Q']));
    expect(await tabStops(page, 3, 'dialog[open]')).toEqual([]);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe('a|Skip to content');

    // Open the memo from the library: F filters, the arrow selects, Enter opens.
    await page.keyboard.press('f');
    await page.keyboard.type('police-memo');
    // The archive answers the filter; a user looks at the answer before choosing from it.
    await page.locator('.library-main[data-shown-filter="police-memo"]:not([aria-busy="true"])').waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await focusRing(page)).toBe(true);
    await page.keyboard.press('Enter');
    const reader = new Reader(page);
    await page.locator('.reader-title h1', { hasText: MEMO }).waitFor();
    await reader.textLayer(1);

    // Select with the keyboard: find the words; Q quotes the current match.
    await page.keyboard.press('Control+f');
    await page.keyboard.type('mugshot system');
    await expect.poll(() => page.locator('.find-count').textContent()).toBe('1 of 1 · p. 2');
    await page.keyboard.press('Tab');
    const from = await focused(page);
    expect(from).toBe('Previous match|');
    await page.keyboard.press('q');
    const popover = new QuotePopover(page);
    await popover.root.waitFor();
    expect(await popover.passage()).toBe('mugshot system');
    expect(await focused(page)).toMatch(/^Tags/);
    // Escape closes the popover and focus goes back to where it was.
    await page.keyboard.press('Escape');
    await popover.root.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe(from);
    await page.keyboard.press('q');
    await popover.root.waitFor();
    await page.keyboard.type('tools');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Names the vendor’s product.');
    await page.keyboard.press('Control+Enter');
    await popover.root.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe(from);
    const card = page.getByRole('complementary', { name: 'Quotes in this document' }).getByRole('article');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator('.chip.accent').allTextContents()).toEqual(['tools']);
    expect(await card.textContent()).toContain('Names the vendor’s product.');

    // Ctrl+K: type, arrow to the memo's page-2 hit, Enter lands in the reader on that page.
    await page.keyboard.press('Control+k');
    const search = new SearchPalette(page);
    await expect.poll(() => focused(page)).toBe('Search the archive|');
    await page.keyboard.type('discipline', { delay: 20 });
    await search.hits().first().waitFor();
    const titles = await search.hits().allTextContents();
    const target = titles.findIndex((t) => t.includes(MEMO) && t.includes('p. 2'));
    expect(target).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    expect(await search.hits().nth(target).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => reader.currentPage()).toBe(2);
    await expect.poll(() => reader.pdfPage(2).locator('.hl.hit-current').count()).toBeGreaterThan(0);
    expect(await focused(page)).toBe('Find in this document|');

    // Every dialog closes with Escape and gives focus back: search, export, help.
    for (const [keys, name] of [
      ['Control+k', 'Search'],
      ['Control+e', 'Export quotes'],
    ] as const) {
      await page.keyboard.press(keys);
      const dialog = page.getByRole('dialog', { name });
      await dialog.waitFor();
      expect(await tabStops(page, 4, 'dialog[open]'), name).toEqual([]);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(await focused(page), name).toBe('Find in this document|');
    }
    expect(problems).toEqual([]);
  });

  it('says what to do in every view of an empty archive, and reads a failed import in plain words', async () => {
    const { page, problems } = await open(async () => []);
    const text = (selector: string) => page.locator(selector).first().innerText();
    expect(await text('.empty-state')).toMatch(
      /Your archive is empty[\s\S]*Drop PDFs, Word files, emails, web pages or text files/,
    );
    expect(await page.getByRole('button', { name: 'Import documents' }).count()).toBe(1);
    expect(await page.getByRole('complementary', { name: 'Filters' }).innerText()).toContain(
      'No tags yet. Add them in a document’s details or when you quote.',
    );

    await goTo(page, 'Quotes');
    expect(await text('.board-main .empty-state')).toMatch(
      /No quotes yet[\s\S]*Open a document, select a passage and press Q/,
    );
    const filters = page.getByRole('complementary', { name: 'Quote filters' });
    expect(await filters.innerText()).toContain('No tags yet. Add them when you quote.');
    expect(await filters.innerText()).toContain(
      'None yet. Tick quotes, press “Add to collection”, give it a title and save.',
    );
    expect(await page.getByRole('complementary', { name: 'Collection builder' }).innerText()).toContain(
      'Tick quotes on the left and press “Add to collection”.',
    );

    await new SearchPalette(page).open();
    expect(await text('.search-hint')).toContain('Type to search the text of every document');
    await new SearchPalette(page).type('anything');
    await expect
      .poll(() => text('.search-results'))
      .toContain('Nothing found for “anything”. Check the spelling, or try fewer words or a prefix with *.');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+e');
    const exporting = page.getByRole('dialog', { name: 'Export quotes' });
    await expect
      .poll(() => exporting.getByRole('region', { name: 'Preview of the citations' }).innerText())
      .toContain('The archive holds no quotes yet. Open a document, select a passage and press Q to quote it.');
    await page.keyboard.press('Escape');

    const view = new ImportView(page);
    await view.open();
    expect(await text('.empty-state')).toContain('Load the sample case');
    await screenshot(page, 'feel-empty-import');

    // Hostile and locked files fail with one plain sentence each: no stack, no "Error:", no code names.
    await view.chooseFiles([
      corpus('pdf-bad', 'formatcorpus__encryption_openpassword.pdf'),
      corpus('hostile', 'poi__bug53475-password-is-pass.docx'),
      corpus('hostile', 'constructed__docx_zip_slip.docx'),
      corpus('hostile', 'poi__poc-xmlbomb.xlsx'),
    ]);
    const results = await view.results();
    expect(results.map((r) => r.status)).toEqual(['failed', 'failed', 'failed', 'failed']);
    for (const { name, reason } of results) {
      expect(reason, name).toMatch(/^\S.*[.!?]$/s);
      expect(reason, name).not.toMatch(
        /\bat \S+ \(|\bError:|[A-Z][a-z]+Error\b|\b(ENOENT|EACCES|SQLITE_\w+|invalid-input|not-found|too-large|corrupt:|encrypted:|unsupported:|internal:)/,
      );
      expect(reason.split('\n')).toHaveLength(1);
    }
    expect(results[0]?.reason).toMatch(/password/i);
    await screenshot(page, 'feel-import-errors');
    // Nothing else disturbed: the archive is still empty and says so.
    await page.getByRole('button', { name: 'Go to the library' }).click();
    expect(await text('.empty-state')).toContain('Your archive is empty');
    expect(problems).toEqual([]);
  });

  it('does not jump while the library, a PDF and the search palette load', async () => {
    const { page, problems } = await open((archive) => importSampleCase(archive));
    await page.addInitScript({ content: LAYOUT_SHIFT_OBSERVER });
    await page.reload();
    const library = new Library(page);
    await library.titles();
    await page.waitForTimeout(300);
    const opening = await takeShifts(page);
    expect(opening.score, `library: ${opening.sources.join('; ')}`).toBeLessThan(0.1);

    // Open the memo by its address (no input, so every shift counts), then turn the pages.
    const id = await library.row(MEMO).getAttribute('data-document-id');
    await page.evaluate(`location.hash = '#/doc/${id}'`);
    const reader = new Reader(page);
    await reader.textLayer(1);
    await page.waitForTimeout(300);
    const reading = await takeShifts(page);
    expect(reading.score, `reader: ${reading.sources.join('; ')}`).toBeLessThan(0.1);
    await page.evaluate(`document.querySelector('button[aria-label="Next page"]').click()`);
    await reader.textLayer(2);
    await expect.poll(() => reader.pdfPage(2).locator('canvas').count()).toBe(1);
    await page.evaluate(`document.querySelector('button[aria-label="Previous page"]').click()`);
    await page.waitForTimeout(300);
    const turning = await takeShifts(page);
    expect(turning.score, `page turns: ${turning.sources.join('; ')}`).toBeLessThan(0.1);

    await page.evaluate(`document.querySelector('.search-trigger').click()`);
    const search = new SearchPalette(page);
    await page.getByRole('combobox', { name: 'Search the archive' }).waitFor();
    await search.type('discipline');
    await search.hits().first().waitFor();
    await page.waitForTimeout(300);
    const searching = await takeShifts(page);
    expect(searching.score, `search: ${searching.sources.join('; ')}`).toBeLessThan(0.1);
    console.log(
      `layout shift: library ${opening.score.toFixed(4)}, reader ${reading.score.toFixed(4)}, page turns ${turning.score.toFixed(4)}, search ${searching.score.toFixed(4)}`,
    );
    expect(problems).toEqual([]);
  });

  it('has probes that do catch what they look for', async () => {
    const { page } = await open(async () => []);
    await page.evaluate(`(() => {
      const box = document.createElement('div');
      box.innerHTML = '<button id="twice"><svg></svg></button><div tabindex="0" id="twice"></div>' +
        '<div role="dialog"><p>Untitled</p></div><p>Faint words</p>';
      // Styles through the CSSOM: the app's CSP may refuse inline style attributes.
      Object.assign(box.style, { position: 'fixed', top: '0', left: '0', zIndex: '9' });
      Object.assign(box.lastElementChild.style, { color: '#bbb', background: '#fff' });
      document.body.append(box);
    })()`);
    const names = await accessibilityFindings(page, 'planted');
    expect(names.join('\n')).toMatch(/button without an accessible name/);
    expect(names.join('\n')).toMatch(
      /generic without an accessible name|without an accessible name: <div tabindex="0"/,
    );
    expect(names.join('\n')).toMatch(/dialog without a name/);
    expect(names.join('\n')).toMatch(/the id "twice" is used more than once/);
    expect((await contrastFindings(page, 'planted')).join('\n')).toMatch(/"Faint words" 1\.\d+:1/);
    // A block pushed in above the empty state moves it: the shift is counted.
    await page.evaluate(LAYOUT_SHIFT_OBSERVER);
    await takeShifts(page);
    await page.evaluate(`(() => {
      const block = document.createElement('div');
      block.style.height = '300px';
      document.querySelector('.empty-state').before(block);
    })()`);
    await page.waitForTimeout(500);
    expect((await takeShifts(page)).score).toBeGreaterThan(0);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`names every control, makes every dialog a dialog and keeps text readable in every view (${theme} theme)`, async () => {
      const { page, problems } = await open(sampleWithQuotes, theme);
      const findings: string[] = [];
      const check = async (view: string) => {
        findings.push(
          ...(await accessibilityFindings(page, view)),
          ...(await contrastFindings(page, `${view} (${theme})`)),
        );
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
      await page
        .getByRole('dialog', { name: 'Search' })
        .getByRole('button', { name: /^Filters/ })
        .click();
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
      await page
        .getByRole('list', { name: /Quotes in the collection/ })
        .getByRole('listitem')
        .first()
        .waitFor();
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

      // Keyboard focus is visible in this theme: the first Tab stops from the top of the page.
      await page.locator('body').focus();
      findings.push(...(await tabStops(page, 6, 'body')).map((f) => `focus (${theme}): ${f}`));

      expect(findings).toEqual([]);
      expect(problems).toEqual([]);
    });
  }
});
