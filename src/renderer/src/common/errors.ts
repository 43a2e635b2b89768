/** Turning any failure into one plain sentence for the user (never a stack trace). */
import type { CallError } from '../../../shared/contract.js';

/** The sentence to show for a failed call. */
export function plainError(error: CallError | undefined, doing?: string): string {
  if (!error) return '';
  switch (error.code) {
    case 'unsupported':
      return doing
        ? `${capital(doing)} is not available in this version yet.`
        : 'This is not available in this version yet.';
    case 'no-archive':
      return 'No archive is open. Open or create one from the File menu.';
    case 'internal':
      return doing ? `Something went wrong while ${doing}: ${sentence(error.message)}` : sentence(error.message);
    default:
      return sentence(error.message);
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Capitalised, with a full stop. */
export function sentence(text: string): string {
  const t = capital(text.trim());
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** Ends a core reason with a full stop, leaving its first word as written (it is often a file name). */
export function withFullStop(text: string): string {
  const t = text.trim();
  return t === '' || /[.!?]$/.test(t) ? t : `${t}.`;
}
