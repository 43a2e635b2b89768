/**
 * The Electron main process: one instance, one window, the archive the user last had
 * open (the sample case on first launch), native menus, and the typed IPC contract.
 */
import { app, Menu } from 'electron';
import { configureExtraction } from './archive/importers/isolated-extract.js';
import { AppController } from './shell/controller.js';
import { registerIpc } from './shell/ipc-register.js';
import { archiveFromArgs } from './shell/launch-args.js';
import { buildMenu } from './shell/menu.js';
import { runAction } from './shell/menu-actions.js';
import { openArchive } from './shell/open-archive.js';
import { registerAppScheme, serveRenderer } from './shell/protocol.js';
import { applySecurityPolicy } from './shell/security.js';
import { startup } from './shell/startup.js';
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

  // An .exhibit file handed to the app: on its command line (double-click on Windows and
  // Linux, a file manager's file:// URI), to a second launch, or by macOS's open-file,
  // which can come before 'ready'. Until startup has run it only replaces the archive to
  // start with; afterwards it is opened (a missing file is reported in a dialog).
  let requested = archiveFromArgs(process.argv, process.cwd());
  let started = false;
  const openFromOutside = (path: string | null) => {
    if (!path) return;
    if (!started) {
      requested = path;
      return;
    }
    runAction(controller, 'The archive could not be opened', () => openArchive(controller, path));
  };

  app.on('second-instance', (_event, argv, workingDirectory) => {
    openFromOutside(archiveFromArgs(argv, workingDirectory));
    if (!started) return;
    const window = controller.window ?? openWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFromOutside(path);
  });

  app.whenReady().then(
    async () => {
      applySecurityPolicy();
      serveRenderer();
      registerIpc(controller.dispatch, () => controller.window);
      refreshMenu();
      const first = requested;
      await startup(controller, first);
      started = true;
      openWindow();
      // A file handed over while the first archive was opening.
      if (requested !== first) openFromOutside(requested);
      app.on('activate', () => {
        if (!controller.window) openWindow();
      });
    },
    (error: unknown) => {
      console.error('Exhibit could not start:', error);
      app.exit(1);
    },
  );

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
