/**
 * The archive session as the user sees it: opening an archive (which cancels running jobs),
 * telling the page and the menu, the window's title, and the first launch's sample case.
 */
import { basename, join } from 'node:path';
import { app } from 'electron';
import type { ArchiveInfo } from '../../shared/contract.js';
import { archiveSummary, listDocuments } from '../archive/index.js';
import { toCallError } from '../ipc/errors.js';
import { importSampleCase } from '../archive/sample.js';
import type { AppController } from './controller.js';
import { reportError } from './modal-dialogs.js';
import { withRecent } from './settings.js';
import { shellJobId } from './shell-job-id.js';

/** The archive a first launch creates and fills with the sample case. */
export const SAMPLE_ARCHIVE_NAME = 'Sample Case.exhibit';

/** Opens (or creates) an archive, remembers it, retitles the window and tells the page to reload. */
export async function openArchive(
  controller: AppController,
  path: string,
  options: { create?: boolean } = {},
): Promise<ArchiveInfo> {
  controller.jobs.cancelAll();
  const archive = await controller.session.open(path, options);
  controller.updateSettings((s) => withRecent(s, archive.path));
  return announceArchive(controller);
}

/** The open archive changed (opened, or documents imported): the page, the title and the menu follow. */
export async function announceArchive(controller: AppController): Promise<ArchiveInfo> {
  const info = await archiveSummary(controller.session.current());
  controller.emit('archive.changed', { info });
  refreshTitle(controller);
  controller.onMenuChange();
  return info;
}

export function refreshTitle(controller: AppController): void {
  const window = controller.window;
  if (!window) return;
  const session = controller.session;
  window.setTitle(session.isOpen ? `${basename(session.current().path)} — Exhibit` : 'Exhibit');
  if (session.isOpen && process.platform === 'darwin') window.setRepresentedFilename(session.current().path);
}

/**
 * First launch: a new archive in userData, then the sample case imported into it in the
 * background (the window opens at once and shows the import's progress).
 */
export async function openSampleCase(controller: AppController): Promise<void> {
  const path = join(app.getPath('userData'), SAMPLE_ARCHIVE_NAME);
  await openArchive(controller, path, { create: true });
  const archive = controller.session.current();
  if ((await listDocuments(archive.db)).length > 0) return;
  const jobId = shellJobId('sample');
  const job = controller.jobs.start(jobId);
  importSampleCase(archive, {
    signal: job.signal,
    onProgress: (p) => controller.emit('import.progress', { jobId, ...p }),
  })
    .then(() => announceArchive(controller))
    .catch((error: unknown) => {
      // Opening another archive cancels the import and closes this one: not a failure to report.
      // A missing sample (resources/sample-case) is reported the same way, in its own words.
      if (!job.signal.aborted)
        reportError(controller.window, 'The sample case could not be imported', toCallError(error).message);
    })
    .finally(() => job.finish());
}
