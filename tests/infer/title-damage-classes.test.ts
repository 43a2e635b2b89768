/**
 * Headlines cleared of what scraping and page furniture leave around them, and bodies not
 * taken for headlines: classes found on the fourth held-out batch, each tested on wording
 * constructed after public-domain Senate releases and US government PDFs (not the batch's
 * own documents).
 */
import { describe, expect, it } from 'vitest';
import type { Inference } from '../../src/shared/inference.js';
import { inferMetadata } from '../../src/main/archive/infer/index.js';

function title(text: string, format: 'text' | 'pdf' | 'docx' = 'text'): Inference['value'] | undefined {
  const found = inferMetadata({ format, metadata: {}, pages: [{ text }] }).find((i) => i.field === 'title');
  if (found?.source) expect(text.slice(found.source.start, found.source.end)).toBe(found.source.text);
  return found?.value;
}

describe('a headline cleared of scraping damage', () => {
  it('repairs curly quotes and apostrophes decoded as a lone "â"', () => {
    expect(
      title('âSmith Bill Protects Oregonâs Forestsâ?\nMarch 3, 2006\nWASHINGTON, DC Sen. Gordon Smith today said'),
    ).toBe('Smith Bill Protects Oregon’s Forests');
  });

  it('drops a "Media Release:" label before the headline', () => {
    expect(
      title('Media Release: Nelson backs space program budget\nJanuary 5, 2006\nWASHINGTON, D.C. -- U.S. Sen.'),
    ).toBe('Nelson backs space program budget');
  });

  it('ends the headline before a contact glued to it without its colon', () => {
    expect(
      title('Senator Gregg Comments On Budget Resolution Contact Erin Rath\nWASHINGTON U S Senator Judd Gregg'),
    ).toBe('Senator Gregg Comments On Budget Resolution');
  });

  it('passes over a header label with a contact glued to it, and the contact’s second name', () => {
    const text =
      'Press Releases   Senator Graham Press Relases Contact  Wes Hickman   or Kevin Bishop   Date 03 01 2006   ' +
      'Graham Bill Honoring Veterans Passes Senate   WASHINGTON U S Senator Lindsey Graham today said';
    expect(title(text)).toBe('Graham Bill Honoring Veterans Passes Senate');
  });

  it('rejoins a capitals headline where a scraper dropped an apostrophe', () => {
    const text =
      'SENATOR SMITH WELCOMES ADMINISTRATION   S FOREST PLAN   June 1 2005 WASHINGTON DC Senator Gordon Smith ' +
      'today welcomed the plan for the forest';
    expect(title(text)).toBe('Senator Smith welcomes administration’s forest plan');
  });
});

describe('a body is not a headline', () => {
  it('finds none where the lead follows a dateline alone on its line', () => {
    const text =
      ' Washington DC   State county and local leaders could see new funding for jails under legislation ' +
      'supported by Idaho Senators Mike Crapo and Larry Craig   The U S Senate approved the measure';
    expect(title(text)).toBeUndefined();
  });

  it('finds none in a sentence ended by a full stop', () => {
    expect(title('Let me see what happens if I insert a worksheet.', 'docx')).toBeUndefined();
  });

  it('finds none in a paragraph that goes on in lower case', () => {
    const text =
      'The Committee held four hearings on the bill during the session and received testimony from\n' +
      'witnesses representing the agencies, the states and the public, and then reported the bill\nfavorably.';
    expect(title(text, 'pdf')).toBeUndefined();
  });

  it('passes over a running head that starts with its page number, and an imprint', () => {
    const text =
      '118 Income, Expenditures, and Wealth\nU.S. Census Bureau, Statistical Abstract of the United States: 2012\n' +
      'Table 690. Money Income of Households: 2009\n[In thousands. Households as of March of the following year]';
    expect(title(text, 'pdf')).toBe('Table 690. Money Income of Households: 2009');
  });
});

describe('a page title without its site marks', () => {
  it('drops a blog platform’s "@ Blog :: Platform ::" and a bracketed site name the page writes again', () => {
    const html = (t: string, body: string) =>
      inferMetadata({
        format: 'html',
        metadata: {},
        pages: [{ text: `${body}\n${t}\nThe story goes on.` }],
        face: {
          meta: { 'og:title': t },
          jsonLd: { datePublished: null, headline: null, authors: [] },
          title: t,
          firstHeading: null,
          times: [],
        },
      }).find((i) => i.field === 'title')?.value;
    expect(html('Autumn at the lake (2) @ Steven’s Home :: PIXNET ::', 'Steven’s Home')).toBe('Autumn at the lake (2)');
    expect(html('The Greedy Dog ＜Fables Daily＞', 'Fables Daily > January')).toBe('The Greedy Dog');
    expect(html('Meeting notes (draft)', 'Home')).toBe('Meeting notes (draft)');
  });
});
