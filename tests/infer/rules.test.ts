/**
 * Each inference rule on a short real snippet: the head of a labelled document, cut where
 * the rule has what it needs. Every test asserts the value, the rule that found it and the
 * words on the page it points at (offsets into the snippet).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inference, InferredField } from '../../src/shared/inference.js';
import { inferMetadata } from '../../src/main/archive/infer/index.js';
import { readName } from '../../src/main/archive/infer/names.js';
import { sentenceCase } from '../../src/main/archive/infer/sentence-case.js';
import { ROOT } from './labelled-set.js';

/** The first `chars` characters of a labelled document, as its importer reads a .txt file. */
function snippet(path: string, chars: number): string {
  return readFileSync(join(ROOT, 'tests/fixtures', path), 'utf8').slice(0, chars);
}

function infer(text: string): Inference[] {
  return inferMetadata({ format: 'text', metadata: {}, pages: [{ text }] });
}

function field(text: string, name: InferredField): Inference {
  const found = infer(text).find((i) => i.field === name);
  if (!found) throw new Error(`no ${name} inferred`);
  // The evidence is the page's own words at the offsets given.
  if (found.source) expect(text.slice(found.source.start, found.source.end)).toBe(found.source.text);
  return found;
}

describe('names end where the name ends', () => {
  it('stops at a headline verb, chrome words, a party and state, and keeps an initial', () => {
    const casey = 'Senators Specter and Casey Announce Senate Approval';
    expect(readName(casey, 'Senators '.length)?.name).toBe('Specter');
    expect(readName(casey, casey.indexOf('Casey'))?.name).toBe('Casey');
    expect(readName('Senator Carl Levin   News Release', 8)?.name).toBe('Carl Levin');
    expect(readName('Senator John Kerry  D   Mass  that will', 8)?.name).toBe('John Kerry');
    expect(readName('Sen  Barbara A  Mikulski  D Md', 5)?.name).toBe('Barbara A Mikulski');
    expect(readName('Sen. Tom Carper, D-Del., and eight', 5)?.name).toBe('Tom Carper');
  });
});

describe('release issuers', () => {
  it('reads the site chrome senator, not the chrome words after the name (Levin)', () => {
    const text = snippet('labelled/senate/Levin_1Oct2007Levin58.txt', 700);
    const authors = field(text, 'authors');
    expect(authors.value).toEqual(['Carl Levin']);
    expect(authors.rule).toBe('release-issuer');
    expect(authors.source?.text).toBe('Carl Levin');
    expect(authors.source?.start).toBe(text.indexOf('Senator Carl Levin') + 'Senator '.length);
  });

  it('reads names joined to a titled one in the lead (Snowe and Collins)', () => {
    const text = snippet('labelled/senate/Collins_24Sep2007Collins284.txt', 700);
    const authors = field(text, 'authors');
    expect(authors.value).toEqual(['Olympia J Snowe', 'Susan Collins']);
    expect(authors.rule).toBe('release-issuer');
    expect(authors.source?.start).toBe(text.indexOf('Olympia'));
  });

  it("reads the headline's family names before its verb and writes them in full (Specter and Casey)", () => {
    const text = snippet('labelled/senate/Casey_17Oct2007Casey9.txt', 700);
    const authors = field(text, 'authors');
    expect(authors.rule).toBe('release-issuer');
    expect([...(authors.value as string[])].sort()).toEqual(['Arlen Specter', 'Bob Casey']);
  });
});

describe('bylines', () => {
  it('reads a byline a scraper glued to the words around it (AP story)', () => {
    const text = snippet('labelled/senate/Akaka_10Apr2007akaka175.txt', 400);
    const authors = field(text, 'authors');
    expect(authors.value).toEqual(['Mark Niesse']);
    expect(authors.rule).toBe('byline');
    expect(authors.source).toMatchObject({ text: 'MARK NIESSE', start: text.indexOf('MARK NIESSE') });
  });
});

describe('dates', () => {
  it('finds the release date below a headline indented by hundreds of spaces (Cardin)', () => {
    const text = snippet('labelled/senate/Cardin_20Jun2007Cardin193.txt', 1700);
    const date = field(text, 'date');
    expect(date.value).toBe('2007-06-20');
    expect(date.source?.text).toBe('Wednesday  June 20  2007');
    expect(date.source?.start).toBe(text.indexOf('Wednesday  June 20'));
    expect(date.rule).toBe('date-line-at-top');
    expect(date.status).toBe('applied');
  });

  it("does not take 'this Monday, December 3, 2007' in a sentence as the document's date (Chambliss)", () => {
    const text = snippet('labelled/senate/Chambliss_3Dec2007Chambliss56.txt', 600);
    expect(infer(text).find((i) => i.field === 'date')).toBeUndefined();
  });

  it("does not take an infobox's founding date as the page's date (Wikipedia, Mozilla)", () => {
    const text =
      'Mozilla\nFrom Wikipedia, the free encyclopedia\nMozilla\nType\nFree software community\nFounded\n                        February 28, 1998; 18 years ago (1998-02-28)\n';
    expect(infer(text).find((i) => i.field === 'date')).toBeUndefined();
  });
});

describe('type', () => {
  it('types a release that quotes a letter as a statement (Byrd)', () => {
    const text = snippet('corpus/text/grimmer__23Feb2005Byrd222.txt', 900);
    const type = field(text, 'type');
    expect(type.value).toBe('statement');
    expect(type.rule).toBe('release-lead');
    expect(type.source?.text).toBe('SEN. B');
  });

  it('types an oral argument cover page as a transcript (Supreme Court)', () => {
    const text =
      'IN THE SUPREME COURT OF THE UNITED STATES\nNo. 07-1315\nWashington, D.C.\nTuesday, January 13, 2009\nThe above-entitled matter came on for oral\nargument before the Supreme Court of the United States';
    const type = field(text, 'type');
    expect(type.value).toBe('transcript');
    expect(type.rule).toBe('transcript-structure');
    expect(type.source?.text).toBe('above-entitled matter');
  });
});

describe('headlines', () => {
  it('skips the site chrome and the senator’s name above the headline (Shelby)', () => {
    const text = snippet('labelled/senate/Shelby_17Dec2007Shelby311.txt', 900);
    const title = field(text, 'title');
    expect(title.value).toBe('Shelby Announces Funding for East Alabama Commerce  Justice and Science Projects');
    expect(title.rule).toBe('headline');
    expect(title.source?.start).toBe(text.indexOf('Shelby Announces'));
  });

  it('puts an ALL-CAPS headline in sentence case, keeping acronyms, titles and names', () => {
    const cardin = snippet('labelled/senate/Cardin_20Jun2007Cardin193.txt', 3000);
    expect(
      sentenceCase(
        'CARDIN EXPRESSES DISAPPOINTMENT ON FAILURE OF SENATE TO INCLUDE LNG PROVISION IN ENERGY BILL',
        cardin,
      ),
    ).toMatch(/^Cardin expresses disappointment on failure of Senate to include LNG provision in /);
    const domenici = readFileSync(
      join(ROOT, 'tests/fixtures/labelled/senate/Domenici_14Jun2007Domenici383.txt'),
      'utf8',
    );
    expect(sentenceCase('SEN. DOMENICI: N.M. COUNTIES RECEIVE $22.7 MILLION IN FY07 PILT PAYMENTS', domenici)).toBe(
      'Sen. Domenici: N.M. counties receive $22.7 million in FY07 PILT payments',
    );
  });
});
