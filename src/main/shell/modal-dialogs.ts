/**
 * Electron's native dialogs, modal to the app's window when there is one. Electron's
 * overloads take the window first or not at all (never `null`), hence the one choice here.
 */
import {
  dialog,
  type BrowserWindow,
  type MessageBoxOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';

export function modalDialogs(window: BrowserWindow | null) {
  return {
    open: (options: OpenDialogOptions) =>
      window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options),
    save: (options: SaveDialogOptions) =>
      window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options),
    message: (options: MessageBoxOptions) =>
      window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options),
  };
}

/** A failure the user should see: its title and one-line reason in an error box. */
export function reportError(window: BrowserWindow | null, title: string, detail: string): void {
  void modalDialogs(window).message({ type: 'error', message: title, detail, buttons: ['OK'] });
}
