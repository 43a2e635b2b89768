/** The dialogs behind the contract's shell calls and the File menu: choose files, new, open, back up. */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { app, type OpenDialogOptions } from 'electron';
import type { ArchiveInfo } from '../../shared/contract.js';
import { backupArchive } from '../archive/index.js';
import type { AppController } from './controller.js';
import { modalDialogs, reportError } from './modal-dialogs.js';
import { openArchive } from './open-archive.js';

const ARCHIVE_FILTERS = [{ name: 'Exhibit archive', extensions: ['exhibit'] }];

export async function chooseImportFiles(controller: AppController): Promise<string[]> {
  const properties: OpenDialogOptions['properties'] =
    process.platform === 'darwin' ? ['openFile', 'openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'];
  const result = await modalDialogs(controller.window).open({
    title: 'Import Documents',
    buttonLabel: 'Import',
    properties,
    filters: [
      { name: 'Documents', extensions: ['pdf', 'docx', 'eml', 'html', 'htm', 'txt', 'md', 'markdown'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  return result.canceled ? [] : result.filePaths;
}

export async function newArchiveDialog(controller: AppController): Promise<ArchiveInfo | null> {
  const result = await modalDialogs(controller.window).save({
    title: 'New Archive',
    buttonLabel: 'Create',
    defaultPath: join(app.getPath('documents'), 'Case.exhibit'),
    filters: ARCHIVE_FILTERS,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || !result.filePath) return null;
  const path = result.filePath.endsWith('.exhibit') ? result.filePath : `${result.filePath}.exhibit`;
  if (existsSync(path)) {
    reportError(
      controller.window,
      'That file already exists',
      `${path}: a file is already there. Use File › Open Archive… to open an existing archive.`,
    );
    return null;
  }
  return openArchive(controller, path, { create: true });
}

export async function openArchiveDialog(controller: AppController): Promise<ArchiveInfo | null> {
  const result = await modalDialogs(controller.window).open({
    title: 'Open Archive',
    filters: ARCHIVE_FILTERS,
    properties: ['openFile'],
  });
  const path = result.canceled ? undefined : result.filePaths[0];
  return path ? openArchive(controller, path) : null;
}

export async function backupDialog(controller: AppController): Promise<{ path: string } | null> {
  const archive = controller.session.current();
  const day = new Date().toISOString().slice(0, 10);
  const result = await modalDialogs(controller.window).save({
    title: 'Back Up Archive',
    buttonLabel: 'Back Up',
    defaultPath: join(app.getPath('documents'), `${basename(archive.path, '.exhibit')} backup ${day}.exhibit`),
    filters: ARCHIVE_FILTERS,
    properties: ['createDirectory'],
  });
  if (result.canceled || !result.filePath) return null;
  const backup = await backupArchive(archive, result.filePath);
  return { path: backup.path };
}
