/** The contract's shell calls: native dialogs, only in Electron (the dev server answers 'unsupported'). */
import type { ShellHandlers } from '../ipc/types.js';
import type { AppController } from './controller.js';

export function createShellHandlers(controller: AppController): ShellHandlers {
  return {
    'shell.chooseImportFiles': () => controller.chooseImportFiles(),
    'shell.newArchive': () => controller.newArchiveDialog(),
    'shell.openArchive': () => controller.openArchiveDialog(),
    'shell.backupArchive': () => controller.backupDialog(),
  };
}
