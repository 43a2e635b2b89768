/** What the reader's find bar looks for when a search hit opens on its page. */
import type { SearchHit } from '../../../shared/contract.js';
import { parseQuery, queryTerms, SearchSyntaxError } from '../../../shared/search-syntax.js';

/** The words to find on the page when a hit opens: the first marked part of its snippet, else the query's first word. */
export function termsOf(hit: SearchHit, query: string): string {
  const marked = hit.snippet.filter((p) => p.marked).map((p) => p.text.trim());
  if (marked[0]) return marked[0];
  return firstSearchedWord(query);
}

/** The first word or phrase the query looks for, read by the core's own parser; '' for none or a query it cannot read. */
function firstSearchedWord(query: string): string {
  try {
    return queryTerms(parseQuery(query))[0]?.text ?? '';
  } catch (error) {
    if (error instanceof SearchSyntaxError) return '';
    throw error;
  }
}
