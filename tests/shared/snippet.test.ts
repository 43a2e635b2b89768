/** Search snippets read once for the app (marked parts) and the terminal («term»). */
import { describe, expect, it } from 'vitest';
import { plainSnippet } from '../../src/main/cli/options.js';
import { snippetParts } from '../../src/shared/snippet.js';

describe('search snippets', () => {
  const snippet = '…the &lt;b&gt; <mark>memo</mark> &amp;amp; &quot;<mark>bar</mark>&quot;…';

  it('come to the app as plain parts, each entity decoded once', () => {
    expect(snippetParts(snippet)).toEqual([
      { text: '…the <b> ', marked: false },
      { text: 'memo', marked: true },
      { text: ' &amp; "', marked: false },
      { text: 'bar', marked: true },
      { text: '"…', marked: false },
    ]);
    expect(snippetParts('an <mark>unclosed mark')).toEqual([
      { text: 'an ', marked: false },
      { text: 'unclosed mark', marked: true },
    ]);
  });

  it('come to the terminal as the same text with the terms in «»', () => {
    expect(plainSnippet(snippet)).toBe('…the <b> «memo» &amp; "«bar»"…');
  });
});
