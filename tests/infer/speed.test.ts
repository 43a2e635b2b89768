/**
 * Inference stays cheap on pages that are long or odd: it runs on every imported document,
 * and the issue caps it at a tenth of import time. A scraped page can hold tens of
 * thousands of blank lines; reading it must not be quadratic in them.
 */
import { describe, expect, it } from 'vitest';
import { inferMetadata } from '../../src/main/archive/infer/index.js';
import { datesIn } from '../../src/main/archive/infer/read-date.js';

function inferMs(text: string): number {
  const started = performance.now();
  inferMetadata({ format: 'text', metadata: {}, pages: [{ text }] });
  return performance.now() - started;
}

describe('inference cost', () => {
  it('reads a head of dates after fifty thousand blank lines in well under a second', () => {
    // A scraped page: its markup's blank lines, then a line naming ten dates, none of them on a line of its own.
    const line = Array.from({ length: 10 }, (_, i) => `Report item May ${i + 1}, 2007 was filed and noted; `).join('');
    const text = `${'\n'.repeat(50_000)}${line}\nMore text follows.`;
    inferMs('warm up: May 1, 2007');
    // Measured here: about 60 ms; 1.7 s when the signature pattern scanned "\n\s*Sincerely" from every blank line.
    expect(inferMs(text)).toBeLessThan(400);
  });
});

describe('dates read from the stretches around their years', () => {
  it('reads a date whose weekday and month stand far before its year, and a month and year alone', () => {
    const text = 'FOR IMMEDIATE RELEASE   Wednesday, September 21st, 2005   Contact: Jo\n\nDecember 1998\n';
    const found = datesIn(text).map((d) => [d.value, text.slice(d.index, d.index + d.length)]);
    expect(found).toEqual([
      ['2005-09-21', 'Wednesday, September 21st, 2005'],
      ['1998-12', 'December 1998'],
    ]);
  });

  it('reads ISO, numeric and little-endian dates, and no year alone', () => {
    const text = 'Posted 2007-03-01; revised 4/19/2007; signed 1 April 2007; in 2005 the Act';
    expect(datesIn(text).map((d) => d.value)).toEqual(['2007-03-01', '2007-04-19', '2007-04-01']);
  });
});
