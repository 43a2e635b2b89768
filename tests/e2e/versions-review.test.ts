/**
 * Issue 13 in the interface, in Debian's Chromium over the development server and the real
 * core: one Senate release imported as HTML, PDF and TXT is one library row and one search
 * hit, each saying "also in …"; the details panel shows what was read from its face, and a
 * click on a field's source words opens the reader with them highlighted; a suggestion is
 * accepted there; the Review metadata view is walked with the keyboard (J/K, R with Undo, A,
 * Enter) to its empty state. Light and dark; the console stays clean (useExhibit).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths, type Archive } from '../../src/main/archive/index.js';
import { ROOT, tempDir } from '../helpers/archive.js';
import { haveChromium, screenshot, useExhibit } from './support/exhibit.js';
import { Library, SearchPalette } from './support/pages.js';

const TRIO = ['html', 'pdf', 'txt'].map((ext) => join(ROOT, `tests/fixtures/versions/obama-irs-release.${ext}`));
const TITLE = 'Obama Calls on IRS to Protect Taxpayers';
const NOTES = ['Notes on the budget', 'Notes on the archive', 'Notes on the backlog'];

/** The release three ways, then three notes whose type is only suggested (nothing on their face says it). */
async function prepare(archive: Archive): Promise<void> {
  const dir = tempDir();
  const notes = NOTES.map((subject, i) => {
    const path = join(dir, `note-${i}.txt`);
    writeFileSync(path, `${subject}\n\nApril 6, 2016\n\nThe committee met to discuss ${subject.toLowerCase()}.\n`);
    return path;
  });
  for (const r of await importPaths(archive, [...TRIO, ...notes]))
    if (r.status !== 'imported') throw new Error(`${r.path}: ${r.error}`);
}

describe.skipIf(!haveChromium)('versions and metadata read from the face (issue 13)', () => {
  const open = useExhibit();

  for (const scheme of ['light', 'dark'] as const) {
    it(`groups versions, shows the evidence and walks the review by keyboard (${scheme})`, async () => {
      const { page } = await open(prepare, scheme);
      const library = new Library(page);

      // One row for the three files, naming the other two.
      const row = library.row(TITLE);
      await expect.poll(() => row.count()).toBe(1);
      await expect.poll(() => row.locator('.also-in').innerText()).toBe('also in PDF, Text');
      await expect.poll(() => page.locator('.library-main .count').innerText()).toMatch(/^4 rows for 6 documents/);

      // One search hit for the three, naming the others.
      const search = new SearchPalette(page);
      await search.open();
      await search.type('Everson');
      const hits = search.hits();
      await expect.poll(() => hits.count()).toBe(1);
      await expect.poll(() => hits.first().locator('.also-in').innerText()).toMatch(/^also in /);
      await page.keyboard.press('Escape');

      // The details panel: the date with its precision and source words; a click shows them highlighted.
      await row.click();
      const details = page.getByRole('complementary', { name: 'Document details' });
      const date = details.locator('.inference[data-field="date"]');
      await expect.poll(() => date.locator('.inference-value').innerText()).toBe('9 Apr 2007 (to the day)');
      await expect.poll(() => details.getByRole('heading', { name: 'File dates' }).count()).toBe(1);
      await screenshot(page, `versions-details-${scheme}`);
      await date.getByRole('button', { name: /Monday, April 9, 2007/ }).click();
      const mark = page.locator('.hl-inline.source');
      await expect.poll(() => mark.innerText()).toBe('Monday, April 9, 2007');
      await screenshot(page, `versions-source-${scheme}`);

      // A suggestion accepted in the details panel becomes the person's.
      await page.goto(page.url().replace(/#.*$/, '#/library'));
      await library.row(NOTES[0] ?? '').click();
      const type = details.locator('.inference[data-field="type"]');
      await expect.poll(() => type.locator('.inference-status').innerText()).toBe('suggested');
      await type.getByRole('button', { name: 'Accept' }).click();
      await expect
        .poll(() => details.locator('.inference[data-field="type"] .inference-status').innerText())
        .toBe('applied');
      await expect.poll(() => details.locator('.inference[data-field="type"]').innerText()).toContain('yours');

      // Review metadata: the two notes left, one at a time, keyboard only.
      await page.keyboard.press('Alt+4');
      const count = page.locator('.review-count');
      const heading = page.locator('.review-document h2');
      // A and R act on the current suggestion, named once the document's inferences are read.
      const current = page.locator('.review-current', { hasText: 'Type' });
      await expect.poll(() => count.innerText()).toBe('Document 1 of 2 with open suggestions');
      await expect.poll(() => heading.innerText()).toContain(NOTES[1]);
      await page.keyboard.press('j');
      await expect.poll(() => count.innerText()).toBe('Document 2 of 2 with open suggestions');
      await expect.poll(() => heading.innerText()).toContain(NOTES[2]);
      await page.keyboard.press('k');
      await expect.poll(() => heading.innerText()).toContain(NOTES[1]);
      await screenshot(page, `review-${scheme}`);
      // Enter opens the document (a type has no source words), and the view comes back where it was.
      await page.keyboard.press('Enter');
      await page.locator('.reader-title h1', { hasText: NOTES[1] ?? '' }).waitFor();
      await page.keyboard.press('Alt+4');
      await expect.poll(() => count.innerText()).toBe('Document 1 of 2 with open suggestions');
      // R rejects; Undo in the toast puts it back.
      await current.waitFor();
      await page.keyboard.press('r');
      await expect.poll(() => count.innerText()).toBe('Document 1 of 1 with open suggestions');
      await expect.poll(() => heading.innerText()).toContain(NOTES[2]);
      await page.locator('.toast', { hasText: 'Type rejected.' }).getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => count.innerText()).toBe('Document 1 of 2 with open suggestions');
      await current.waitFor();
      await page.keyboard.press('a');
      await expect.poll(() => count.innerText()).toBe('Document 1 of 1 with open suggestions');
      await current.waitFor();
      await page.keyboard.press('a');
      await expect.poll(() => page.getByRole('heading', { name: 'No suggestions to review' }).count()).toBe(1);
    });
  }
});
