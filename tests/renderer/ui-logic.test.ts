/** Small pure parts of the interface: routes, collection order, the metadata form, text segments. */
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/shared/document.js';
import { parseRoute, routeHash } from '../../src/renderer/src/common/route-hash.js';
import { appendUnique, moveItem } from '../../src/renderer/src/quotes/reorder.js';
import { diffPatch, formFromRecord, validateForm } from '../../src/renderer/src/library/metadata-form.js';
import { segments } from '../../src/renderer/src/reader/segments.js';
import { pageLabel, pinpoint } from '../../src/renderer/src/quotes/page-label.js';

describe('routes', () => {
  it('round-trip through the URL hash and refuse nonsense', () => {
    for (const route of [
      { name: 'library' },
      { name: 'reader', documentId: 12, page: 2, find: 'a word & more' },
      { name: 'reader', documentId: 3, quoteId: 9 },
      { name: 'quotes', collectionId: 4 },
      { name: 'import' },
    ] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
    expect(parseRoute('#/doc/abc')).toEqual({ name: 'library' });
    expect(parseRoute('#/doc/2?page=-1')).toEqual({ name: 'reader', documentId: 2 });
    expect(parseRoute('#/elsewhere')).toEqual({ name: 'library' });
  });
});

describe('collection order', () => {
  it('moves one quote and appends new ones once', () => {
    expect(moveItem([1, 2, 3, 4], 0, 2)).toEqual([2, 3, 1, 4]);
    expect(moveItem([1, 2, 3, 4], 3, 0)).toEqual([4, 1, 2, 3]);
    expect(moveItem([1, 2], 5, 0)).toEqual([1, 2]);
    expect(appendUnique([3, 1], [1, 5, 5, 2])).toEqual([3, 1, 5, 2]);
  });
});

describe('the metadata form', () => {
  const record = {
    title: 'Memo',
    type: 'memo',
    authors: ['Jane Roe'],
    recipients: [],
    organization: null,
    date: '2020-11',
    source: null,
    url: null,
    description: null,
    pageLabelOffset: 0,
  } as unknown as DocumentRecord;

  it('sends only what changed, names split on semicolons, blanks as null', () => {
    const form = {
      ...formFromRecord(record),
      authors: 'Jane Roe;  John Doe ;',
      date: '',
      organization: ' City ',
      title: 'Memo',
    };
    expect(diffPatch(record, form)).toEqual({ authors: ['Jane Roe', 'John Doe'], date: null, organization: 'City' });
    expect(diffPatch(record, formFromRecord(record))).toEqual({});
  });

  it('explains each wrong field in a sentence', () => {
    const errors = validateForm({
      ...formFromRecord(record),
      title: ' ',
      date: '2020-02-30',
      url: 'ftp://x',
      pageLabelOffset: '1.5',
    });
    expect(Object.keys(errors).sort()).toEqual(['date', 'pageLabelOffset', 'title', 'url']);
    expect(errors.date).toBe('Write the date as 2020, 2020-11 or 2020-11-13.');
  });
});

describe('text segments for highlights', () => {
  it('cut the page text at every highlight edge without losing a character', () => {
    const text = 'The memo bars face search.';
    const parts = segments(text, [
      { key: 'q1', start: 4, end: 8, kind: 'quote', quoteId: 1 },
      { key: 'f0', start: 6, end: 13, kind: 'hit' },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.map((p) => [p.text, p.kinds.map((k) => k.key).join('+')])).toEqual([
      ['The ', ''],
      ['me', 'q1'],
      ['mo', 'q1+f0'],
      [' bars', 'f0'],
      [' face search.', ''],
    ]);
  });
});

describe('page labels', () => {
  it('use the PDF’s own labels, else the user’s offset', () => {
    expect(pageLabel({ pageLabels: ['i', 'ii', '1'], pageLabelOffset: 0 }, 2)).toBe('ii');
    expect(pageLabel({ pageLabels: null, pageLabelOffset: 26 }, 1)).toBe('27');
    expect(pinpoint({ pageLabels: null, pageLabelOffset: 0 }, 2, 3)).toBe('pp. 2–3');
    expect(pinpoint({ pageLabels: null, pageLabelOffset: 0 }, 2, 2)).toBe('p. 2');
  });
});

describe('shortcut labels', () => {
  it('show "+" as a key of its own', async () => {
    const { comboLabels } = await import('../../src/renderer/src/common/key-labels.js');
    expect(comboLabels('+', false)).toEqual(['+']);
    expect(comboLabels('mod++', false)).toEqual(['Ctrl', '+']);
    expect(comboLabels('mod+shift+q', true)).toEqual(['⌘', 'Shift', 'Q']);
  });
});
