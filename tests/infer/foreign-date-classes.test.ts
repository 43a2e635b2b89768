/**
 * Dates written in the other languages chrono reads, and a report's title in them.
 * Snippets constructed for the class (title pages of municipal and federal reports).
 */
import { describe, expect, it } from 'vitest';
import type { Inference } from '../../src/shared/inference.js';
import { inferMetadata } from '../../src/main/archive/infer/index.js';
import { datesIn } from '../../src/main/archive/infer/read-date.js';

function infer(text: string, format: 'text' | 'pdf' = 'pdf'): Record<string, Inference | undefined> {
  const found = inferMetadata({ format, metadata: {}, pages: [{ text }, { text: 'Suite' }] });
  return Object.fromEntries(found.map((i) => [i.field, i]));
}

describe('dates in French, German, Spanish and the other languages chrono reads', () => {
  it('reads a month and year alone on a report’s title page, and types it a report', () => {
    const found = infer(
      'Plan directeur des parcs et espaces verts\nde la Ville de Gatineau\nRapport final\nMars 2019\n',
    );
    expect(found['date']).toMatchObject({ value: '2019-03', status: 'applied' });
    expect(found['type']?.value).toBe('report');
  });

  it('reads day, month and year as each language writes them', () => {
    const values = (text: string) => datesIn(text).map((d) => d.value);
    expect(values('Gatineau, le 28 mars 2012')).toEqual(['2012-03-28']);
    expect(values('Berlin, den 15. März 2020')).toEqual(['2020-03-15']);
    expect(values('Madrid, 3 de mayo de 2019')).toEqual(['2019-05-03']);
    expect(values('Jahresbericht Januar 2021')).toEqual(['2021-01']);
    expect(values('Informe anual, diciembre de 2018')).toEqual(['2018-12']);
  });

  it('does not read the planet for a month in English text', () => {
    expect(datesIn('The Mars 2020 mission landed in Jezero Crater.')).toEqual([]);
  });
});
