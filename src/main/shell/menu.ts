/**
 * The native menus with the usual shortcuts. Actions the page carries out (export,
 * search, the shortcuts sheet) are sent as `menu.command` events; their accelerators are
 * shown but left to the page (registerAccelerator: false), which handles the same keys
 * in a browser too.
 */
import { basename } from 'node:path';
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract.js';
import type { AppController } from './controller.js';
import { THEMES, type Theme } from './settings.js';

const THEME_LABELS: Record<Theme, string> = { system: 'Follow System', light: 'Light', dark: 'Dark' };

function pageCommand(controller: AppController, label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions {
  return {
    label,
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    click: () => controller.emit('menu.command', { command }),
  };
}

export function buildMenu(controller: AppController): Menu {
  const isMac = process.platform === 'darwin';
  const recent = controller.settings.recent;
  const hasArchive = controller.session.isOpen;

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'new-archive', label: 'New Archive…', accelerator: 'CmdOrCtrl+Shift+N', click: () => controller.run('The archive could not be created', () => controller.newArchiveDialog()) },
      { id: 'open-archive', label: 'Open Archive…', accelerator: 'CmdOrCtrl+O', click: () => controller.run('The archive could not be opened', () => controller.openArchiveDialog()) },
      {
        label: 'Open Recent',
        submenu: [
          ...recent.map((path): MenuItemConstructorOptions => ({
            label: basename(path),
            sublabel: path,
            toolTip: path,
            click: () => controller.run('The archive could not be opened', () => controller.openArchive(path)),
          })),
          ...(recent.length > 0 ? [{ type: 'separator' as const }] : []),
          {
            label: 'Clear Menu',
            enabled: recent.length > 0,
            click: () => {
              controller.updateSettings((s) => ({ ...s, recent: [] }));
              controller.onMenuChange();
            },
          },
        ],
      },
      { type: 'separator' },
      { id: 'import', label: 'Import Documents…', accelerator: 'CmdOrCtrl+I', enabled: hasArchive, click: () => controller.run('The import failed', () => controller.importFromMenu()) },
      { ...pageCommand(controller, 'Export…', 'export', 'CmdOrCtrl+E'), id: 'export', enabled: hasArchive },
      { id: 'backup', label: 'Back Up Archive…', accelerator: 'CmdOrCtrl+Shift+B', enabled: hasArchive, click: () => controller.run('The backup failed', () => controller.backupFromMenu()) },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      pageCommand(controller, 'Search…', 'search', 'CmdOrCtrl+K'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      {
        label: 'Theme',
        submenu: THEMES.map((theme) => ({
          label: THEME_LABELS[theme],
          type: 'radio' as const,
          checked: controller.settings.theme === theme,
          click: () => controller.setTheme(theme),
        })),
      },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(app.isPackaged ? [] : [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      pageCommand(controller, 'Keyboard Shortcuts', 'shortcuts', 'CmdOrCtrl+/'),
      { id: 'archive-location', label: 'Show Archive Location', enabled: hasArchive, click: () => controller.revealArchive() },
      { type: 'separator' },
      { id: 'about', label: 'About Exhibit', click: () => controller.run('About', () => controller.about()) },
    ],
  };

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    file,
    edit,
    view,
    ...(isMac ? [{ role: 'windowMenu' as const }] : []),
    help,
  ];
  return Menu.buildFromTemplate(template);
}
