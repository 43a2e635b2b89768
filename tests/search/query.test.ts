import { describe, expect, it } from 'vitest';
import { ftsQuery } from '../../src/main/archive/search/query.js';

describe('the search box’s language, rewritten into safe FTS5', () => {
  it.each([
    ['ban', '"ban"'],
    ['police cameras', '("police") AND ("cameras")'],
    ['police AND cameras', '("police") AND ("cameras")'],
    ['police OR sheriff', '("police") OR ("sheriff")'],
    ['"facial recognition"', '"facial recognition"'],
    ['"facial recog"*', '"facial recog"*'],
    ['recog*', '"recog"*'],
    ['police NOT sheriff', '(("police")) NOT (("sheriff"))'],
    ['police -sheriff -"state patrol"', '(("police")) NOT (("sheriff") OR ("state patrol"))'],
    ['(police OR sheriff) cameras', '(("police") OR ("sheriff")) AND ("cameras")'],
    ['NEAR(police cameras)', 'NEAR("police" "cameras", 10)'],
    ['NEAR(police "body cameras", 5)', 'NEAR("police" "body cameras", 5)'],
    ['police NEAR cameras', 'NEAR("police" "cameras", 10)'],
    ['police NEAR/3 cameras', 'NEAR("police" "cameras", 3)'],
    ['and or not near', '("and") AND ("or") AND ("not") AND ("near")'],
    ['e-mail U.S.', '("e-mail") AND ("U.S.")'],
    ['“curly phrase”', '"curly phrase"'],
  ])('%s  →  %s', (input, fts) => {
    expect(ftsQuery(input)).toBe(fts);
  });

  it('never lets FTS5 syntax through: quotes, columns, operators in words become plain strings', () => {
    expect(ftsQuery('title:secret')).toBe('"title:secret"');
    expect(ftsQuery('a+b ^c {col}')).toBe('("a+b") AND ("^c") AND ("{col}")');
    expect(ftsQuery('x" OR "y')).toBe('("x") AND (" OR ") AND ("y")');
  });

  it('drops terms without letters or digits', () => {
    expect(ftsQuery('police & —')).toBe('"police"');
  });

  it.each([
    ['', /type at least one word/],
    ['&&', /type at least one word/],
    ['"unclosed', /phrase starting at character 1 has no closing quote/],
    ['(police', /"\(" at character 1 is not closed/],
    ['police)', /"\)" at character 7 closes nothing/],
    ['police AND', /AND at character 8 needs something on its right/],
    ['OR police', /OR at character 1 needs something on its left/],
    ['-police', /cannot only exclude/],
    ['NOT police', /cannot only exclude/],
    ['po*', /at least 3 letters/],
    ['*', /at least 3 letters/],
    ['NEAR(police cameras, x)', /distance in words/],
    ['(a OR b) NEAR c', /joins words or phrases, not groups/],
    ['x'.repeat(1001), /longer than 1000 characters/],
  ])('refuses %j with a sentence', (input, message) => {
    expect(() => ftsQuery(input)).toThrow(message);
    try {
      ftsQuery(input);
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/^search: /) });
    }
  });
});
