/** The renderer's side of the library: the filter it sends the core, and the tag tree it draws. */
import { describe, expect, it } from 'vitest';
import { NO_FILTER, toQueryFilter, toRow } from '../../src/renderer/src/library/library-rows.js';
import { buildTagTree, countUnder, flattenTree } from '../../src/renderer/src/tags/tag-tree.js';

describe('library rows and filters', () => {
  it('sends only the parts of the filter that are set, trimmed, with half-typed dates left out', () => {
    expect(toQueryFilter(NO_FILTER)).toEqual({});
    expect(
      toQueryFilter({
        text: '  face search ',
        types: ['memo', 'letter'],
        tag: 'agency',
        author: ' Raman ',
        from: '202',
        to: '2021-06',
      }),
    ).toEqual({
      text: 'face search',
      types: ['letter', 'memo'],
      tag: 'agency',
      author: 'Raman',
      to: '2021-06',
    });
    // Equal filters give equal queries, whatever order the types were ticked in (one cache entry).
    expect(JSON.stringify(toQueryFilter({ ...NO_FILTER, types: ['memo', 'article'] }))).toBe(
      JSON.stringify(toQueryFilter({ ...NO_FILTER, types: ['article', 'memo'] })),
    );
    expect(toQueryFilter({ ...NO_FILTER, from: '2020-13', to: '2021-02-30' })).toEqual({});
  });

  it('joins authors for display', () => {
    const row = toRow({
      id: 1,
      title: 'T',
      type: 'memo',
      format: 'pdf',
      authors: ['Jane Roe', 'John Doe'],
      date: null,
      pageCount: 1,
      fileName: 't.pdf',
      tags: [],
      quoteCount: 0,
      versions: [],
    });
    expect(row.authorText).toBe('Jane Roe; John Doe');
  });
});

describe('tag tree', () => {
  it('nests by "/", adds missing parents and counts items under each node once', () => {
    const counts = countUnder([['agency/PAPD', 'agency'], ['agency/PAPD/units'], ['directive']]);
    expect(Object.fromEntries(counts)).toEqual({ agency: 2, 'agency/PAPD': 2, 'agency/PAPD/units': 1, directive: 1 });
    const tree = buildTagTree(['directive', 'agency/PAPD/units'], (n) => counts.get(n) ?? 0);
    expect(flattenTree(tree, new Set()).map((n) => n.name)).toEqual(['agency', 'directive']);
    expect(flattenTree(tree, new Set(['agency', 'agency/PAPD'])).map((n) => [n.label, n.depth, n.count])).toEqual([
      ['agency', 0, 2],
      ['PAPD', 1, 2],
      ['units', 2, 1],
      ['directive', 0, 1],
    ]);
  });
});
