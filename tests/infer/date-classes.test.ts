/**
 * Date rules by class, each on real snippets copied from documents of the labelled set:
 * dates labelled as another kind of date, dates standing alone on a line past the head,
 * dates that chrono reads across a line break.
 */
import { describe, expect, it } from 'vitest';
import type { Inference } from '../../src/shared/inference.js';
import { inferMetadata } from '../../src/main/archive/infer/index.js';
import { datesIn } from '../../src/main/archive/infer/read-date.js';

function date(text: string): Inference | undefined {
  const found = inferMetadata({ format: 'text', metadata: {}, pages: [{ text }] }).find((i) => i.field === 'date');
  if (found?.source) expect(text.slice(found.source.start, found.source.end)).toBe(found.source.text);
  return found;
}

describe('dates labelled as another kind of date are not the document’s', () => {
  it('skips an Internet-Draft’s "Expires:" date for its own date on the same line', () => {
    const text =
      'INTERNET DRAFT                                      Michiel B. de Jong\n' +
      'Document: draft-dejong-remotestorage-04                   IndieHosters\n' +
      'Intended Status: Proposed Standard                       (independent)\n' +
      'Expires: 18 June 2015                                 15 December 2014\n\n' +
      '                            remoteStorage\n';
    expect(date(text)).toMatchObject({ value: '2014-12-15', status: 'applied' });
  });

  it('gives no date to a form whose only dates are its revision mark and an incident’s', () => {
    const text =
      'DCF-F-2476-E (R. 04/2014)\n90-Day Summary Report for Child Death, Serious Injury or Egregious Incident\n' +
      'Case Tracking Number: 150109-DSP-Milw-505 Agency: Bureau of Milwaukee Child Welfare\n' +
      'Date of Incident: 01/09/2015\n';
    expect(date(text)).toBeUndefined();
  });
});

describe('a date alone on its line past the head', () => {
  const navigation = Array.from({ length: 120 }, (_, i) => `Section ${i}`).join('\n');

  it('reads an article’s date under its byline after a long navigation, a time beside it', () => {
    const text = `${navigation}\nAngry media won’t buckle over new surveillance laws\n\nby: Laurie Oakes\nFrom: Herald Sun\nMarch 13, 2015 9:00PM\n\nA new Bill would require…`;
    expect(date(text)).toMatchObject({ value: '2015-03-13', rule: 'date-alone-on-line', status: 'applied' });
  });

  it('reads an agenda’s date above the time of its meeting', () => {
    const text = `${navigation}\nCUPERTINO UNION SCHOOL DISTRICT\nBoard of Education\nSpecial Meeting\nAGENDA\n1309 S. Mary Avenue\nApril 6, 2016\n7:30 a.m.\n1. CALL TO ORDER/FLAG SALUTE`;
    expect(date(text)).toMatchObject({ value: '2016-04-06', status: 'applied' });
  });

  it('only offers the first of several different dates alone on their lines (a list of news)', () => {
    const text = `${navigation}\nMan Sentenced\n2022-11-14 13:29:24\nRecent News\nThree Arrested\nJune 10, 2026\nOther News\nJune 3, 2026\n`;
    expect(date(text)).toMatchObject({ value: '2022-11-14', status: 'suggested' });
  });
});

describe('a date does not run across a line break', () => {
  it('reads a year above a month as no date, and a weekday-like word above a date as the date alone', () => {
    expect(datesIn('News Releases\n2026\nJanuary\nFebruary\n')).toEqual([]);
    const text = 'From: Herald Sun\nMarch 13, 2015 9:00PM';
    expect(datesIn(text).map((d) => [d.value, text.slice(d.index, d.index + 14)])).toEqual([
      ['2015-03-13', 'March 13, 2015'],
    ]);
  });
});
