/** The application menu, from menu-template.ts, wired to the controller's actions. */
import { app, Menu } from 'electron';
import type { AppController } from './controller.js';
import { menuTemplate } from './menu-template.js';

export function buildMenu(controller: AppController): Menu {
  const template = menuTemplate(
    {
      platform: process.platform,
      packaged: app.isPackaged,
      hasArchive: controller.session.isOpen,
      recent: controller.settings.recent,
      theme: controller.settings.theme,
    },
    {
      newArchive: () => controller.run('The archive could not be created', () => controller.newArchiveDialog()),
      openArchive: () => controller.run('The archive could not be opened', () => controller.openArchiveDialog()),
      openRecent: (path) => controller.run('The archive could not be opened', () => controller.openArchive(path)),
      clearRecent: () => {
        controller.updateSettings((s) => ({ ...s, recent: [] }));
        controller.onMenuChange();
      },
      importDocuments: () => controller.run('The import failed', () => controller.importFromMenu()),
      backUp: () => controller.run('The backup failed', () => controller.backupFromMenu()),
      pageCommand: (command) => controller.emit('menu.command', { command }),
      setTheme: (theme) => controller.setTheme(theme),
      revealArchive: () => controller.revealArchive(),
      about: () => controller.run('About', () => controller.about()),
    },
  );
  return Menu.buildFromTemplate(template);
}
