/** The contract's shell calls: native dialogs, only in Electron (the dev server answers 'unsupported'). */
import type { ShellHandlers } from '../ipc/types.js';
import { backupDialog, chooseImportFiles, newArchiveDialog, openArchiveDialog } from './archive-dialogs.js';
import type { AppController } from './controller.js';

export function createShellHandlers(controller: AppController): ShellHandlers {
  return {
    'shell.chooseImportFiles': () => chooseImportFiles(controller),
    'shell.newArchive': () => newArchiveDialog(controller),
    'shell.openArchive': () => openArchiveDialog(controller),
    'shell.backupArchive': () => backupDialog(controller),
  };
}
