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
