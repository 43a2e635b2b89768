/**
 * The renderer end to end, in Debian's Chromium, over the development server and the real
 * core on a temp archive holding the sample case: the library, the PDF reader and its text
 * layer, quoting a mouse selection, importing through the UI, and archived markup that must
 * never run. Screenshots of the main views are saved under test-results/screenshots/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../src/main/archive/index.js';
import { importSampleCase } from '../../src/main/archive/sample.js';
import { corpus, tempDir } from '../helpers/archive.js';
import { haveChromium, openExhibit, screenshot, startHarness, type Harness, type Session } from './support/exhibit.js';
import { ImportView, Library, SearchPalette } from './support/pages.js';

const MEMO = 'Memorandum: Use of third-party facial-recognition services';
const REVIEW = 'After the memo: how face-search trials spread through Port Alder’s police';
const SENTENCE = 'Reporting under this paragraph will not by itself lead to discipline.';

describe.skipIf(!haveChromium)('the renderer in Chromium', () => {
  let harness: Harness;
  let session: Session | null = null;

  beforeAll(async () => {
    harness = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });

  async function open(prepare = (archive: Session['archive']) => importSampleCase(archive), colorScheme: 'light' | 'dark' = 'light') {
    await session?.close();
    session = await openExhibit(harness, prepare, { colorScheme });
    return session;
  }

  afterAll(async () => {
    await session?.close();
  });

  it('lists the sample case in the library, sorted and filtered on the spot', async () => {
    const { page, problems } = await open();
    const library = new Library(page);
    const titles = await library.titles();
    expect(titles).toContain(MEMO);
    expect(titles.length).toBeGreaterThanOrEqual(2);
    // Newest first by default: the civic review (25 Nov) before the memo (13 Nov), which is the oldest.
    expect(titles[0]).toBe(REVIEW);
    expect(titles[titles.length - 1]).toBe(MEMO);
    await page.getByRole('columnheader', { name: 'Title' }).getByRole('button').click();
    const byTitle = await library.titles();
    expect(byTitle).toEqual([...byTitle].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
    await library.filter('memorandum');
    expect(await library.titles()).toEqual([MEMO]);
    await library.filter('');
    await library.row(MEMO).click();
    await expect.poll(() => page.getByRole('complementary', { name: 'Document details' }).getByLabel('Title').inputValue()).toBe(MEMO);
    await screenshot(page, 'library');
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
      { name: 'broken.pdf', status: 'failed', reason: expect.stringMatching(/^broken\.pdf: not a PDF/) as unknown as string },
    ]);
    expect(await view.progress()).toBe(100);
    await screenshot(page, 'import');
    await page.getByRole('button', { name: 'Go to the library' }).click();
    expect(await new Library(page).titles()).toEqual(['grimmer__07Aug2007Durbin7']);
    expect(problems).toEqual([]);
  });

  it('shows archived markup as plain text and never runs its scripts', async () => {
    const dir = tempDir();
    const hostile = [
      '# Leaked notes',
      '',
      '<script>window.__exhibitScriptRan = true</script>',
      '<img src="x" onerror="window.__exhibitScriptRan = true">',
      '<iframe src="https://example.com/"></iframe>',
      'End of notes.',
    ].join('\n');
    writeFileSync(join(dir, 'leaked-notes.md'), hostile);
    const { page, problems } = await open((archive) => importPaths(archive, [join(dir, 'leaked-notes.md')]));
    const library = new Library(page);
    const [title = ''] = await library.titles();
    await library.open(title);
    const text = page.locator('.text-page');
    await expect.poll(() => text.textContent()).toContain('<script>window.__exhibitScriptRan = true</script>');
    expect(await page.evaluate(() => Reflect.get(globalThis, '__exhibitScriptRan'))).toBeUndefined();
    expect(await page.locator('.text-page script, .text-page img, .text-page iframe').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('says plainly when search is not available rather than failing', async () => {
    const { page } = await open();
    const search = new SearchPalette(page);
    await search.open();
    await search.type('discipline');
    await expect.poll(() => search.message().textContent()).toMatch(/not available in this version yet|result/);
    await screenshot(page, 'search');
  });

  it('follows the system’s dark theme', async () => {
    const { page } = await open(undefined, 'dark');
    await new Library(page).titles();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(22, 24, 27)');
    await screenshot(page, 'library-dark');
  });
});

declare const document: { body: object };
declare function getComputedStyle(element: object): { backgroundColor: string };
