/**
 * Lines of a table: a ledger's row ("920.68STAFF TRANSPORTATION03/06/2019… 05/03/2019
 * CITIBANK - TRAVEL CBA CARD"), a schedule's figures. A date in such a line is a cell's,
 * never the document's own, whatever word in capitals follows it.
 */

/** An amount of money as ledgers write it: "37,499.96", "$1,200.00". */
const AMOUNT = /(?<![\d.])\$?\d{1,3}(?:,\d{3})*\.\d{2}(?![\d])/g;
/**
 * A figure: digits with separators (an amount, a date in digits: "1,260.00", "03/06/2019")
 * or a long code ("20190001"). A year alone is not one: prose names years.
 */
const FIGURE = /\d+(?:[,./-]\d+)+|\d{5,}/g;

/** Whether `line` is a row of a table: two amounts, an amount among other figures, or four figures (each with a separator, or five digits or more). */
export function isTabularLine(line: string): boolean {
  const amounts = line.match(AMOUNT)?.length ?? 0;
  if (amounts >= 2) return true;
  const figures = line.match(FIGURE)?.length ?? 0;
  return (amounts >= 1 && figures >= 3) || figures >= 4;
}

/** How many of the top's lines are read, and how many of them must hold figures, for a page to be a table. */
const TOP_LINES = 40;
const FIGURE_LINES = 5;

/**
 * Whether a page's top is a table: at least FIGURE_LINES of its first TOP_LINES lines, and
 * a third of them, hold an amount or are rows. An official a ledger names ("AIRFARE FOR SEN
 * HAWLEY") is its payee's traveller, not the issuer of a release.
 */
export function isTablePage(text: string): boolean {
  const lines = text
    .slice(0, 6000)
    .split('\n', TOP_LINES)
    .filter((l) => l.trim() !== '');
  const figures = lines.filter((l) => (l.match(AMOUNT)?.length ?? 0) > 0 || isTabularLine(l)).length;
  return figures >= FIGURE_LINES && figures * 3 >= lines.length;
}
