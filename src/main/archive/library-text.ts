/**
 * How the library compares text the way a reader does, which SQLite's NOCASE and LIKE
 * (ASCII only) cannot: "étude" finds "Étude", "Öztürk" sorts among the O's, and "Report 9"
 * comes before "Report 10". Keys are computed once per document and kept with the
 * ordered ids (library-order.ts) until the archive changes.
 */

/** Case, accents and compatibility forms folded away: what a quick filter matches on. */
export function foldText(text: string): string {
  // eslint-disable-next-line no-control-regex -- plain ASCII needs no decomposition
  if (/^[\u0000-\u007f]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** A key whose plain (code unit) order is the reading order: folded, numbers by value. */
export function sortKey(text: string): string {
  const folded = foldText(text);
  if (!/\d/.test(folded)) return folded;
  return folded.replace(/\d+/g, (digits) => {
    const value = digits.replace(/^0+(?=\d)/, '');
    return `${String.fromCharCode(0x30 + Math.min(value.length, 40))}${value}`;
  });
}

/** Compares two keys by their code units (faster than a collator over 100,000 rows). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
