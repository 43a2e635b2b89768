import { describe, expect, it } from 'vitest';
import {
  AmbiguousPassageError,
  createQuote,
  deleteQuote,
  getQuote,
  listHistory,
  listQuotes,
  restoreQuote,
  trashDocument,
  updateQuote,
  verifyHistory,
} from '../../src/main/archive/index.js';
import { tempArchive } from '../helpers/archive.js';
import { addTextDocument } from '../helpers/documents.js';

const STATEMENT = [
  'Statement of the Chief, 13 November 2020.\nThe department “did not use facial recog-\nnition” during the protests.',
  'We will review our policies.\nThe department did not use facial recognition without a warrant.',
];

describe('saving a quote', () => {
  it('finds the passage, stores the source’s characters, its place and context, and records custody', async () => {
    const a = await tempArchive();
    const doc = await addTextDocument(a, STATEMENT, { title: 'Chief statement' });
    const q = await createQuote(a, {
      documentId: doc,
      text: 'department "did not use facial recognition" during',
      note: ' key denial ',
      tags: ['topic/FRT'],
    });
    expect(q).toMatchObject({
      documentId: doc,
      page: 1,
      pageEnd: 1,
      text: 'department “did not use facial recog-\nnition” during',
      note: 'key denial',
      tags: ['topic/FRT'],
      status: 'ok',
      pageLabel: '1',
    });
    expect(STATEMENT[0]?.slice(q.start, q.end)).toBe(q.text);
    expect(q.prefix).toBe('he Chief, 13 November 2020.\nThe ');
    expect(q.prefix).toHaveLength(32);
    expect(q.suffix.startsWith(' the protests.')).toBe(true);
    const history = await listHistory(a.db, doc);
    const entry = history.find((e) => e.action === 'quote-create');
    expect(entry?.subject).toBe(`quote:${q.id}`);
    expect(entry?.details).toMatchObject({ text: q.text, page: 1, tags: ['topic/FRT'] });
    expect(await verifyHistory(a.db)).toEqual([]);
  });

  it('refuses a passage found in several places, listing them, and takes one by page or occurrence', async () => {
    const a = await tempArchive();
    const doc = await addTextDocument(a, STATEMENT);
    const attempt = createQuote(a, { documentId: doc, text: 'The department' });
    await expect(attempt).rejects.toBeInstanceOf(AmbiguousPassageError);
    const error = (await attempt.catch((e: unknown) => e)) as AmbiguousPassageError;
    expect(error.code).toBe('conflict');
    expect(error.places.map((p) => p.page)).toEqual([1, 2]);
    expect(error.message).toMatch(/appears 2 times/);
    expect(error.message).toMatch(/page 2: .*«The department»/);
    expect((await createQuote(a, { documentId: doc, text: 'The department', page: 2 })).page).toBe(2);
    expect((await createQuote(a, { documentId: doc, text: 'The department', occurrence: 1 })).page).toBe(1);
    expect(await listQuotes(a.db, { documentId: doc })).toHaveLength(2);
  });

  it('refuses a passage that is not there, and an empty one, with a sentence', async () => {
    const a = await tempArchive();
    const doc = await addTextDocument(a, STATEMENT);
    await expect(createQuote(a, { documentId: doc, text: 'we used facial recognition' })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/^document \d+: the passage "we used facial recognition" is not in its text$/),
    });
    await expect(createQuote(a, { documentId: doc, text: 'review our policies', page: 1 })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(createQuote(a, { documentId: doc, text: '   ' })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(createQuote(a, { documentId: 999, text: 'x' })).rejects.toMatchObject({ code: 'not-found' });
    expect(await listQuotes(a.db)).toEqual([]);
  });

  it('takes a selection given as page and offsets, and checks its text when given', async () => {
    const a = await tempArchive();
    const doc = await addTextDocument(a, STATEMENT);
    const start = (STATEMENT[1] ?? '').indexOf('review');
    const q = await createQuote(a, {
      documentId: doc,
      selector: { page: 2, pageEnd: 2, start, end: start + 'review our policies'.length },
    });
    expect(q.text).toBe('review our policies');
    await expect(
      createQuote(a, {
        documentId: doc,
        text: 'something else',
        selector: { page: 2, pageEnd: 2, start, end: start + 6 },
      }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(
      createQuote(a, { documentId: doc, selector: { page: 3, pageEnd: 3, start: 0, end: 2 } }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });

  it('quotes across a page break', async () => {
    const a = await tempArchive();
    const doc = await addTextDocument(a, STATEMENT);
    const q = await createQuote(a, { documentId: doc, text: 'during the protests. We will review' });
    expect(q).toMatchObject({
      page: 1,
      pageEnd: 2,
      end: 'We will review'.length,
      text: 'during the protests.\nWe will review',
    });
  });

  it('refuses to quote a document in the trash', async () => {
    const a = await tempArchive();
    const doc = await addTextDocument(a, STATEMENT);
    await trashDocument(a, doc);
    await expect(createQuote(a, { documentId: doc, text: 'review our policies' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});

describe('editing, deleting and restoring a quote', () => {
  it('changes note, tags and passage, each in custody', async () => {
    const a = await tempArchive();
    const doc = await addTextDocument(a, STATEMENT);
    const q = await createQuote(a, { documentId: doc, text: 'review our policies', tags: ['a'] });
    const edited = await updateQuote(a, q.id, { note: 'promise', tags: ['b', 'c/d'] });
    expect(edited).toMatchObject({ note: 'promise', tags: ['b', 'c/d'], text: 'review our policies' });
    const moved = await updateQuote(a, q.id, { text: 'We will review our policies.' });
    expect(moved).toMatchObject({ text: 'We will review our policies.', start: 0, page: 2 });
    const entries = (await listHistory(a.db, doc)).filter((e) => e.action === 'quote-edit');
    expect(entries).toHaveLength(2);
    expect(entries[0]?.details).toMatchObject({
      changes: { note: { from: null, to: 'promise' }, tags: { from: ['a'], to: ['b', 'c/d'] } },
    });
    expect(entries[1]?.details).toMatchObject({ changes: { passage: { from: { text: 'review our policies' } } } });
    // An edit that changes nothing writes nothing.
    await updateQuote(a, q.id, { note: 'promise' });
    expect((await listHistory(a.db, doc)).filter((e) => e.action === 'quote-edit')).toHaveLength(2);
  });

  it('deletes a quote softly, keeps its whole content in custody, and restores it', async () => {
    const a = await tempArchive();
    const doc = await addTextDocument(a, STATEMENT);
    const q = await createQuote(a, { documentId: doc, text: 'review our policies', note: 'n', tags: ['t'] });
    await deleteQuote(a, q.id);
    expect(await listQuotes(a.db)).toEqual([]);
    expect((await listQuotes(a.db, { deleted: true })).map((x) => x.id)).toEqual([q.id]);
    const entry = (await listHistory(a.db, doc)).find((e) => e.action === 'quote-delete');
    expect(entry?.details).toMatchObject({
      text: 'review our policies',
      note: 'n',
      tags: ['t'],
      page: 2,
      start: q.start,
      end: q.end,
      prefix: q.prefix,
    });
    await expect(updateQuote(a, q.id, { note: 'x' })).rejects.toMatchObject({ code: 'conflict' });
    const back = await restoreQuote(a, q.id);
    expect(back).toMatchObject({ text: q.text, note: 'n', tags: ['t'], deletedAt: null });
    expect((await listQuotes(a.db)).map((x) => x.id)).toEqual([q.id]);
    await expect(getQuote(a.db, 12345)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('listing quotes for the quote board', () => {
  it('filters by document, tag (with children), status and search over text and note', async () => {
    const a = await tempArchive();
    const one = await addTextDocument(a, STATEMENT);
    const two = await addTextDocument(
      a,
      'Letter: the council asked whether facial recognition was used at the protests.',
    );
    const q1 = await createQuote(a, { documentId: one, text: 'review our policies', tags: ['agency/LAPD'] });
    const q2 = await createQuote(a, {
      documentId: two,
      text: 'the council asked',
      tags: ['agency/council'],
      note: 'oversight request',
    });
    const q3 = await createQuote(a, { documentId: two, text: 'facial recognition was used', tags: ['topic'] });
    const ids = async (o: Parameters<typeof listQuotes>[1]) => (await listQuotes(a.db, o)).map((q) => q.id);
    expect(await ids({ documentId: two })).toEqual([q2.id, q3.id]);
    expect(await ids({ tags: ['agency'] })).toEqual([q1.id, q2.id]);
    expect(await ids({ tags: ['agency/LAPD'] })).toEqual([q1.id]);
    expect(await ids({ tags: ['agency', 'topic'] })).toEqual([]);
    expect(await ids({ query: 'oversight' })).toEqual([q2.id]);
    expect(await ids({ query: 'facial OR policies' })).toEqual([q1.id, q3.id]);
    expect(await ids({ query: 'polic*', tags: ['agency'] })).toEqual([q1.id]);
    expect(await ids({ status: 'orphaned' })).toEqual([]);
    await expect(ids({ tags: ['nope'] })).rejects.toMatchObject({ code: 'not-found' });
    await trashDocument(a, two);
    expect(await ids({})).toEqual([q1.id]);
  });
});
