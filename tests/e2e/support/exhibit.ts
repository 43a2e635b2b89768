/**
 * Exhibit in a real browser for end-to-end tests: the renderer built once per test file,
 * a temp archive, the development server (the real dispatcher and core) and Debian's
 * Chromium. Each test gets a fresh archive and page.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Archive } from '../../../src/main/archive/index.js';
import { startDevServer, type DevServer } from '../../../src/main/dev-server/server.js';
import { ArchiveSession } from '../../../src/main/ipc/session.js';
import { ROOT, tempArchive } from '../../helpers/archive.js';
import { buildApp } from '../../helpers/build-app.js';
import { watchConsole } from './console-problems.js';

export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.log(`renderer end-to-end tests skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);

/** Where screenshots of the main views go (gitignored test artifacts). */
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

export interface Harness {
  browser: Browser;
  rendererDir: string;
  close(): Promise<void>;
}

/** Builds the app and starts Chromium (once per test file). */
export async function startHarness(): Promise<Harness> {
  const outDir = await buildApp();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    browser,
    rendererDir: join(outDir, 'renderer'),
    async close() {
      await browser.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  page: Page;
  archive: Archive;
  server: DevServer;
  /** Uncaught errors, console errors and warnings, and requests that left the machine. */
  problems: string[];
  close(): Promise<void>;
}

/** A fresh archive (filled by `prepare`), served to a new page, opened at the library. */
export async function openExhibit(
  harness: Harness,
  prepare: (archive: Archive) => Promise<unknown> = async () => undefined,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<Session> {
  const archive = await tempArchive();
  await prepare(archive);
  const server = await startDevServer({ session: new ArchiveSession(archive), rendererDir: harness.rendererDir });
  const context = await harness.browser.newContext({
    viewport: { width: 1360, height: 860 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems = watchConsole(page);
  page.on('request', (request) => {
    if (
      !request.url().startsWith(server.origin) &&
      !request.url().startsWith('blob:') &&
      !request.url().startsWith('data:')
    ) {
      problems.push(`request outside the app: ${request.url()}`);
    }
  });
  await page.goto(server.url);
  // Ready when the library has read the archive: its table or its empty state is shown.
  await page.locator('.lt-body, .empty-state').first().waitFor();
  return {
    page,
    archive,
    server,
    problems,
    async close() {
      await context.close();
      await server.close();
    },
  };
}

/**
 * For a describe block: one harness for all its tests, and `open`, which closes the
 * previous test's session and opens a fresh archive filled by `prepare`. A test whose
 * page logged an error or a warning, or reached outside the app, fails.
 */
export function useExhibit(): (
  prepare?: (archive: Archive) => Promise<unknown>,
  colorScheme?: 'light' | 'dark',
) => Promise<Session> {
  let harness: Harness | undefined;
  let session: Session | null = null;
  beforeAll(async () => {
    harness = await startHarness();
  }, 180_000);
  afterEach(() => {
    expect(session?.problems ?? [], 'the page logged problems').toEqual([]);
  });
  afterAll(async () => {
    await session?.close();
    await harness?.close();
  });
  return async (prepare, colorScheme = 'light') => {
    if (!harness) throw new Error('useExhibit: the harness did not start');
    await session?.close();
    session = await openExhibit(harness, prepare, { colorScheme });
    return session;
  };
}

/** Saves a screenshot of the page as a test artifact. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
