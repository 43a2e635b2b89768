import { describe, expect, it } from 'vitest';
import {
  createQuote,
  getQuote,
  listHistory,
  replacePageTexts,
  restoreQuote,
  deleteQuote,
  search,
  verifyHistory,
} from '../../src/main/archive/index.js';
import { reanchor, type StoredAnchor } from '../../src/main/archive/quotes/reanchor.js';
import { joinPages } from '../../src/main/archive/quotes/selectors.js';
import { tempArchive } from '../helpers/archive.js';
import { addTextDocument } from '../helpers/documents.js';

function stored(pages: string[], text: string, prefixLen = 32): StoredAnchor {
  const joined = joinPages(pages);
  const at = joined.text.indexOf(text);
  if (at < 0) throw new Error('test setup: text not in pages');
  let page = 1;
  while (page < pages.length && (joined.starts[page] ?? Infinity) <= at) page++;
  const start = at - (joined.starts[page - 1] ?? 0);
  return {
    page,
    pageEnd: page,
    start,
    end: start + text.length,
    text,
    prefix: joined.text.slice(Math.max(0, at - prefixLen), at),
    suffix: joined.text.slice(at + text.length, at + text.length + 32),
  };
}

const QUOTE = 'the chief said the cameras were never switched on';

describe('re-anchoring a quote when the text changes (pure)', () => {
  const before = [`Minutes of the meeting. At nine, ${QUOTE} during the march.`];

  it('keeps a quote whose exact text is still at its offsets', () => {
    const s = stored(before, QUOTE);
    expect(reanchor(joinPages(before), s).kind).toBe('kept');
  });

  it('moves a quote whose text now stands elsewhere, to the right offsets', () => {
    const after = [`Minutes of the council meeting (corrected). At nine, ${QUOTE} during the march.`];
    const r = reanchor(joinPages(after), stored(before, QUOTE));
    expect(r).toMatchObject({
      kind: 'moved',
      method: 'exact',
      text: QUOTE,
      selector: { page: 1, start: after[0]?.indexOf(QUOTE) },
    });
  });

  it('follows a quote onto another page when a page break moves', () => {
    const after = ['Minutes of the meeting.', `At nine, ${QUOTE} during the march.`];
    const r = reanchor(joinPages(after), stored(before, QUOTE));
    expect(r).toMatchObject({ kind: 'moved', selector: { page: 2, pageEnd: 2, start: 'At nine, '.length } });
  });

  it('follows a quote whose line breaks changed, keeping the new source characters', () => {
    const after = [
      `Minutes of the meeting. At nine, the chief said the cam-\neras were never\nswitched on during the march.`,
    ];
    const r = reanchor(joinPages(after), stored(before, QUOTE));
    expect(r).toMatchObject({
      kind: 'moved',
      method: 'exact',
      text: 'the chief said the cam-\neras were never\nswitched on',
    });
  });

  it('tells two places apart by the context around the quote', () => {
    const s = stored(before, QUOTE);
    const after = [`Rumour had it that ${QUOTE} at all. Minutes of the meeting. At nine, ${QUOTE} during the march.`];
    const r = reanchor(joinPages(after), s);
    expect(r).toMatchObject({ kind: 'moved', method: 'context', selector: { start: after[0]?.lastIndexOf(QUOTE) } });
  });

  it('flags a quote orphaned when two places are equally likely', () => {
    const s = stored(before, QUOTE);
    // Both copies moved (nothing stands at the old offsets any more) and share the old context.
    const after = [
      `Preface. Minutes of the meeting. At nine, ${QUOTE} during the march. Minutes of the meeting. At nine, ${QUOTE} during the march.`,
    ];
    expect(reanchor(joinPages(after), s)).toMatchObject({
      kind: 'orphaned',
      reason: expect.stringMatching(/2 places/),
    });
  });

  it('follows a near match (an OCR error corrected) and says how similar it is', () => {
    const ocr = 'the chief said that the carneras were never switched on at any time';
    const fixed = 'the chief said that the cameras were never switched on at any time';
    const r = reanchor(
      joinPages([`Minutes. At nine, ${fixed}, he said.`]),
      stored([`Minutes. At nine, ${ocr}, he said.`], ocr),
    );
    expect(r).toMatchObject({
      kind: 'moved',
      method: 'fuzzy',
      text: fixed,
      selector: { start: 'Minutes. At nine, '.length },
    });
    if (r.kind === 'moved') expect(r.similarity).toBeCloseTo(12 / 13, 5);
  });

  it('does not follow a near match that lost more than one word in ten', () => {
    const long = 'the chief said that the cameras were never switched on at any time';
    const changed = 'the chief now says that some cameras were switched on at any time';
    expect(reanchor(joinPages([`At nine, ${changed}.`]), stored([`At nine, ${long}.`], long)).kind).toBe('orphaned');
  });

  it('flags a quote orphaned when its words are gone', () => {
    const after = ['Minutes of the meeting. At nine, the chief declined to comment on the cameras.'];
    expect(reanchor(joinPages(after), stored(before, QUOTE))).toMatchObject({
      kind: 'orphaned',
      reason: 'the passage is no longer in the text',
    });
  });

  it('does not follow a short quote by a near match', () => {
    const s = stored(['He said no to them.'], 'said no to');
    expect(reanchor(joinPages(['He said yes to them.']), s).kind).toBe('orphaned');
  });
});

