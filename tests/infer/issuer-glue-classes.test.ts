/**
 * Issuers read cleanly from headlines in capitals and leads, and reports named in Chinese
 * or Japanese: classes found on the fourth held-out batch, each tested on constructed
 * wording after public-domain Senate releases (not the batch's own documents).
 */
import { describe, expect, it } from 'vitest';
import type { Inference, InferredField } from '../../src/shared/inference.js';
import { inferMetadata } from '../../src/main/archive/infer/index.js';

function value(text: string, field: InferredField, format: 'text' | 'pdf' = 'text'): Inference['value'] | undefined {
  const found = inferMetadata({ format, metadata: {}, pages: [{ text }] }).find((i) => i.field === field);
  if (found?.source) expect(text.slice(found.source.start, found.source.end)).toBe(found.source.text);
  return found?.value;
}

describe('an issuer without the words a capitals headline glues to the name', () => {
  it('drops a possessive and what it owns', () => {
    const text =
      "SEN. HATCH' CLEAN WATER ACT OF 2006\n  Rivers are the number one source of drinking water. " +
      'The bill would protect them, the senator said.';
    expect(value(text, 'authors')).toEqual(['Hatch']);
  });

  it('drops a participle after a hyphen', () => {
    const text =
      'SEN. THUNE-BACKED BILL AIMS TO REDUCE ETHANOL TARIFFS\n  Sen. John Thune (R-S.D.) today joined Sen. ' +
      'Tim Johnson (D-S.D.) in introducing legislation. "This is good for farmers," said Thune.';
    expect(value(text, 'authors')).toEqual(['John Thune']);
  });
});

describe('a given name that is also a word', () => {
  it('reads "Sen. Bill Nelson" as a name', () => {
    const text =
      'Nelson backs space program budget\nMedia release\nFebruary 6, 2006\n' +
      'WASHINGTON, D.C. -- U.S. Sen. Bill Nelson of Florida today announced he would support the budget.';
    expect(value(text, 'authors')).toEqual(['Bill Nelson']);
  });

  it('still stops a name at "Bill" the noun', () => {
    const text = 'SMITH BILL PASSES SENATE\n  Sen. Gordon Smith today said the Senate passed his bill.';
    expect(value(text, 'authors')).toEqual(['Gordon Smith']);
  });
});

describe('a report named in Chinese or Japanese', () => {
  it('is a report', () => {
    expect(
      value('某某股份有限公司 2019 年年度报告\n某某股份有限公司\n2019 年年度报告\n2020 年 03 月', 'type', 'pdf'),
    ).toBe('report');
  });
});
