import { describe, expect, it } from 'vitest';
import { findPassage, locatePassage } from '../../src/main/archive/quotes/anchor.js';
import { fold, OPTIONAL_HYPHEN } from '../../src/main/archive/quotes/normalize.js';
import { joinPages, textAt } from '../../src/main/archive/quotes/selectors.js';

/** The one place `needle` stands in `pages`, or fails the test. */
function found(pages: string[], needle: string, options = {}) {
  const result = locatePassage(joinPages(pages), needle, options);
  if (result.kind !== 'found') throw new Error(`expected one place, got ${result.kind}`);
  return result;
}

describe('folding keeps a map back to the source', () => {
  it('folds white space, quotes, dashes and ligatures and maps each folded character to its original', () => {
    const source = 'A  \u201Cﬁne\u201D\n\tday \u2013 ok';
    const f = fold(source);
    expect(f.text).toBe('A "fine" day - ok');
    // "fi" both come from the one ligature character.
    const i = f.text.indexOf('fi');
    expect(source.slice(f.starts[i], f.ends[i + 1])).toBe('ﬁ');
    // The folded space between A and " stands for both spaces.
    expect(source.slice(f.starts[1], f.ends[1])).toBe('  ');
  });

  it('turns a hyphen at a line end inside a word into an optional hyphen, and leaves other hyphens alone', () => {
    expect(fold('com-\nplex').text).toBe(`com${OPTIONAL_HYPHEN}plex`);
    expect(fold('com- \n  plex').text).toBe(`com${OPTIONAL_HYPHEN}plex`);
    expect(fold('well-known').text).toBe('well-known');
    expect(fold('see page 4 -\n5').text).toBe('see page 4 - 5');
  });
});

describe('finding a passage tolerates how a reader retypes it', () => {
  it('matches across line breaks and runs of white space, and stores the source’s own characters', () => {
    const r = found(['The officers were told to\n   stop   the\r\nvehicle at once.'], 'told to stop the vehicle');
    expect(r.text).toBe('told to\n   stop   the\r\nvehicle');
    expect(r.match.start).toBe('The officers were '.length);
  });

  it('matches a word hyphenated at a line end, typed whole', () => {
    const page = 'The system is com-\nplex and opaque.';
    const r = found([page], 'is complex and');
    expect(r.text).toBe('is com-\nplex and');
  });

  it('matches a hyphenated compound broken at its hyphen, typed with the hyphen', () => {
    const r = found(['a self-\nreported figure'], 'self-reported figure');
    expect(r.text).toBe('self-\nreported figure');
  });

  it('matches a soft hyphen in the source', () => {
    const r = found(['an extra\u00ADordinary claim'], 'extraordinary claim');
    expect(r.text).toBe('extra\u00ADordinary claim');
  });

  it('matches straight quotes and apostrophes against curly ones, and the other way round', () => {
    const source = 'He said \u201CWe didn\u2019t know\u201D and left.';
    expect(found([source], 'said "We didn\'t know"').text).toBe('said \u201CWe didn\u2019t know\u201D');
    expect(found(['It\'s "fine"'], 'It\u2019s \u201Cfine\u201D').text).toBe('It\'s "fine"');
  });

  it('matches dashes typed as hyphens and compatibility forms (ligatures, accents composed or not)', () => {
    expect(found(['from 2019\u20132020 onward'], '2019-2020').text).toBe('2019\u20132020');
    expect(found(['the ﬁnal report'], 'final report').text).toBe('ﬁnal report');
    expect(found(['Jose\u0301 said'], 'Jos\u00E9 said').text).toBe('Jose\u0301 said');
  });

  it('ignores case only when the exact case is nowhere', () => {
    expect(found(['He said the Department erred.'], 'The Department').text).toBe('the Department');
    const both = findPassage(joinPages(['The cat. the cat.']), 'The cat');
    expect(both).toHaveLength(1);
  });

  it('does not match a different word', () => {
    expect(locatePassage(joinPages(['The ban was lifted.']), 'banner was').kind).toBe('not-found');
    expect(locatePassage(joinPages(['The ban was lifted.']), 'the bans').kind).toBe('not-found');
  });

  it('keeps 32 characters of context on each side', () => {
    const before = 'x'.repeat(50);
    const after = 'y'.repeat(50);
    const r = found([`${before} needle here ${after}`], 'needle here');
    expect(r.prefix).toBe(`${'x'.repeat(31)} `);
    expect(r.suffix).toBe(` ${'y'.repeat(31)}`);
  });
});

describe('a passage in several places', () => {
  const pages = ['Alpha said no. Beta said no.', 'Gamma said no.'];

  it('is refused with each place listed (page and snippet)', () => {
    const r = locatePassage(joinPages(pages), 'said no');
    expect(r.kind).toBe('ambiguous');
    if (r.kind !== 'ambiguous') return;
    expect(r.places.map((p) => p.page)).toEqual([1, 1, 2]);
    expect(r.places[0]?.snippet).toContain('Alpha «said no»');
    expect(r.places[2]?.snippet).toContain('Gamma «said no»');
  });

  it('is chosen by page, or by occurrence', () => {
    expect(found(pages, 'said no', { page: 2 }).match.page).toBe(2);
    expect(found(pages, 'said no', { occurrence: 2 }).prefix).toBe('Alpha said no. Beta ');
    expect(found(pages, 'said no', { page: 1, occurrence: 2 }).match.start).toBe('Alpha said no. Beta '.length);
    expect(locatePassage(joinPages(pages), 'said no', { page: 1 }).kind).toBe('ambiguous');
    expect(locatePassage(joinPages(pages), 'said no', { occurrence: 4 })).toEqual({
      kind: 'no-such-occurrence',
      count: 3,
    });
  });
});

describe('a passage across a page break', () => {
  it('starts on one page and ends on the next, with offsets into each page', () => {
    const pages = ['Page one ends with the officers', 'did not intervene. Page two goes on.'];
    const r = found(pages, 'the officers did not intervene');
    expect(r.match).toMatchObject({
      page: 1,
      pageEnd: 2,
      start: 'Page one ends with '.length,
      end: 'did not intervene'.length,
    });
    expect(r.text).toBe('the officers\ndid not intervene');
    expect(textAt(joinPages(pages), r.match)?.text).toBe(r.text);
  });

  it('joins a word hyphenated across the page break', () => {
    const pages = ['a decision that was con-', 'troversial from the start'];
    const r = found(pages, 'was controversial');
    expect(r.match).toMatchObject({ page: 1, pageEnd: 2, end: 'troversial'.length });
    expect(r.text).toBe('was con-\ntroversial');
  });

  it('ends at the start of the next page when the passage ends with the page', () => {
    const pages = ['first page text', 'second'];
    const r = found(pages, 'page text');
    expect(r.match).toMatchObject({ page: 1, pageEnd: 1, end: 'first page text'.length });
  });
});
