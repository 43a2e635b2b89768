/**
 * The app's state and the actions menus and shell calls share: which archive is open,
 * the settings, the window, the dispatcher every IPC call goes through.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { app, dialog, nativeTheme, shell, type BrowserWindow } from 'electron';
import { eventChannel, type ArchiveInfo, type EventName, type Events, type ImportResult } from '../../shared/contract.js';
import { archiveSummary, backupArchive, listDocuments } from '../archive/index.js';
import { createDispatcher, type Dispatch } from '../ipc/dispatch.js';
import { BridgeError, toCallError } from '../ipc/errors.js';
import { coreHandlers } from '../ipc/handlers/index.js';
import { JobRegistry } from '../ipc/jobs.js';
import { importSampleWithProgress } from '../ipc/sample-case.js';
import { ArchiveSession } from '../ipc/session.js';
import { loadSettings, saveSettings, withRecent, type Settings, type Theme } from './settings.js';
import { createShellHandlers } from './shell-handlers.js';
import { appSigning } from './app-signing.js';
import { safeStorageKeychain } from './safe-storage.js';

const ARCHIVE_FILTERS = [{ name: 'Exhibit archive', extensions: ['exhibit'] }];
/** The archive a first launch creates and fills with the sample case. */
export const SAMPLE_ARCHIVE_NAME = 'Sample Case.exhibit';

let shellJobCounter = 0;
function shellJobId(what: string): string {
  shellJobCounter += 1;
  return `shell-${what}-${Date.now().toString(36)}-${shellJobCounter}`;
}

export class AppController {
  readonly session = new ArchiveSession();
  readonly jobs = new JobRegistry();
  readonly dispatch: Dispatch;
  readonly #settingsFile: string;
  #settings: Settings;
  #window: BrowserWindow | null = null;
  /** Called when something the menu shows changed (recent list, theme, open archive). */
  onMenuChange: () => void = () => undefined;

  constructor(userDataDir: string) {
    this.#settingsFile = join(userDataDir, 'settings.json');
    this.#settings = loadSettings(this.#settingsFile);
    this.dispatch = createDispatcher({
      handlers: { ...coreHandlers, ...createShellHandlers(this) },
      session: this.session,
      jobs: this.jobs,
      emit: this.emit,
      signing: appSigning(userDataDir, safeStorageKeychain),
    });
  }

  get settings(): Settings {
    return this.#settings;
  }

  get window(): BrowserWindow | null {
    return this.#window && !this.#window.isDestroyed() ? this.#window : null;
  }

