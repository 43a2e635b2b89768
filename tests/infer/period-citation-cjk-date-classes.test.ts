/**
 * Dates that are not a document's date of issue (a period's first day, a date inside a
 * citation), and Chinese or Japanese dates that are: classes found on the fourth held-out
 * batch, each tested on constructed wording after public-domain government documents and
 * on made-up CJK snippets (not the batch's own documents).
 */
import { describe, expect, it } from 'vitest';
import type { Inference } from '../../src/shared/inference.js';
import { inferMetadata } from '../../src/main/archive/infer/index.js';

function date(text: string, format: 'text' | 'pdf' | 'html' = 'pdf'): Inference | undefined {
  const found = inferMetadata({ format, metadata: {}, pages: [{ text }] }).find((i) => i.field === 'date');
  if (found?.source) expect(text.slice(found.source.start, found.source.end)).toBe(found.source.text);
  return found;
}

describe('a date that is not the date of issue', () => {
  it('takes no date from a reporting period', () => {
    const text =
      'Police Department\nCity of Springfield\nCompStat\nReport Covering the Week\n3/6/2023 Through 3/12/2023\n' +
      'Crime Complaints\nWeek to Date 28 Day Year to Date';
    expect(date(text)).toBeUndefined();
  });

  it('takes no date from a citation, bracketed or by volume and page', () => {
    const text =
      'Food and Drug Administration, HHS Pt. 101\nrecords of such labels shall be kept.\n' +
      '[42 FR 14308, Mar. 15, 1977, as amended at\n43 FR 12858, Mar. 28, 1978]\nPART 101—FOOD LABELING';
    expect(date(text)).toBeUndefined();
  });

  it('still reads a date of issue standing alone near the top', () => {
    expect(date('Annual Report\nMarch 15, 2023\nThe Board met four times.')?.value).toBe('2023-03-15');
  });
});

describe('a Chinese or Japanese date on the face', () => {
  it('reads a cover’s year and month', () => {
    const found = date('某某股份有限公司 2019 年年度报告\n某某股份有限公司\n2019 年年度报告\n2020 年 03 月\n');
    expect(found?.value).toBe('2020-03');
    expect(found?.status).toBe('applied');
  });

  it('reads a byline’s day with its time, and not a date inside a sentence', () => {
    const text =
      '科技 > 要闻\n人工智能迈上新台阶\n某某中文站2017年3月5日08:30\n' +
      '据报道，该公司于2016年10月14日发布了新的研究成果，研究人员表示这是一个重要的进展。';
    expect(date(text, 'html')?.value).toBe('2017-03-05');
    expect(
      date('研究人员表示，该公司于2016年10月14日发布了新的研究成果，这是一个重要的进展。', 'html'),
    ).toBeUndefined();
  });
});
