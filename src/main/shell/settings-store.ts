/** The settings file in userData: read once at start, written on every change. */
import { nativeTheme } from 'electron';
import { loadSettings, saveSettings, type Settings, type Theme } from './settings.js';

export class SettingsStore {
  readonly #file: string;
  #settings: Settings;

  constructor(file: string) {
    this.#file = file;
    this.#settings = loadSettings(file);
  }

  get current(): Settings {
    return this.#settings;
  }

  update(change: (settings: Settings) => Settings): void {
    this.#settings = change(this.#settings);
    try {
      saveSettings(this.#file, this.#settings);
    } catch {
      // Settings are a convenience: failing to save them must not stop the work.
    }
  }
}

/** Light, dark or the system's: Chromium draws native parts and `prefers-color-scheme` from it. */
export function applyTheme(theme: Theme): void {
  nativeTheme.themeSource = theme;
}
