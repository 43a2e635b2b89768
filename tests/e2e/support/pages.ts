/**
 * Page objects: what a user does in Exhibit, in the user's words. Tests read as steps
 * ("open the document", "select the sentence", "quote it with a tag"); the selectors live here.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** The page's globals the tests touch (the test's tsconfig has no DOM). */
interface PageWindow {
  getSelection(): { toString(): string; removeAllRanges(): void } | null;
}
declare const window: PageWindow;
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  createRange(): PageRange;
  createTreeWalker(root: PageElement, what: number): { nextNode(): PageText | null };
};
interface PageElement {
  textContent: string | null;
  getBoundingClientRect(): Rect;
}
interface PageText {
  data: string;
  parentElement: PageElement | null;
}
interface PageRange {
  setStart(node: PageText, offset: number): void;
  setEnd(node: PageText, offset: number): void;
  getClientRects(): ArrayLike<Rect>;
}
interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/** Switches view with the top bar. */
export async function goTo(page: Page, view: 'Library' | 'Quotes' | 'Import'): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();
}

export class Library {
  constructor(readonly page: Page) {}

  /** The rows' titles, as shown. */
  async titles(): Promise<string[]> {
    // The rows of the current order and filter (the library marks itself busy while they load).
    await this.page.locator('.library-main:not([aria-busy="true"]) .lt-body [role="row"]').first().waitFor();
    return this.page.locator('.lt-body [role="row"] .col-title .cell-text').allInnerTexts();
  }

  row(title: string): Locator {
    return this.page.locator('.lt-body [role="row"]', { hasText: title });
  }

  async open(title: string): Promise<Reader> {
    await this.row(title).dblclick();
    const reader = new Reader(this.page);
    await this.page.locator('.reader-title h1', { hasText: title }).waitFor();
    return reader;
  }

  async filter(text: string): Promise<void> {
    await this.page.getByLabel('Filter documents by title, author or file name').fill(text);
  }
}

export class Reader {
  constructor(readonly page: Page) {}

  /** A PDF page's box. */
  pdfPage(n: number): Locator {
    return this.page.locator(`.pdf-page[data-page-number="${n}"]`);
  }

  /** Waits until page n's text layer is drawn; returns its text. */
  async textLayer(n: number): Promise<string> {
    const layer = this.pdfPage(n).locator('.textLayer');
    await this.pdfPage(n).scrollIntoViewIfNeeded();
    await layer.locator('span').first().waitFor();
    return (await layer.textContent()) ?? '';
  }

  async goToPage(n: number): Promise<void> {
    const input = this.page.getByLabel(/^Page number/);
    await input.fill(String(n));
    await input.press('Enter');
  }

  /**
   * Selects `sentence` on PDF page n with the mouse: presses at the first character,
   * drags to the last, releases (as a person does).
   */
  async selectWithMouse(n: number, sentence: string): Promise<void> {
    await this.textLayer(n);
    const box = await this.page.evaluate(
      ({ pageNumber, text }) => {
        const layer = document.querySelector(`.pdf-page[data-page-number="${pageNumber}"] .textLayer`);
        if (!layer) return null;
        const walker = document.createTreeWalker(layer, 4);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.data.indexOf(text);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          const first = range.getClientRects()[0];
          range.setStart(node, at + text.length - 1);
          range.setEnd(node, at + text.length);
          const last = range.getClientRects()[0];
          if (!first || !last) return null;
          return {
            x1: first.left + 1,
            y1: first.top + first.height / 2,
            x2: last.right - 1,
            y2: last.top + last.height / 2,
          };
        }
        return null;
      },
      { pageNumber: n, text: sentence },
    );
    if (!box) throw new Error(`"${sentence}" is not on one line of page ${n}'s text layer`);
    await this.page.mouse.move(box.x1, box.y1);
    await this.page.mouse.down();
    await this.page.mouse.move((box.x1 + box.x2) / 2, box.y2, { steps: 5 });
    await this.page.mouse.move(box.x2, box.y2, { steps: 5 });
    await this.page.mouse.up();
  }

  /** What the browser itself has selected. */
  async selectedText(): Promise<string> {
    return this.page.evaluate(() => window.getSelection()?.toString() ?? '');
  }

  /** Presses Q and waits for the quoting popover. */
  async startQuote(): Promise<QuotePopover> {
    await this.page.locator('.selection-quote').waitFor();
    await this.page.keyboard.press('q');
    const popover = new QuotePopover(this.page);
    await popover.root.waitFor();
    return popover;
  }

  /** Highlight boxes drawn for saved quotes on page n. */
  quoteHighlights(n: number): Locator {
    return this.pdfPage(n).locator('.hl.quote, .hl.quote-active');
  }

  async find(text: string): Promise<void> {
    await this.page.keyboard.press('Control+f');
    await this.page.getByRole('searchbox', { name: 'Find in this document' }).fill(text);
  }

  async currentPage(): Promise<number> {
    return Number(await this.page.getByLabel(/^Page number/).inputValue());
  }
}

export class QuotePopover {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Quote' });
  }

  async passage(): Promise<string> {
    return (await this.root.locator('.qp-text').textContent()) ?? '';
  }

  async addTag(tag: string): Promise<void> {
    const input = this.root.getByRole('combobox', { name: 'Tags for this quote' });
    await input.fill(tag);
    await input.press('Enter');
    await expect.poll(() => this.root.locator('.chip.accent', { hasText: tag }).count()).toBe(1);
  }

  async writeNote(note: string): Promise<void> {
    await this.root.getByLabel('Note').fill(note);
  }

  async save(): Promise<void> {
    await this.root.getByRole('button', { name: 'Save quote' }).click();
  }

  async error(): Promise<string> {
    return (await this.root.getByRole('alert').textContent()) ?? '';
  }
}

export class ImportView {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await goTo(this.page, 'Import');
    await this.page.getByRole('heading', { name: 'Import documents' }).waitFor();
  }

  /** Chooses files through the "Choose files…" input, as the file picker would. */
  async chooseFiles(paths: string[]): Promise<void> {
    await this.page.getByTestId('import-file-input').setInputFiles(paths);
  }

  /** Waits for the batch to finish; returns each file's status and reason. */
  async results(): Promise<{ name: string; status: string; reason: string }[]> {
    await this.page.getByRole('button', { name: 'Go to the library' }).waitFor({ timeout: 30_000 });
    const rows = this.page.locator('.file-row');
    const out: { name: string; status: string; reason: string }[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      out.push({
        name: (await row.locator('.file-name').textContent()) ?? '',
        status: (await row.getAttribute('data-status')) ?? '',
        reason: (await row.locator('.file-reason').count())
          ? ((await row.locator('.file-reason').textContent()) ?? '')
          : '',
      });
    }
    return out;
  }

  async progress(): Promise<number> {
    return Number(await this.page.getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow'));
  }
}

export class SearchPalette {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await this.page.getByRole('combobox', { name: 'Search the archive' }).waitFor();
  }

  async type(query: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Search the archive' }).pressSequentially(query, { delay: 30 });
  }

  hits(): Locator {
    return this.page.getByRole('listbox', { name: 'Results' }).getByRole('option');
  }

  message(): Locator {
    return this.page.locator('.search-results');
  }
}
