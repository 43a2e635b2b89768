import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  loadSettings,
  MAX_RECENT,
  saveSettings,
  visibleBounds,
  withRecent,
} from '../../src/main/shell/settings.js';
import { tempDir } from '../helpers/archive.js';

describe('remembered settings', () => {
  it('round-trips window bounds, last archive, recent list and theme', () => {
    const file = join(tempDir(), 'nested', 'settings.json');
    const settings = {
      ...withRecent(defaultSettings(), '/cases/a.exhibit'),
      theme: 'dark' as const,
      windowBounds: { x: 10, y: 20, width: 1000, height: 700, maximized: true },
    };
    saveSettings(file, settings);
    expect(loadSettings(file)).toEqual(settings);
  });

  it('falls back to defaults for a missing or damaged file, keeping the fields that are fine', () => {
    const dir = tempDir();
    expect(loadSettings(join(dir, 'none.json'))).toEqual(defaultSettings());
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ not json');
    expect(loadSettings(broken)).toEqual(defaultSettings());
    const partly = join(dir, 'partly.json');
    writeFileSync(
      partly,
      JSON.stringify({ theme: 'neon', lastArchive: '/cases/b.exhibit', windowBounds: { x: 'left' }, recent: 'nope' }),
    );
    expect(loadSettings(partly)).toEqual({ ...defaultSettings(), lastArchive: '/cases/b.exhibit' });
    expect(readFileSync(partly, 'utf8')).toContain('neon');
  });

  it('keeps recent archives unique, newest first, at most ten', () => {
    let s = defaultSettings();
    for (let i = 0; i < 12; i++) s = withRecent(s, `/cases/${i}.exhibit`);
    s = withRecent(s, '/cases/5.exhibit');
    expect(s.recent).toHaveLength(MAX_RECENT);
    expect(s.recent.slice(0, 3)).toEqual(['/cases/5.exhibit', '/cases/11.exhibit', '/cases/10.exhibit']);
    expect(new Set(s.recent).size).toBe(s.recent.length);
    expect(s.lastArchive).toBe('/cases/5.exhibit');
  });

  it('forgets bounds that are off every display (a monitor was unplugged)', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    const bounds = { x: 100, y: 100, width: 1200, height: 800, maximized: false };
    expect(visibleBounds(bounds, displays)).toEqual(bounds);
    expect(visibleBounds({ ...bounds, x: 2500 }, displays)).toBeNull();
    expect(visibleBounds({ ...bounds, y: -900 }, displays)).toBeNull();
    expect(visibleBounds({ ...bounds, x: 2500 }, [...displays, { x: 1920, y: 0, width: 2560, height: 1440 }])).toEqual({
      ...bounds,
      x: 2500,
    });
    expect(visibleBounds(null, displays)).toBeNull();
  });

  it('fits bounds saved on a larger screen into the display that shows the title bar', () => {
    const laptop = [{ x: 0, y: 0, width: 1366, height: 728 }];
    // Saved maximized-ish on a 2560×1440 monitor, now on a laptop: the whole window is reachable.
    expect(visibleBounds({ x: 40, y: 30, width: 2400, height: 1350, maximized: false }, laptop)).toEqual({
      x: 0,
      y: 0,
      width: 1366,
      height: 728,
      maximized: false,
    });
    // Partly off the right edge: moved back in, size kept.
    expect(visibleBounds({ x: 900, y: 100, width: 800, height: 500, maximized: true }, laptop)).toEqual({
      x: 566,
      y: 100,
      width: 800,
      height: 500,
      maximized: true,
    });
    // A second display to the left, at negative coordinates, with a taskbar offset.
    const two = [...laptop, { x: -1920, y: 40, width: 1920, height: 1040 }];
    expect(visibleBounds({ x: -1800, y: 30, width: 1000, height: 700, maximized: false }, two)).toEqual({
      x: -1800,
      y: 40,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });
});
