/** The word the reader's find bar gets when a search hit opens, read by the core's own parser. */
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../src/shared/contract.js';
import { termsOf } from '../../src/renderer/src/search/find-word.js';

const hit = (snippet: SearchHit['snippet']): SearchHit => ({
  kind: 'page',
  documentId: 1,
  title: 'T',
  format: 'pdf',
  page: 1,
  pageLabel: '1',
  snippet,
  score: 1,
  quoteId: null,
  alsoIn: [],
});

describe('the find word of a search hit', () => {
  it('is the first marked part of the snippet', () => {
    expect(
      termsOf(
        hit([
          { text: 'the ', marked: false },
          { text: ' Memo ', marked: true },
        ]),
        'memo',
      ),
    ).toBe('Memo');
  });

  it('is otherwise the first word or phrase the query looks for, never an excluded one', () => {
    const none = hit([{ text: 'no marks here', marked: false }]);
    expect(termsOf(none, '-training "use of force"')).toBe('use of force');
    expect(termsOf(none, 'NOT budget OR cuts')).toBe('');
    expect(termsOf(none, '(taser OR stun) -training')).toBe('taser');
    expect(termsOf(none, 'drone NEAR/5 camera')).toBe('drone');
    expect(termsOf(none, 'NEAR(drone camera, 5)')).toBe('drone');
    expect(termsOf(none, 'surveil*')).toBe('surveil');
    expect(termsOf(none, '"unclosed phrase')).toBe('');
  });
});
