/**
 * What the app remembers between runs (userData/settings.json): window bounds, the last
 * archive, recent archives, the theme. Plain Node so it can be tested; a damaged file
 * falls back to defaults rather than stopping the app.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.infer<typeof boundsSchema>;

const settingsSchema = z.object({
  windowBounds: boundsSchema.nullable().catch(null).default(null),
  lastArchive: z.string().min(1).nullable().catch(null).default(null),
  recent: z.array(z.string().min(1)).max(50).catch([]).default([]),
  theme: z.enum(THEMES).catch('system').default('system'),
});
export type Settings = z.infer<typeof settingsSchema>;

/** How many archives File › Open Recent lists. */
export const MAX_RECENT = 10;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

export function loadSettings(file: string): Settings {
  try {
    return settingsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return defaultSettings();
  }
}

/** Writes atomically (temp file, then rename), so a crash never leaves half a file. */
export function saveSettings(file: string, settings: Settings): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(settings, null, 2));
  renameSync(temp, file);
}

/** Puts `path` first in the recent list, without duplicates, at most MAX_RECENT long. */
export function withRecent(settings: Settings, path: string): Settings {
  const recent = [path, ...settings.recent.filter((p) => p !== path)].slice(0, MAX_RECENT);
  return { ...settings, lastArchive: path, recent };
}

export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Remembered bounds, fitted to the display that still shows the window's title bar (screens
 * change: a monitor unplugged, a smaller laptop screen): no larger than that display's work
 * area and moved inside it, so the title bar and the window's edges can be reached. Null
 * when no display shows the title bar; the window then opens at its default size.
 */
export function visibleBounds(bounds: WindowBounds | null, displays: readonly DisplayArea[]): WindowBounds | null {
  if (!bounds) return null;
  const display = displays.find(
    (d) =>
      bounds.x + 40 < d.x + d.width &&
      bounds.x + bounds.width - 40 > d.x &&
      bounds.y >= d.y - 10 &&
      bounds.y + 20 < d.y + d.height,
  );
  if (!display) return null;
  const width = Math.min(bounds.width, display.width);
  const height = Math.min(bounds.height, display.height);
  const x = Math.min(Math.max(bounds.x, display.x), display.x + display.width - width);
  const y = Math.min(Math.max(bounds.y, display.y), display.y + display.height - height);
  return { ...bounds, x, y, width, height };
}
