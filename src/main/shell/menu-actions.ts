/** What the menu's items do beyond a dialog: each failure is shown in an error box. */
import { app, shell } from 'electron';
import type { ImportResult } from '../../shared/contract.js';
import { archiveSummary } from '../archive/index.js';
import { BridgeError, toCallError } from '../ipc/errors.js';
import { backupDialog, chooseImportFiles } from './archive-dialogs.js';
import type { AppController } from './controller.js';
import { modalDialogs, reportError } from './modal-dialogs.js';
import { announceArchive } from './open-archive.js';
import { shellJobId } from './shell-job-id.js';

/** Runs a menu action; a failure becomes a dialog with its one-line reason. */
export function runAction(controller: AppController, title: string, action: () => Promise<unknown>): void {
  action().catch((error: unknown) => reportError(controller.window, title, toCallError(error).message));
}

/** File › Import Documents…: the dialog, then the same import call the page would make. */
export async function importFromMenu(controller: AppController): Promise<void> {
  const paths = await chooseImportFiles(controller);
  if (paths.length === 0) return;
  const result = await controller.dispatch('import.paths', { jobId: shellJobId('import'), paths });
  if (!result.ok) throw new BridgeError(result.error.code, result.error.message);
  await announceArchive(controller);
  const failed = (result.value as ImportResult[]).filter((r) => r.status === 'failed');
  if (failed.length > 0) {
    const lines = failed.slice(0, 10).map((r) => r.error ?? r.path);
    if (failed.length > 10) lines.push(`… and ${failed.length - 10} more`);
    reportError(controller.window, `${failed.length} file(s) were not imported`, lines.join('\n'));
  }
}

export async function backupFromMenu(controller: AppController): Promise<void> {
  const done = await backupDialog(controller);
  if (!done) return;
  await modalDialogs(controller.window).message({
    type: 'info',
    message: 'Backup written',
    detail: done.path,
    buttons: ['OK'],
  });
}

/** Help › Show Archive Location: the archive file in the system's file manager. */
export function revealArchive(controller: AppController): void {
  // A path the user chose in a dialog (never archive content), shown, not opened.
  if (controller.session.isOpen) shell.showItemInFolder(controller.session.current().path);
  else reportError(controller.window, 'No archive is open', 'Open or create an archive from the File menu.');
}

export async function about(controller: AppController): Promise<void> {
  const session = controller.session;
  const where = session.isOpen ? session.current().path : 'no archive open';
  // The chain head, noted somewhere else, lets anyone catch a later cut or rewrite of the history.
  const head = session.isOpen ? (await archiveSummary(session.current())).historyHead : null;
  await modalDialogs(controller.window).message({
    type: 'info',
    message: `Exhibit ${app.getVersion()}`,
    detail: [
      'An offline evidence organizer: originals with their SHA-256, quotes with exact page cites, verifiable bundles.',
      'Exhibit never touches the network.',
      '',
      `Archive: ${where}`,
      ...(head
        ? [`History head: ${head}`, '(note it elsewhere; exhibit check --head checks the archive against it)']
        : []),
      `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
    ].join('\n'),
    buttons: ['OK'],
  });
}
