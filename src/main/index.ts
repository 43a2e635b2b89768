/**
 * The Electron main process: one instance, one window, the archive the user last had
 * open (the sample case on first launch), native menus, and the typed IPC contract.
 */
import { existsSync } from 'node:fs';
import { app, Menu } from 'electron';
import { configureExtraction } from './archive/importers/isolated-extract.js';
import { AppController } from './shell/controller.js';
import { registerIpc } from './shell/ipc-register.js';
import { buildMenu } from './shell/menu.js';
import { registerAppScheme, serveRenderer } from './shell/protocol.js';
import { applySecurityPolicy } from './shell/security.js';
import { createMainWindow } from './shell/window.js';

// Tests and portable setups may keep their data elsewhere.
const userDataOverride = process.env['EXHIBIT_USER_DATA'];
if (userDataOverride) app.setPath('userData', userDataOverride);
// Packaged: the sample case ships in the app's resources folder.
if (app.isPackaged) process.env['EXHIBIT_RESOURCES'] ??= process.resourcesPath;

// Untrusted files are read in a worker thread beside this bundle (out/main/extract-worker.js),
// so a hostile one costs a failed import, never the app.
configureExtraction({ workerScript: new URL('./extract-worker.js', import.meta.url) });

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const controller = new AppController(app.getPath('userData'));
  const refreshMenu = () => Menu.setApplicationMenu(buildMenu(controller));
  controller.onMenuChange = refreshMenu;

  const openWindow = () => {
    const window = createMainWindow(controller.settings.windowBounds, (bounds) =>
      controller.updateSettings((s) => ({ ...s, windowBounds: bounds })),
    );
    controller.attachWindow(window);
    return window;
  };

  /** An .exhibit file handed to the app (double-click, second launch, macOS open-file). */
  const openFromOutside = (path: string | undefined) => {
    if (path && path.endsWith('.exhibit') && existsSync(path)) {
      controller.run('The archive could not be opened', () => controller.openArchive(path));
    }
  };

  app.on('second-instance', (_event, argv) => {
    const window = controller.window ?? openWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
    openFromOutside(argv.at(-1));
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFromOutside(path);
  });

  app.whenReady().then(async () => {
    applySecurityPolicy();
    serveRenderer();
    registerIpc(controller.dispatch, () => controller.window);
    refreshMenu();
    await controller.startup();
    openWindow();
    app.on('activate', () => {
      if (!controller.window) openWindow();
    });
  }, (error: unknown) => {
    console.error('Exhibit could not start:', error);
    app.exit(1);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    void controller.shutdown().finally(() => app.quit());
  });
}
