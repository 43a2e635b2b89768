import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuActions, type MenuState } from '../../src/main/shell/menu-template.js';

const state: MenuState = {
  platform: 'linux',
  packaged: true,
  hasArchive: true,
  recent: ['/cases/Smith v Jones.exhibit', '/old/Inquiry.exhibit'],
  theme: 'dark',
};

/** Records which action each click ran. */
function recorder(): { actions: MenuActions; calls: string[] } {
  const calls: string[] = [];
  const actions: MenuActions = {
    newArchive: () => calls.push('newArchive'),
    openArchive: () => calls.push('openArchive'),
    openRecent: (path) => calls.push(`openRecent ${path}`),
    clearRecent: () => calls.push('clearRecent'),
    importDocuments: () => calls.push('importDocuments'),
    backUp: () => calls.push('backUp'),
    pageCommand: (command) => calls.push(`page ${command}`),
    setTheme: (theme) => calls.push(`theme ${theme}`),
    revealArchive: () => calls.push('revealArchive'),
    about: () => calls.push('about'),
  };
  return { actions, calls };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function byId(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const item = items(template).find((i) => i.id === id);
  if (!item) throw new Error(`no menu item ${id}`);
  return item;
}

function click(item: MenuItemConstructorOptions): void {
  // Electron passes the item, the window and the event; the template's handlers read none of them.
  (item.click as unknown as () => void)();
}

describe('the application menu', () => {
  it('has File, Edit, View and Help with the usual shortcuts, each running its action', () => {
    const { actions, calls } = recorder();
    const template = menuTemplate(state, actions);
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const expected: [string, string | undefined, string][] = [
      ['new-archive', 'CmdOrCtrl+Shift+N', 'newArchive'],
      ['open-archive', 'CmdOrCtrl+O', 'openArchive'],
      ['import', 'CmdOrCtrl+I', 'importDocuments'],
      ['export', 'CmdOrCtrl+E', 'page export'],
      ['backup', 'CmdOrCtrl+Shift+B', 'backUp'],
      ['search', 'CmdOrCtrl+K', 'page search'],
      ['shortcuts', 'CmdOrCtrl+/', 'page shortcuts'],
      ['archive-location', undefined, 'revealArchive'],
      ['about', undefined, 'about'],
    ];
    for (const [id, accelerator, action] of expected) {
      const item = byId(template, id);
      expect(item.accelerator, id).toBe(accelerator);
      click(item);
      expect(calls.at(-1), id).toBe(action);
    }
    const roles = items(template)
      .map((i) => i.role)
      .filter(Boolean);
    expect(roles).toEqual(
      expect.arrayContaining([
        'quit',
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'zoomIn',
        'zoomOut',
        'resetZoom',
      ]),
    );
  });

  it('leaves the page’s own shortcuts to the page and gives no two items the same shortcut', () => {
    const template = menuTemplate({ ...state, packaged: false }, recorder().actions);
    for (const id of ['export', 'search', 'shortcuts']) expect(byId(template, id).registerAccelerator, id).toBe(false);
    const accelerators = items(template)
      .map((i) => i.accelerator)
      .filter((a): a is string => typeof a === 'string');
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('lists recent archives by name, opens the one chosen, and can clear the list', () => {
    const { actions, calls } = recorder();
    const recentMenu = byId(menuTemplate(state, actions), 'open-recent').submenu as MenuItemConstructorOptions[];
    expect(recentMenu.filter((i) => i.sublabel).map((i) => [i.label, i.sublabel])).toEqual([
      ['Smith v Jones.exhibit', '/cases/Smith v Jones.exhibit'],
      ['Inquiry.exhibit', '/old/Inquiry.exhibit'],
    ]);
    click(recentMenu[1] as MenuItemConstructorOptions);
    expect(calls).toEqual(['openRecent /old/Inquiry.exhibit']);
    expect(byId(menuTemplate(state, actions), 'clear-recent').enabled).toBe(true);
    expect(byId(menuTemplate({ ...state, recent: [] }, actions), 'clear-recent').enabled).toBe(false);
  });

  it('disables what needs an archive while none is open', () => {
    const closed = menuTemplate({ ...state, hasArchive: false }, recorder().actions);
    for (const id of ['import', 'export', 'backup', 'archive-location'])
      expect(byId(closed, id).enabled, id).toBe(false);
    for (const id of ['new-archive', 'open-archive', 'about']) expect(byId(closed, id).enabled, id).not.toBe(false);
  });

  it('shows the theme in use and switches it', () => {
    const { actions, calls } = recorder();
    const template = menuTemplate(state, actions);
    expect(['system', 'light', 'dark'].map((t) => byId(template, `theme-${t}`).checked)).toEqual([false, false, true]);
    click(byId(template, 'theme-light'));
    expect(calls).toEqual(['theme light']);
  });

  it('follows macOS conventions there (app and window menus, Close instead of Quit)', () => {
    const mac = menuTemplate({ ...state, platform: 'darwin' }, recorder().actions);
    expect(mac.map((m) => m.role ?? m.label)).toEqual(['appMenu', '&File', '&Edit', '&View', 'windowMenu', 'help']);
    const fileRoles = (mac[1]?.submenu as MenuItemConstructorOptions[]).map((i) => i.role).filter(Boolean);
    expect(fileRoles).toEqual(['close']);
  });

  it('offers Reload and the developer tools only in development', () => {
    const roles = (packaged: boolean) =>
      items(menuTemplate({ ...state, packaged }, recorder().actions)).map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(false)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });
});
