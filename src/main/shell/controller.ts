/**
 * The app's state that menus, dialogs and shell calls share: which archive is open, the
 * settings, the window, and the dispatcher every IPC call goes through. What is done with
 * it lives beside: open-archive.ts, startup.ts, archive-dialogs.ts, menu-actions.ts.
 */
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { eventChannel, type EventName, type Events } from '../../shared/contract.js';
import { createDispatcher, type Dispatch } from '../ipc/dispatch.js';
import { coreHandlers } from '../ipc/handlers/index.js';
import { JobRegistry } from '../ipc/jobs.js';
import { ArchiveSession } from '../ipc/session.js';
import { appSigning } from './app-signing.js';
import { refreshTitle } from './open-archive.js';
import { safeStorageKeychain } from './safe-storage.js';
import { applyTheme, SettingsStore } from './settings-store.js';
import type { Settings, Theme } from './settings.js';
import { createShellHandlers } from './shell-handlers.js';

export class AppController {
  readonly session = new ArchiveSession();
  readonly jobs = new JobRegistry();
  readonly dispatch: Dispatch;
  readonly #settings: SettingsStore;
  #window: BrowserWindow | null = null;
  /** Called when something the menu shows changed (recent list, theme, open archive). */
  onMenuChange: () => void = () => undefined;

  constructor(userDataDir: string) {
    this.#settings = new SettingsStore(join(userDataDir, 'settings.json'));
    this.dispatch = createDispatcher({
      handlers: { ...coreHandlers, ...createShellHandlers(this) },
      session: this.session,
      jobs: this.jobs,
      emit: this.emit,
      signing: appSigning(userDataDir, safeStorageKeychain),
    });
  }

  get settings(): Settings {
    return this.#settings.current;
  }

  get window(): BrowserWindow | null {
    return this.#window && !this.#window.isDestroyed() ? this.#window : null;
  }

  attachWindow(window: BrowserWindow): void {
    this.#window = window;
    window.on('closed', () => {
      if (this.#window === window) this.#window = null;
    });
    refreshTitle(this);
  }

  updateSettings(change: (settings: Settings) => Settings): void {
    this.#settings.update(change);
  }

  /** Sends an event to the window's page (never to another frame or window). */
  readonly emit = <E extends EventName>(event: E, payload: Events[E]): void => {
    this.window?.webContents.send(eventChannel(event), payload);
  };

  setTheme(theme: Theme): void {
    applyTheme(theme);
    this.updateSettings((s) => ({ ...s, theme }));
    this.onMenuChange();
  }

  async shutdown(): Promise<void> {
    this.jobs.cancelAll();
    await this.session.close().catch(() => undefined);
  }
}
