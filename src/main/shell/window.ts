/** The one main window: locked-down web preferences, remembered bounds, a title naming the archive. */
import { join } from 'node:path';
import { app, BrowserWindow, screen } from 'electron';
import { APP_URL } from './protocol.js';
import { visibleBounds, type WindowBounds } from './settings.js';

export function createMainWindow(
  saved: WindowBounds | null,
  onBoundsChange: (bounds: WindowBounds) => void,
): BrowserWindow {
  const bounds = visibleBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...(bounds
      ? { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height }
      : { width: 1280, height: 820 }),
    minWidth: 640,
    minHeight: 420,
    show: false,
    title: 'Exhibit',
    backgroundColor: '#1e1e1e',
    webPreferences: {
      // electronegativity-justified: PRELOAD_JS_CHECK -- src/preload/index.ts exposes only the contract's calls, event subscription without the IPC event, and webUtils.getPathForFile; no ipcRenderer, no Node.
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would open links in new windows (denied anyway by setWindowOpenHandler).
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  if (bounds?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const remember = () => {
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    const b = window.getNormalBounds();
    onBoundsChange({ x: b.x, y: b.y, width: b.width, height: b.height, maximized: window.isMaximized() });
  };
  let timer: NodeJS.Timeout | undefined;
  const debounced = () => {
    clearTimeout(timer);
    timer = setTimeout(remember, 400);
  };
  window.on('resize', debounced);
  window.on('move', debounced);
  window.on('maximize', remember);
  window.on('unmaximize', remember);
  window.on('close', () => {
    clearTimeout(timer);
    remember();
  });

  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  void window.loadURL(!app.isPackaged && devUrl ? devUrl : APP_URL);
  return window;
}
