/**
 * The search box's language (src/shared/search-syntax.ts) rewritten into an FTS5 query, so
 * no user text reaches MATCH unchecked: every word and phrase goes out as an FTS5 string.
 * A query that cannot be read gets an ArchiveError('invalid-input') saying why.
 */
import { parseQuery as parseSyntax, SearchSyntaxError, type QueryNode } from '../../../shared/search-syntax.js';
import { ArchiveError } from '../errors.js';
import { queryText } from './script-text.js';

function fail(message: string): never {
  throw new ArchiveError('invalid-input', `search: ${message}`);
}

/** Parses the search box's text; null when it holds no word to search for. */
export function parseQuery(input: string): QueryNode | null {
  try {
    return parseSyntax(input);
  } catch (error) {
    if (error instanceof SearchSyntaxError) fail(error.message);
    throw error;
  }
}

function ftsString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** The FTS5 form of a parsed query: every word a quoted string, every group parenthesized. */
export function toFts(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      // CJK words become phrases of bigrams and marks are dropped, as in the index (script-text.ts).
      return `${ftsString(queryText(node.text))}${node.prefix ? '*' : ''}`;
    case 'near':
      return `NEAR(${node.terms.map(toFts).join(' ')}, ${node.distance})`;
    case 'or':
      return node.either.map((n) => `(${toFts(n)})`).join(' OR ');
    case 'and': {
      const include = node.include.map((n) => `(${toFts(n)})`).join(' AND ');
      if (node.exclude.length === 0) return include;
      return `(${include}) NOT (${node.exclude.map((n) => `(${toFts(n)})`).join(' OR ')})`;
    }
  }
}

/** The safe FTS5 query for the search box's text; throws invalid-input when there is nothing to search for. */
export function ftsQuery(input: string): string {
  const node = parseQuery(input);
  if (!node) fail('type at least one word to search for');
  return toFts(node);
}
