/**
 * Pages without text in the reader: what to say over the document or the current page,
 * and what Q says there instead of "Select some text".
 */
import { hasNoText, NO_TEXT_NOTICE, noTextOnPage } from '../../../shared/no-text.js';

/** The notice to show, or null when the current page has text (or the texts are not read yet). */
export function noTextNotice(pageTexts: readonly string[] | null, page: number): string | null {
  if (!pageTexts) return null;
  if (hasNoText(pageTexts)) return NO_TEXT_NOTICE;
  return (pageTexts[page - 1] ?? 'unread').trim() === '' ? noTextOnPage(String(page)) : null;
}
