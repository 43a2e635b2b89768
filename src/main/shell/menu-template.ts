/**
 * The native menus as data: what each menu holds, its shortcuts, and which items need an
 * open archive. Built from plain state and a table of actions, with Electron's types only,
 * so it is tested under Node; src/main/shell/menu.ts turns it into a Menu.
 *
 * Actions the page carries out (export, search, the shortcuts sheet) are sent to it as
 * `menu.command` events; their accelerators are shown but left to the page
 * (registerAccelerator: false), which handles the same keys in a browser too.
 */
import { basename } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract.js';
import { THEMES, type Theme } from './settings.js';

/** What the menus show. */
export interface MenuState {
  readonly platform: NodeJS.Platform;
  /** A packaged app has no Reload or developer tools items. */
  readonly packaged: boolean;
  readonly hasArchive: boolean;
  readonly recent: readonly string[];
  readonly theme: Theme;
}

/** What the menu items do (the controller's methods, or a test's record of calls). */
export interface MenuActions {
  newArchive(): void;
  openArchive(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  importDocuments(): void;
  backUp(): void;
  pageCommand(command: MenuCommand): void;
  setTheme(theme: Theme): void;
  revealArchive(): void;
  about(): void;
}

const THEME_LABELS: Record<Theme, string> = { system: 'Follow System', light: 'Light', dark: 'Dark' };

export function menuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = state.platform === 'darwin';
  const { recent, hasArchive } = state;
  const pageCommand = (label: string, command: MenuCommand, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: false,
    click: () => actions.pageCommand(command),
  });

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'new-archive', label: 'New Archive…', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newArchive() },
      { id: 'open-archive', label: 'Open Archive…', accelerator: 'CmdOrCtrl+O', click: () => actions.openArchive() },
      {
        id: 'open-recent',
        label: 'Open Recent',
        submenu: [
          ...recent.map((path): MenuItemConstructorOptions => ({
            label: basename(path),
            sublabel: path,
            toolTip: path,
            click: () => actions.openRecent(path),
          })),
          ...(recent.length > 0 ? [{ type: 'separator' as const }] : []),
          { id: 'clear-recent', label: 'Clear Menu', enabled: recent.length > 0, click: () => actions.clearRecent() },
        ],
      },
      { type: 'separator' },
      {
        id: 'import',
        label: 'Import Documents…',
        accelerator: 'CmdOrCtrl+I',
        enabled: hasArchive,
        click: () => actions.importDocuments(),
      },
      { ...pageCommand('Export…', 'export', 'CmdOrCtrl+E'), id: 'export', enabled: hasArchive },
      {
        id: 'backup',
        label: 'Back Up Archive…',
        accelerator: 'CmdOrCtrl+Shift+B',
        enabled: hasArchive,
        click: () => actions.backUp(),
      },
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
      { ...pageCommand('Search…', 'search', 'CmdOrCtrl+K'), id: 'search' },
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
        id: 'theme',
        label: 'Theme',
        submenu: THEMES.map((theme) => ({
          id: `theme-${theme}`,
          label: THEME_LABELS[theme],
          type: 'radio' as const,
          checked: state.theme === theme,
          click: () => actions.setTheme(theme),
        })),
      },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(state.packaged
        ? []
        : [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      { ...pageCommand('Keyboard Shortcuts', 'shortcuts', 'CmdOrCtrl+/'), id: 'shortcuts' },
      {
        id: 'archive-location',
        label: 'Show Archive Location',
        enabled: hasArchive,
        click: () => actions.revealArchive(),
      },
      { type: 'separator' },
      { id: 'about', label: 'About Exhibit', click: () => actions.about() },
    ],
  };

  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    file,
    edit,
    view,
    ...(isMac ? [{ role: 'windowMenu' as const }] : []),
    help,
  ];
}
