/**
 * A date in a row of a table is a cell's, not the document's dateline; a dateline is a
 * date that a city follows at the start of a release's paragraph. Snippets constructed for
 * the class (a ledger of office expenses), and real ones from releases of the seen set.
 */
import { describe, expect, it } from 'vitest';
import type { Inference } from '../../src/shared/inference.js';
import { inferMetadata } from '../../src/main/archive/infer/index.js';
import { isTablePage, isTabularLine } from '../../src/main/archive/infer/tabular.js';

function date(text: string, format: 'text' | 'pdf' = 'text'): Inference | undefined {
  return inferMetadata({ format, metadata: {}, pages: [{ text }] }).find((i) => i.field === 'date');
}

describe('dates in a table are not datelines', () => {
  it('applies no date from a ledger row where a date is followed by a payee in capitals', () => {
    const text =
      'VOUCHER NO. DATE PAYEE NAME PURPOSE AMOUNT ($)\nSTART END\n' +
      '1,204.50OFFICE SUPPLIES02/11/202102/01/2021OFC20210007 02/19/2021 STAPLES CONTRACT ACCOUNT\n' +
      'PAPER AND TONER FOR STATE OFFICE\n' +
      '312.00STAFF TRAVEL03/02/202103/01/2021OFC20210008 03/09/2021 AMTRAK - TRAVEL CARD\n';
    expect(date(text, 'pdf')?.status).not.toBe('applied');
  });

  it('tells a ledger row from a release’s date line', () => {
    expect(isTabularLine('312.00STAFF TRAVEL03/02/202103/01/2021OFC20210008 03/09/2021 AMTRAK - TRAVEL CARD')).toBe(
      true,
    );
    expect(isTabularLine('Salaries  4,100.00  3,950.00')).toBe(true);
    // Real head lines of seen releases: a date and its dateline, a contact's phone number.
    expect(isTabularLine('Tuesday  February 1  2005       WASHINGTON')).toBe(false);
    expect(isTabularLine('Contact: Jennifer Graff 202-224-5521 April 19, 2007 WASHINGTON, D.C.')).toBe(false);
  });

  it('takes no official a ledger names for the issuer of a release', () => {
    const rows = Array.from(
      { length: 6 },
      (_, i) =>
        `${400 + i}.50STAFF TRAVEL0${i + 1}/02/20210${i + 1}/01/2021OFC2021000${i} 0${i + 2}/09/2021 AMTRAK - TRAVEL CARD\n` +
        `RAIL FARE FOR SEN ${i % 2 ? 'TESTER' : 'DAINES'} AS FOLLOWS: 3/21 HELENA TO WASHINGTON DC\n`,
    ).join('');
    const text = `VOUCHER NO. DATE PAYEE NAME PURPOSE AMOUNT ($)\nSTART END\n${rows}`;
    expect(isTablePage(text)).toBe(true);
    const found = inferMetadata({ format: 'pdf', metadata: {}, pages: [{ text }] });
    expect(found.find((i) => i.field === 'authors')).toBeUndefined();
  });

  it('still reads a release’s date before its dateline', () => {
    const text =
      'DURBIN ANNOUNCES FUNDING FOR ROCKFORD AIRPORT\n  Tuesday, April 17, 2007 WASHINGTON, D.C. - U.S. Senator Dick Durbin (D-IL) today announced $2 million.';
    expect(date(text)).toMatchObject({ value: '2007-04-17', status: 'applied' });
  });
});
