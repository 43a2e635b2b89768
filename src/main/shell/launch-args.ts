/**
 * Which archive a launch asks for: the file the user double-clicked, dragged onto the
 * app's icon or named on the command line. Plain Node (no Electron) so it can be tested.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The extension of an Exhibit archive (electron-builder.yml registers it with the system). */
export const ARCHIVE_EXTENSION = '.exhibit';

function asPath(arg: string, cwd: string): string | null {
  if (arg.startsWith('file://')) {
    // Linux desktop files launch with %U: a file manager hands over a file:// URI.
    try {
      return fileURLToPath(arg);
    } catch {
      return null;
    }
  }
  return isAbsolute(arg) ? arg : resolve(cwd, arg);
}

/**
 * The last argument naming an .exhibit file, as an absolute path, or null. `argv` is the
 * whole command line (process.argv, or what 'second-instance' received): the executable,
 * in development the app's folder, and Chromium's own switches (which a second instance's
 * command line gains) are never mistaken for an archive. A relative path is resolved
 * against the folder the launch came from (`cwd`), not the running app's.
 */
export function archiveFromArgs(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('-')) continue;
    const path = asPath(arg, cwd);
    if (path && path.toLowerCase().endsWith(ARCHIVE_EXTENSION)) return path;
  }
  return null;
}
