/**
 * The built app in Electron: security facts seen from the page, then File › Import
 * Documents… (the native dialog answered in main) and the document in the library,
 * then a drop's path through the bridge. Skipped, saying why, where the binary is absent.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExhibitBridge } from '../../src/shared/bridge.js';
import { CALL_NAMES } from '../../src/shared/contract.js';
import { findElectronBinary } from '../../scripts/electron-binary.js';
import { buildApp } from '../helpers/build-app.js';
import { corpus, tempDir } from '../helpers/archive.js';

/** The page's globals as the test sees them (the test's own tsconfig has no DOM). */
interface PageWindow {
  exhibit: ExhibitBridge;
  location: { href: string };
  open(url: string): unknown;
}
declare const window: PageWindow;

const binary = findElectronBinary();
if (!binary.path) console.log(`Electron end-to-end test skipped: ${binary.reason}.`);

describe.skipIf(!binary.path)('the desktop app (Electron)', () => {
  let outDir = '';
  beforeAll(async () => {
    outDir = await buildApp();
  }, 180_000);
  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('opens locked down, imports a document from the menu and shows it in the library', async () => {
    const userData = tempDir();
    const archivePath = join(userData, 'e2e.exhibit');
    let app: ElectronApplication | null = null;
    try {
      app = await electron.launch({
        executablePath: binary.path ?? '',
        args: [join(outDir, 'main', 'index.js'), ...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
        env: { ...process.env, EXHIBIT_USER_DATA: userData, EXHIBIT_ARCHIVE: archivePath },
      });
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');

      // The page runs on the app's own protocol, without Node, with only the contract exposed.
      expect(page.url()).toBe('exhibit://app/index.html');
      const globals = await page.evaluate(() => ({
        require: typeof Reflect.get(window, 'require'),
        process: typeof Reflect.get(window, 'process'),
        bridge: Object.keys(window.exhibit).sort(),
        calls: Object.keys(window.exhibit.calls).length,
      }));
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: ['calls', 'on', 'pathForFile'], calls: CALL_NAMES.length });
      // window.open and navigation away are refused.
      expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true);
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe('exhibit://app/index.html');

      // File › Import Documents…, with the open dialog answered in main.
      const memo = corpus('pdf-good', 'pdfplumber__scotus-transcript-p1.pdf');
      await app.evaluate(({ dialog, Menu }, path) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [path] })) as typeof dialog.showOpenDialog;
        Menu.getApplicationMenu()?.getMenuItemById('import')?.click();
      }, memo);
      const list = async () => {
        const result = await page.evaluate(() => window.exhibit.calls['documents.list']({}));
        return result?.ok ? result.value.map((d) => d.fileName) : [];
      };
      await expect.poll(list, { timeout: 30_000 }).toEqual(['pdfplumber__scotus-transcript-p1.pdf']);
      const title = await page.evaluate(async () => {
        const result = await window.exhibit.calls['documents.get']({ id: 1 });
        return result?.ok ? result.value.title : '';
      });
      await expect.poll(() => page.getByText(title).count(), { timeout: 10_000 }).toBeGreaterThan(0);

      // A path the user did not hand over is refused by the preload, even from the page itself.
      const letter = corpus('text', 'grimmer__07Aug2007Durbin7.txt');
      const forged = await page.evaluate((path) => window.exhibit.calls['import.paths']({ jobId: 'forged', paths: [path] }), letter);
      expect(forged).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      // The renderer's own Import button: shell.chooseImportFiles (dialog answered in main), then import.paths with progress.
      await app.evaluate(({ dialog }, path) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [path] })) as typeof dialog.showOpenDialog;
      }, letter);
      const chosen = await page.evaluate(async () => {
        const events: unknown[] = [];
        const off = window.exhibit.on('import.progress', (p) => events.push(p));
        const paths = await window.exhibit.calls['shell.chooseImportFiles']({});
        const result = paths.ok ? await window.exhibit.calls['import.paths']({ jobId: 'chosen-1', paths: paths.value }) : paths;
        off();
        return { result, events: events.length };
      });
      expect(chosen.result).toMatchObject({ ok: true, value: [{ status: 'imported' }] });
      expect(chosen.events).toBe(2);
      await expect.poll(() => page.getByText('grimmer__07Aug2007Durbin7').count(), { timeout: 10_000 }).toBeGreaterThan(0);

      // A bad payload comes back as a typed error, not an exception.
      const bad = await page.evaluate(() => window.exhibit.calls['documents.get']({ id: -1 }));
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    } finally {
      await app?.close();
    }
  });
});
