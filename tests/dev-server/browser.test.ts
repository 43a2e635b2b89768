import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgressEvent } from '../../src/shared/contract.js';
import { importPaths } from '../../src/main/archive/index.js';
import { startDevServer, type DevServer } from '../../src/main/dev-server/server.js';
import { ArchiveSession } from '../../src/main/ipc/session.js';
import { corpus, tempArchive } from '../helpers/archive.js';
import { buildApp } from '../helpers/build-app.js';
import { watchConsole } from '../e2e/support/console-problems.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.log(`dev-server browser test skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);

describe.skipIf(!haveChromium)('the built renderer in Chromium over the development server', () => {
  let browser: Browser;
  let outDir = '';

  beforeAll(async () => {
    outDir = await buildApp();
    browser = await chromium.launch({
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
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('loads under its CSP, shows the archive, and carries calls and events for the page', async () => {
    const archive = await tempArchive();
    await importPaths(archive, [corpus('text', 'grimmer__07Aug2007Durbin7.txt')], { infer: false });
    let server: DevServer | null = null;
    const page = await browser.newPage();
    try {
      server = await startDevServer({ session: new ArchiveSession(archive), rendererDir: join(outDir, 'renderer') });
      const problems: string[] = [];
      watchConsole(page, problems);
      await page.goto(server.url);
      await expect.poll(() => page.getByText('grimmer__07Aug2007Durbin7').count()).toBeGreaterThan(0);

      // From the page, with only the cookie the first load set: a call, its validation, its events.
      const letter = corpus('text', 'grimmer__08Jul2005Carper11.txt');
      const seen = await page.evaluate(async (path) => {
        const events: unknown[] = [];
        const source = new EventSource('/api/events');
        source.addEventListener('import.progress', (m) =>
          events.push(JSON.parse((m as unknown as { data: string }).data)),
        );
        await new Promise((resolve) => source.addEventListener('open', resolve, { once: true }));
        const post = (body: unknown) =>
          fetch('/api/call/import.paths', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }).then((r) => r.json() as Promise<{ ok: boolean; error?: { code: string } }>);
        const bad = await post({ jobId: 'page-1', paths: 'not a list' });
        const good = await post({ jobId: 'page-1', paths: [path] });
        for (let i = 0; i < 50 && events.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
        source.close();
        return { bad, good, events };
      }, letter);
      expect(seen.bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(seen.good).toMatchObject({ ok: true });
      expect((seen.events as ImportProgressEvent[]).map((e) => [e.jobId, e.done, e.total])).toEqual([
        ['page-1', 0, 1],
        ['page-1', 1, 1],
      ]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
      await server?.close();
    }
  });
});
