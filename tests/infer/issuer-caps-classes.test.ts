/**
 * A release's issuers as a headline in capitals writes them: officials joined by "AND",
 * and an official's name in the possessive. Snippets constructed for each class from
 * public-domain release wording (not from the held-out documents).
 */
import { describe, expect, it } from 'vitest';
import { inferMetadata } from '../../src/main/archive/infer/index.js';
import { readName } from '../../src/main/archive/infer/names.js';

function authors(text: string): unknown {
  return inferMetadata({ format: 'text', metadata: {}, pages: [{ text }] }).find((i) => i.field === 'authors')?.value;
}

describe('co-issuers in an ALL-CAPS headline', () => {
  it('reads both officials a caps headline joins with AND, each in full from the lead', () => {
    const text =
      'SENATORS SNOWE AND COLLINS ANNOUNCE  2 MILLION FOR MAINE PORTS   ' +
      'Grants awarded a month after the Senators called on the Department to act   Monday  March 5  2007   WASHINGTON   ' +
      'U S  Senators Olympia J  Snowe and Susan Collins today announced that the Department of Transportation has ' +
      'awarded funding to three ports. Snowe and Collins said the grants would help.';
    expect(authors(text)).toEqual(['Olympia J Snowe', 'Susan Collins']);
  });

  it('reads the officials of a caps headline whose names the body writes in mixed case', () => {
    const text =
      'SENATORS MCCASKILL AND BOND APPLAUD FUNDING FOR FORT LEONARD WOOD September 12  2007  Washington  DC  ' +
      'U S  Senators Claire McCaskill  D MO  and Kit Bond  R MO  today applauded Senate passage of the bill.';
    expect(authors(text)).toEqual(['Claire McCaskill', 'Kit Bond']);
  });
});

describe('a name in the possessive', () => {
  it('ends the name at the possessive: the word after it is not part of the name', () => {
    expect(readName("HATCH'S FLAG-PROTECTION AMENDMENT", 0)?.name).toBe('Hatch');
    expect(readName('Grassley’s Whistleblower Amendment', 0)?.name).toBe('Grassley');
  });

  it('names the official of "SEN. X’S AMENDMENT" in full from the lead', () => {
    const text =
      "FINANCE COMMITTEE APPROVES SEN. GRASSLEY'S WHISTLEBLOWER AMENDMENT\n" +
      "  The Senate Finance Committee today approved Sen. Charles E. Grassley's (R-Iowa) amendment to protect " +
      'employees who report fraud. "This is a good day for taxpayers," Grassley said.';
    expect(authors(text)).toEqual(['Charles E. Grassley']);
  });
});
