/** Option parsers shared by the quote, tag and search commands. */
import { snippetParts } from '../../shared/snippet.js';
import { UsageError } from './context.js';

/** Commander collector for repeatable options (--tag A --tag B). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A whole number option (≥ min) or a UsageError naming it. */
export function parseWhole(value: string, what: string, min = 1): number {
  if (!/^-?\d+$/.test(value) || Number(value) < min)
    throw new UsageError(`${what}: "${value}" is not a whole number of at least ${min}`);
  return Number(value);
}

/** Search snippets carry <mark> and HTML entities; a terminal shows «term» instead. */
export function plainSnippet(snippet: string): string {
  return snippetParts(snippet)
    .map((part) => (part.marked ? `«${part.text}»` : part.text))
    .join('');
}

/** One line of a longer text, cut to `max` characters. */
export function oneLine(text: string, max = 100): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
