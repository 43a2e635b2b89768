/**
 * A line opening on a label of the document's own date ("In force from", "Effective
 * date:") dates a policy or a manual chapter, and is not its title. Snippets constructed
 * for the class from public-domain policy wording.
 */
import { describe, expect, it } from 'vitest';
import type { Inference } from '../../src/shared/inference.js';
import { inferMetadata } from '../../src/main/archive/infer/index.js';

function infer(text: string): Record<string, Inference | undefined> {
  const found = inferMetadata({ format: 'pdf', metadata: {}, pages: [{ text }] });
  return Object.fromEntries(found.map((i) => [i.field, i]));
}

describe('a label of the document’s own date at a line’s start', () => {
  it('dates a manual chapter by its "In force from" line and titles it by the line after', () => {
    const found = infer(
      'In force from 4 July 2016\nPage 1 of 12\nSearch and surveillance policy\nThis chapter contains these topics:\nOverview\n',
    );
    expect(found['date']).toMatchObject({ value: '2016-07-04', status: 'applied', rule: 'own-date-label' });
    expect(found['title']?.value).toBe('Search and surveillance policy');
  });

  it('dates a policy by its "Effective date:" line', () => {
    const found = infer(
      'Records Retention Policy\nEffective date: September 1, 2019\nPurpose\nThis policy sets out how long records are kept.\n',
    );
    expect(found['date']).toMatchObject({ value: '2019-09-01', status: 'applied' });
  });

  it('does not take a date that "effective" introduces inside a sentence', () => {
    const found = infer(
      'Records Retention Policy\nPurpose\nThe board adopted the schedule in a public meeting and it became binding on all offices, ' +
        'effective January 1, 2020, after a period of comment.\n',
    );
    expect(found['date']?.status).not.toBe('applied');
  });
});
