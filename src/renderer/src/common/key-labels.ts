/** The labels of a shortcut's keys, as the help sheet and tooltips print them. Pure. */

/** How a combo reads: `Ctrl K`, or `⌘ K` on a Mac. */
export function comboLabels(combo: string, isMac: boolean): string[] {
  // "+" is a key too: split only on a "+" that joins two parts ("mod++" is Ctrl and +).
  return combo.split(/\+(?=.)/).map((part) => {
    switch (part) {
      case 'mod':
        return isMac ? '⌘' : 'Ctrl';
      case 'alt':
        return isMac ? '⌥' : 'Alt';
      case 'shift':
        return 'Shift';
      case 'escape':
        return 'Esc';
      case 'arrowdown':
        return '↓';
      case 'arrowup':
        return '↑';
      case 'pagedown':
        return 'PgDn';
      case 'pageup':
        return 'PgUp';
      case 'enter':
        return 'Enter';
      case 'delete':
        return 'Del';
      case 'backspace':
        return 'Backspace';
      default:
        return part.length === 1 ? part.toUpperCase() : part;
    }
  });
}
