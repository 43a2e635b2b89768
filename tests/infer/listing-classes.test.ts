/**
 * A page that lists dated releases (a newsroom's index) is 'other' and undated: its dates
 * are its items'. Pages constructed for the class from public-domain release headlines; a
 * release whose related links are dated keeps its own date and type.
 */
import { describe, expect, it } from 'vitest';
import type { Inference } from '../../src/shared/inference.js';
import { inferMetadata } from '../../src/main/archive/infer/index.js';

function infer(text: string): Record<string, Inference | undefined> {
  const found = inferMetadata({ format: 'text', metadata: {}, pages: [{ text }] });
  return Object.fromEntries(found.map((i) => [i.field, i]));
}

const items = [
  'Tester Announces Grant for Rural Hospitals',
  'Tester Statement on Veterans Choice Act',
  'Tester Urges Quick Action on Farm Bill',
  'Tester Secures Funding for Fort Peck Water System',
  'Tester, Daines Introduce Public Lands Bill',
  'Tester Applauds Passage of Highway Bill',
];

describe('a listing of dated items', () => {
  it('types an index of releases, dates after titles, as other, with no date and no issuer', () => {
    const dates = [
      'May 2, 2016',
      'April 28, 2016',
      'April 21, 2016',
      'April 14, 2016',
      'April 7, 2016',
      'March 30, 2016',
    ];
    const text = `Home\tAbout Jon\tServices\tNewsroom\n\nPress Releases\n\n${items.map((t, i) => `${t}\t${dates[i]}`).join('\n')}\n`;
    const found = infer(text);
    expect(found['type']?.value).toBe('other');
    expect(found['date']).toBeUndefined();
    expect(found['authors']).toBeUndefined();
  });

  it('reads dates in digits with two-digit years before the titles as items too', () => {
    const dates = ['05/02/16', '04/28/16', '04/21/16', '04/14/16', '04/07/16', '03/30/16'];
    const text = `Newsroom\nPress Releases\nCurrently showing results in 2016\nMay 2016\n${items.map((t, i) => `${dates[i]}\t${t}`).join('\n')}\n`;
    const found = infer(text);
    expect(found['type']?.value).toBe('other');
    expect(found['date']).toBeUndefined();
  });

  it('keeps a release’s own date and type when dated related links follow its lead', () => {
    const lead =
      'WASHINGTON, D.C. – U.S. Senator Jon Tester today announced that the Department of Health and Human Services ' +
      'has awarded grants to three rural hospitals in Montana, which will use them to hire nurses and keep their doors open.';
    const related = items.map((t, i) => `${t}\tApril ${20 - i}, 2016`).join('\n');
    const text = `FOR IMMEDIATE RELEASE\nMay 2, 2016\nTester Announces Grant for Rural Hospitals\n${lead}\n\nRelated\n${related}\n`;
    const found = infer(text);
    expect(found['type']?.value).toBe('statement');
    expect(found['date']).toMatchObject({ value: '2016-05-02', status: 'applied' });
  });
});