describe('replacing a document’s page texts', () => {
  it('re-anchors its quotes in the same transaction, flags the lost one, and records everything', async () => {
    const a = await tempArchive();
    const doc = await addTextDocument(a, [
      `Page one. ${QUOTE}.`,
      'Page two: the budget was 40,000 dollars. It was approved.',
    ]);
    const moves = await createQuote(a, { documentId: doc, text: QUOTE });
    const lost = await createQuote(a, { documentId: doc, text: 'the budget was 40,000 dollars' });
    const stays = await createQuote(a, { documentId: doc, text: 'It was approved.' });

    const result = await replacePageTexts(
      a,
      doc,
      ['Page one (OCR).', `Inserted page. ${QUOTE}.`, 'Page two: the figure was withheld. It was approved.'],
      { reason: 'OCR' },
    );
    expect(result.changedPages).toEqual([1, 2, 3]);
    expect(result.quotes).toMatchObject({ moved: 2, orphaned: 1 });

    const m = await getQuote(a.db, moves.id);
    expect(m).toMatchObject({ page: 2, start: 'Inserted page. '.length, text: QUOTE, status: 'ok' });
    const l = await getQuote(a.db, lost.id);
    // Flagged where it was, never silently moved or dropped.
    expect(l).toMatchObject({ status: 'orphaned', page: lost.page, start: lost.start, text: lost.text });
    const s = await getQuote(a.db, stays.id);
    expect(s).toMatchObject({ page: 3, status: 'ok', text: 'It was approved.' });

    const history = await listHistory(a.db, doc);
    expect(history.some((e) => e.action === 'pages-replace' && e.details['reason'] === 'OCR')).toBe(true);
    const reanchored = history.filter((e) => e.action === 'quote-reanchor').map((e) => e.subject);
    expect(reanchored).toEqual(expect.arrayContaining([`quote:${moves.id}`, `quote:${stays.id}`]));
    const orphan = history.find((e) => e.action === 'quote-orphan');
    expect(orphan?.subject).toBe(`quote:${lost.id}`);
    expect(await verifyHistory(a.db)).toEqual([]);

    // The search index followed the new text.
    expect((await search(a.db, 'withheld')).hits.map((h) => [h.kind, h.page])).toEqual([['page', 3]]);
    expect((await search(a.db, '"40,000 dollars"', { kinds: ['page'] })).total).toBe(0);
  });

  it('brings an orphaned quote back when its text returns, and re-anchors deleted quotes too', async () => {
    const a = await tempArchive();
    const doc = await addTextDocument(a, `Intro. ${QUOTE}. End.`);
    const q = await createQuote(a, { documentId: doc, text: QUOTE });
    await deleteQuote(a, q.id);
    await replacePageTexts(a, doc, ['Intro. Nothing here. End.']);
    expect((await getQuote(a.db, q.id)).status).toBe('orphaned');
    await replacePageTexts(a, doc, [`Intro. ${QUOTE}. End.`]);
    expect(await restoreQuote(a, q.id)).toMatchObject({ status: 'ok', start: 'Intro. '.length });
  });

  it('writes nothing when no page changed', async () => {
    const a = await tempArchive();
    const doc = await addTextDocument(a, 'Same text.');
    const count = (await listHistory(a.db)).length;
    expect((await replacePageTexts(a, doc, ['Same text.'])).changedPages).toEqual([]);
    expect(await listHistory(a.db)).toHaveLength(count);
  });
});
