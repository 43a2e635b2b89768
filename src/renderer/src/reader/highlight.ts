/** A marked range of one page's stored text: a saved quote, a find hit, the passage being quoted. */
export interface PageHighlight {
  key: string;
  start: number;
  end: number;
  kind: 'quote' | 'quote-active' | 'pending' | 'hit' | 'hit-current' | 'source';
  quoteId?: number;
}
