/** The application menu, from menu-template.ts, wired to the controller's actions. */
import { app, Menu } from 'electron';
import { newArchiveDialog, openArchiveDialog } from './archive-dialogs.js';
import type { AppController } from './controller.js';
import { about, backupFromMenu, importFromMenu, revealArchive, runAction } from './menu-actions.js';
import { menuTemplate } from './menu-template.js';
import { openArchive } from './open-archive.js';

export function buildMenu(controller: AppController): Menu {
  const run = (title: string, action: () => Promise<unknown>) => runAction(controller, title, action);
  const template = menuTemplate(
    {
      platform: process.platform,
      packaged: app.isPackaged,
      hasArchive: controller.session.isOpen,
      recent: controller.settings.recent,
      theme: controller.settings.theme,
    },
    {
      newArchive: () => run('The archive could not be created', () => newArchiveDialog(controller)),
      openArchive: () => run('The archive could not be opened', () => openArchiveDialog(controller)),
      openRecent: (path) => run('The archive could not be opened', () => openArchive(controller, path)),
      clearRecent: () => {
        controller.updateSettings((s) => ({ ...s, recent: [] }));
        controller.onMenuChange();
      },
      importDocuments: () => run('The import failed', () => importFromMenu(controller)),
      backUp: () => run('The backup failed', () => backupFromMenu(controller)),
      pageCommand: (command) => controller.emit('menu.command', { command }),
      setTheme: (theme) => controller.setTheme(theme),
      revealArchive: () => revealArchive(controller),
      about: () => run('About', () => about(controller)),
    },
  );
  return Menu.buildFromTemplate(template);
}
