/**
 * The built app in Electron: security facts seen from the page, then File › Import
 * Documents… (the native dialog answered in main), the document in the library and its
 * pages drawn by pdf.js over the app's protocol, a file's path through the bridge as a
 * drop gives it, and what the app remembers; then a first launch opening the sample case.
 * Skipped, saying why, where the binary (or, on Linux, a display) is absent.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExhibitBridge } from '../../src/shared/bridge.js';
import { CALL_NAMES } from '../../src/shared/contract.js';
import { readSampleManifest, sampleCaseDir } from '../../src/main/archive/sample.js';
import { findElectronBinary } from '../../scripts/electron-binary.js';
import { buildApp } from '../helpers/build-app.js';
import { corpus, tempDir } from '../helpers/archive.js';
import { Library } from './support/pages.js';
import { watchConsole } from './support/console-problems.js';

/** The page's globals as the test sees them (the test's own tsconfig has no DOM). */
interface PageWindow {
  exhibit: ExhibitBridge;
  location: { href: string };
  open(url: string): unknown;
}
interface FileInput {
  type: string;
  id: string;
  files: ArrayLike<File> | null;
}
declare const window: PageWindow;
declare const document: {
  createElement(tag: 'input'): FileInput;
  querySelector(selector: string): FileInput | null;
  body: { appendChild(node: FileInput): unknown };
};

/** Why the test cannot run here, or null. */
function skipReason(): string | null {
  const binary = findElectronBinary();
  if (!binary.path) return binary.reason;
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    return 'no display (DISPLAY and WAYLAND_DISPLAY are unset): run it under a desktop session or xvfb-run';
  }
  return null;
}

const binary = findElectronBinary();
const skip = skipReason();
if (skip) console.log(`Electron end-to-end test skipped: ${skip}.`);

/** Launches the built app (out/main/index.js of this test's build) with its own userData. */
function launch(outDir: string, userData: string, env: Record<string, string> = {}): Promise<ElectronApplication> {
  const inherited = { ...process.env };
  // Either would change what runs: Node instead of the app, or a dev server's page instead of the build.
  delete inherited['ELECTRON_RUN_AS_NODE'];
  delete inherited['ELECTRON_RENDERER_URL'];
  return electron.launch({
    executablePath: binary.path ?? '',
    args: [
      join(outDir, 'main', 'index.js'),
      ...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
    env: { ...inherited, EXHIBIT_USER_DATA: userData, ...env },
    timeout: 60_000,
  });
}

/** Page errors, console errors and warnings. */
function watchProblems(page: Page): string[] {
  return watchConsole(page);
}

describe.skipIf(skip !== null)('the desktop app (Electron)', () => {
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
      app = await launch(outDir, userData, { EXHIBIT_ARCHIVE: archivePath });
      const page = await app.firstWindow();
      const problems = watchProblems(page);
      await page.waitForLoadState('domcontentloaded');

      // The page runs on the app's own protocol, without Node, with only the contract exposed.
      expect(page.url()).toBe('exhibit://app/index.html');
      const globals = await page.evaluate(() => ({
        require: typeof Reflect.get(window, 'require'),
        process: typeof Reflect.get(window, 'process'),
        bridge: Object.keys(window.exhibit).sort(),
        calls: Object.keys(window.exhibit.calls).length,
      }));
      expect(globals).toEqual({
        require: 'undefined',
        process: 'undefined',
        bridge: ['calls', 'on', 'pathForFile'],
        calls: CALL_NAMES.length,
      });
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
      const documents = async () => {
        const result = await page.evaluate(() => window.exhibit.calls['documents.list']({}));
        return result?.ok ? result.value.map((d) => ({ fileName: d.fileName, title: d.title })) : [];
      };
      await expect
        .poll(async () => (await documents()).map((d) => d.fileName), { timeout: 30_000 })
        .toEqual(['pdfplumber__scotus-transcript-p1.pdf']);
      const title = (await documents())[0]?.title ?? '';
      await expect.poll(() => page.getByText(title).count(), { timeout: 10_000 }).toBeGreaterThan(0);

      // The reader draws it: pdf.js's worker, CMaps and fonts served by exhibit:// under the CSP.
      const reader = await new Library(page).open(title);
      expect(await reader.textLayer(1)).toContain('SUPREME');

      // A path the user did not hand over is refused by the preload, even from the page itself.
      const letter = corpus('text', 'grimmer__07Aug2007Durbin7.txt');
      const forged = await page.evaluate(
        (path) => window.exhibit.calls['import.paths']({ jobId: 'forged', paths: [path] }),
        letter,
      );
      expect(forged).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      // The renderer's own Import button: shell.chooseImportFiles (dialog answered in main), then import.paths with progress.
      await app.evaluate(({ dialog }, path) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [path] })) as typeof dialog.showOpenDialog;
      }, letter);
      const chosen = await page.evaluate(async () => {
        const events: { done: number; total: number }[] = [];
        const off = window.exhibit.on('import.progress', (p) => events.push({ done: p.done, total: p.total }));
        const paths = await window.exhibit.calls['shell.chooseImportFiles']({});
        const result = paths.ok
          ? await window.exhibit.calls['import.paths']({ jobId: 'chosen-1', paths: paths.value })
          : paths;
        off();
        return { result, last: events.at(-1) ?? null };
      });
      expect(chosen.result).toMatchObject({ ok: true, value: [{ status: 'imported' }] });
      expect(chosen.last).toEqual({ done: 1, total: 1 });

      // A file as a drop hands it over (a File with a real path): webUtils.getPathForFile in the preload, then import.paths accepts it.
      const email = corpus('eml', 'mailparser__nested.eml');
      await page.evaluate(() => {
        const input = document.createElement('input');
        input.type = 'file';
        input.id = 'e2e-file';
        document.body.appendChild(input);
      });
      await page.setInputFiles('#e2e-file', email);
      const dropped = await page.evaluate(async () => {
        const file = document.querySelector('#e2e-file')?.files?.[0];
        const path = file ? window.exhibit.pathForFile(file) : '';
        return { path, result: await window.exhibit.calls['import.paths']({ jobId: 'dropped-1', paths: [path] }) };
      });
      expect(dropped.path).toBe(email);
      expect(dropped.result).toMatchObject({ ok: true, value: [{ status: 'imported' }] });
      await expect.poll(async () => (await documents()).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);

      // A bad payload comes back as a typed error, not an exception.
      const bad = await page.evaluate(() => window.exhibit.calls['documents.get']({ id: -1 }));
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(problems).toEqual([]);
    } finally {
      await app?.close();
    }
    // What the next launch starts from.
    const settings = JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')) as {
      lastArchive: string;
      recent: string[];
      windowBounds: unknown;
    };
    expect(settings.lastArchive).toBe(archivePath);
    expect(settings.recent).toEqual([archivePath]);
    expect(settings.windowBounds).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
  });

  it('opens the sample case on first launch', async () => {
    const userData = tempDir();
    let app: ElectronApplication | null = null;
    try {
      app = await launch(outDir, userData);
      const page = await app.firstWindow();
      const count = async () => {
        const result = await page.evaluate(() => window.exhibit.calls['documents.list']({}));
        return result?.ok ? result.value.length : 0;
      };
      const stated = Object.keys(readSampleManifest(sampleCaseDir()).documents).length;
      await expect.poll(count, { timeout: 60_000 }).toBe(stated);
      const info = await page.evaluate(() => window.exhibit.calls['archive.info']({}));
      expect(info).toMatchObject({ ok: true, value: { path: join(userData, 'Sample Case.exhibit') } });
    } finally {
      await app?.close();
    }
  });
});