  attachWindow(window: BrowserWindow): void {
    this.#window = window;
    window.on('closed', () => {
      if (this.#window === window) this.#window = null;
    });
    void this.refreshTitle();
  }

  updateSettings(change: (settings: Settings) => Settings): void {
    this.#settings = change(this.#settings);
    try {
      saveSettings(this.#settingsFile, this.#settings);
    } catch {
      // Settings are a convenience: failing to save them must not stop the work.
    }
  }

  /** Sends an event to the window's page (never to another frame or window). */
  readonly emit = <E extends EventName>(event: E, payload: Events[E]): void => {
    this.window?.webContents.send(eventChannel(event), payload);
  };

  setTheme(theme: Theme): void {
    nativeTheme.themeSource = theme;
    this.updateSettings((s) => ({ ...s, theme }));
    this.onMenuChange();
  }

  /** Opens (or creates) an archive, remembers it, retitles the window and tells the page to reload. */
  async openArchive(path: string, options: { create?: boolean } = {}): Promise<ArchiveInfo> {
    this.jobs.cancelAll();
    const archive = await this.session.open(path, options);
    this.updateSettings((s) => withRecent(s, archive.path));
    return this.announce();
  }

  async announce(): Promise<ArchiveInfo> {
    const info = await archiveSummary(this.session.current());
    this.emit('archive.changed', { info });
    await this.refreshTitle();
    this.onMenuChange();
    return info;
  }

  async refreshTitle(): Promise<void> {
    const window = this.window;
    if (!window) return;
    window.setTitle(this.session.isOpen ? `${basename(this.session.current().path)} — Exhibit` : 'Exhibit');
    if (this.session.isOpen && process.platform === 'darwin') window.setRepresentedFilename(this.session.current().path);
  }

  /**
   * At start: EXHIBIT_ARCHIVE if set, else the archive the launch asked for (a file
   * double-clicked or named on the command line), else the last archive, else (first
   * launch) the sample case in a new archive in userData.
   */
  async startup(requested: string | null = null): Promise<void> {
    nativeTheme.themeSource = this.#settings.theme;
    const fromEnv = process.env['EXHIBIT_ARCHIVE'];
    const last = this.#settings.lastArchive;
    try {
      if (fromEnv) await this.openArchive(fromEnv, { create: true });
      else if (requested) await this.openArchive(requested);
      else if (last && existsSync(last)) await this.openArchive(last);
      else if (last) this.report('The last archive is gone', `${last}: no archive at this path any more. Open another one, or make a new one, from the File menu.`);
      else await this.openSampleCase();
    } catch (error) {
      this.report('The archive could not be opened', toCallError(error).message);
    }
  }

  /**
   * First launch: a new archive in userData, then the sample case imported into it in the
   * background (the window opens at once and shows the import's progress).
   */
  async openSampleCase(): Promise<void> {
    const path = join(app.getPath('userData'), SAMPLE_ARCHIVE_NAME);
    await this.openArchive(path, { create: true });
    const archive = this.session.current();
    if ((await listDocuments(archive.db)).length > 0) return;
    const jobId = shellJobId('sample');
    const job = this.jobs.start(jobId);
    importSampleWithProgress(archive, { signal: job.signal, onProgress: (p) => this.emit('import.progress', { jobId, ...p }) })
      .then(() => this.announce())
      .catch((error: unknown) => {
        // Opening another archive cancels the import and closes this one: not a failure to report.
        // A missing sample (resources/sample-case) is reported the same way, in its own words.
        if (!job.signal.aborted) this.report('The sample case could not be imported', toCallError(error).message);
      })
      .finally(() => job.finish());
  }

  // --- dialogs -------------------------------------------------------------------------

  async chooseImportFiles(): Promise<string[]> {
    const properties: ('openFile' | 'openDirectory' | 'multiSelections')[] =
      process.platform === 'darwin' ? ['openFile', 'openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'];
    const options = {
      title: 'Import Documents',
      buttonLabel: 'Import',
      properties,
      filters: [
        { name: 'Documents', extensions: ['pdf', 'docx', 'eml', 'html', 'htm', 'txt', 'md', 'markdown'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const window = this.window;
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  }

  async newArchiveDialog(): Promise<ArchiveInfo | null> {
    const options = {
      title: 'New Archive',
      buttonLabel: 'Create',
      defaultPath: join(app.getPath('documents'), 'Case.exhibit'),
      filters: ARCHIVE_FILTERS,
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
    };
    const window = this.window;
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    const path = result.filePath.endsWith('.exhibit') ? result.filePath : `${result.filePath}.exhibit`;
    if (existsSync(path)) {
      this.report('That file already exists', `${path}: a file is already there. Use File › Open Archive… to open an existing archive.`);
      return null;
    }
    return this.openArchive(path, { create: true });
  }

  async openArchiveDialog(): Promise<ArchiveInfo | null> {
    const options = { title: 'Open Archive', filters: ARCHIVE_FILTERS, properties: ['openFile' as const] };
    const window = this.window;
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const path = result.canceled ? undefined : result.filePaths[0];
    return path ? this.openArchive(path) : null;
  }

  async backupDialog(): Promise<{ path: string } | null> {
    const archive = this.session.current();
    const day = new Date().toISOString().slice(0, 10);
    const options = {
      title: 'Back Up Archive',
      buttonLabel: 'Back Up',
      defaultPath: join(app.getPath('documents'), `${basename(archive.path, '.exhibit')} backup ${day}.exhibit`),
      filters: ARCHIVE_FILTERS,
      properties: ['createDirectory' as const],
    };
    const window = this.window;
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    const backup = await backupArchive(archive, result.filePath);
    return { path: backup.path };
  }

  // --- menu actions (errors shown in a dialog) --------------------------------------------

  /** Runs a menu action; a failure becomes a dialog with its one-line reason. */
  run(title: string, action: () => Promise<unknown>): void {
    action().catch((error: unknown) => this.report(title, toCallError(error).message));
  }

  report(title: string, detail: string): void {
    const options = { type: 'error' as const, message: title, detail, buttons: ['OK'] };
    const window = this.window;
    void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
  }

  /** File › Import Documents…: the dialog, then the same import call the page would make. */
  async importFromMenu(): Promise<void> {
    const paths = await this.chooseImportFiles();
    if (paths.length === 0) return;
    const result = await this.dispatch('import.paths', { jobId: shellJobId('import'), paths });
    if (!result.ok) throw new BridgeError(result.error.code, result.error.message);
    await this.announce();
    const failed = (result.value as ImportResult[]).filter((r) => r.status === 'failed');
    if (failed.length > 0) {
      const lines = failed.slice(0, 10).map((r) => r.error ?? r.path);
      if (failed.length > 10) lines.push(`… and ${failed.length - 10} more`);
      this.report(`${failed.length} file(s) were not imported`, lines.join('\n'));
    }
  }

  async backupFromMenu(): Promise<void> {
    const done = await this.backupDialog();
    if (!done) return;
    const options = { type: 'info' as const, message: 'Backup written', detail: done.path, buttons: ['OK'] };
    const window = this.window;
    await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
  }

  /** Help › Show Archive Location: the archive file in the system's file manager. */
  revealArchive(): void {
    // A path the user chose in a dialog (never archive content), shown, not opened.
    if (this.session.isOpen) shell.showItemInFolder(this.session.current().path);
    else this.report('No archive is open', 'Open or create an archive from the File menu.');
  }

  async about(): Promise<void> {
    const where = this.session.isOpen ? this.session.current().path : 'no archive open';
    // The chain head, noted somewhere else, lets anyone catch a later cut or rewrite of the history.
    const head = this.session.isOpen ? (await archiveSummary(this.session.current())).historyHead : null;
    const options = {
      type: 'info' as const,
      message: `Exhibit ${app.getVersion()}`,
      detail: [
        'An offline evidence organizer: originals with their SHA-256, quotes with exact page cites, verifiable bundles.',
        'Exhibit never touches the network.',
        '',
        `Archive: ${where}`,
        ...(head ? [`History head: ${head}`, '(note it elsewhere; exhibit check --head checks the archive against it)'] : []),
        `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
      ].join('\n'),
      buttons: ['OK'],
    };
    const window = this.window;
    await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
  }

  async shutdown(): Promise<void> {
    this.jobs.cancelAll();
    await this.session.close().catch(() => undefined);
  }
}
