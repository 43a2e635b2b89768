/** Which archive the app opens at launch, and the theme it starts in. */
import { existsSync } from 'node:fs';
import { toCallError } from '../ipc/errors.js';
import type { AppController } from './controller.js';
import { reportError } from './modal-dialogs.js';
import { openArchive, openSampleCase } from './open-archive.js';
import { applyTheme } from './settings-store.js';

/**
 * EXHIBIT_ARCHIVE if set, else the archive the launch asked for (a file double-clicked or
 * named on the command line), else the last archive, else (first launch) the sample case in
 * a new archive in userData.
 */
export async function startup(controller: AppController, requested: string | null = null): Promise<void> {
  applyTheme(controller.settings.theme);
  const fromEnv = process.env['EXHIBIT_ARCHIVE'];
  const last = controller.settings.lastArchive;
  const report = (title: string, detail: string) => reportError(controller.window, title, detail);
  try {
    if (fromEnv) await openArchive(controller, fromEnv, { create: true });
    else if (requested) await openArchive(controller, requested);
    else if (last && existsSync(last)) await openArchive(controller, last);
    else if (last)
      report(
        'The last archive is gone',
        `${last}: no archive at this path any more. Open another one, or make a new one, from the File menu.`,
      );
    else await openSampleCase(controller);
  } catch (error) {
    report('The archive could not be opened', toCallError(error).message);
  }
}
