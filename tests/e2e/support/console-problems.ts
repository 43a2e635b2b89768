/**
 * What a page of the app says that it should not: an uncaught error, or any console
 * error or warning. The app's pages keep the console clean, so each one is a defect.
 */
import type { Page } from 'playwright-core';

/** Starts recording the page's problems into `problems` (one line each); returns it. */
export function watchConsole(page: Page, problems: string[] = []): string[] {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const type = message.type();
    if (type === 'error' || type === 'warning')
      problems.push(`console ${type}: ${message.text()} (${message.location().url || 'no source'})`);
  });
  return problems;
}
