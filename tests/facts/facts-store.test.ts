import { describe, expect, it } from 'vitest';
import {
  checkArchive,
  createQuote,
  deleteTag,
  emptyTrash,
  importBytes,
  listHistory,
  renameTag,
  trashDocument,
} from '../../src/main/archive/index.js';
import {
  createFact,
  deleteFact,
  getFact,
  listFacts,
  restoreFact,
  updateFact,
} from '../../src/main/archive/facts/facts.js';
import { restoreTags } from '../../src/main/archive/tags/restore.js';
import { deleteTagWithDetail } from '../../src/main/archive/tags/tags.js';
import { tempArchive } from '../helpers/archive.js';
import { rawSql } from '../helpers/tamper.js';

const TEXT = [
  'On November 13, 2020, the Department suspended the trial.',
  'The vendor said the trial never started.',
].join('\n');

async function setUp() {
  const archive = await tempArchive();
  const [result] = await importBytes(archive, Buffer.from(TEXT), '/case/memo.txt', { infer: false });
  const doc = result?.documentId ?? 0;
  const supports = await createQuote(archive, { documentId: doc, text: 'the Department suspended the trial' });
  const contradicts = await createQuote(archive, { documentId: doc, text: 'the trial never started' });
  return { archive, doc, supports, contradicts };
}

describe('facts', () => {
  it('keep a date, statement, status, tags, note and cited quotes with their roles and pinpoints', async () => {
    const { archive, supports, contradicts } = await setUp();
    const fact = await createFact(archive, {
      date: '~2020-11-13..2020-11-20',
      statement: 'The trial was suspended.',
      status: 'disputed',
      tags: ['timeline/police'],
      note: 'Check the minutes.',
      quotes: [
        { quoteId: supports.id, role: 'supports' },
        { quoteId: contradicts.id, role: 'contradicts' },
      ],
    });
    expect(fact.date).toEqual({ from: '2020-11-13', to: '2020-11-20', about: true });
    expect(fact.dateText).toBe('~2020-11-13..2020-11-20');
    expect(fact.quotes.map((q) => [q.quoteId, q.role, q.page, q.pageLabel])).toEqual([
      [supports.id, 'supports', 1, '1'],
      [contradicts.id, 'contradicts', 1, '1'],
    ]);
    expect(fact.unsupported).toBe(false);
    expect(fact.tags).toEqual(['timeline/police']);
    const bare = await createFact(archive, { date: '2020', statement: 'A year of trials.' });
    expect(bare.unsupported).toBe(true);
    expect(bare.status).toBe('unverified');
    // Timeline order: "2020" before "2020-11-13"; filters by overlapping days, tag (with children), status.
    expect((await listFacts(archive.db)).map((f) => f.id)).toEqual([bare.id, fact.id]);
    expect((await listFacts(archive.db, { from: '2020-11-19', to: '2020-12' })).map((f) => f.id)).toEqual([
      bare.id,
      fact.id,
    ]);
    expect((await listFacts(archive.db, { from: '2020-11-21' })).map((f) => f.id)).toEqual([bare.id]);
    expect((await listFacts(archive.db, { tag: 'timeline' })).map((f) => f.id)).toEqual([fact.id]);
    expect((await listFacts(archive.db, { status: 'unverified' })).map((f) => f.id)).toEqual([bare.id]);
    expect((await checkArchive(archive)).problems).toEqual([]);
  });

  it('refuse bad input naming the field, and store nothing', async () => {
    const { archive, supports } = await setUp();
    await expect(createFact(archive, { date: '2020-13', statement: 'x' })).rejects.toThrow(/^date: .*no month 13/);
    await expect(createFact(archive, { date: '2020-11-20..2020-11-13', statement: 'x' })).rejects.toThrow(
      /^date: .*ends/,
    );
    await expect(createFact(archive, { date: '2020', statement: '  ' })).rejects.toThrow(/^text: /);
    await expect(
      createFact(archive, { date: '2020', statement: 'x', quotes: [{ quoteId: 999, role: 'supports' }] }),
    ).rejects.toThrow(/quote 999: no such quote/);
    await expect(
      createFact(archive, {
        date: '2020',
        statement: 'x',
        quotes: [
          { quoteId: supports.id, role: 'supports' },
          { quoteId: supports.id, role: 'contradicts' },
        ],
      }),
    ).rejects.toThrow(/cited twice/);
    expect(await listFacts(archive.db)).toEqual([]);
    expect((await listHistory(archive.db)).filter((e) => e.action.startsWith('fact'))).toEqual([]);
  });

  it('are edited, deleted and restored on record, and exhibit check covers their state', async () => {
    const { archive, supports } = await setUp();
    const fact = await createFact(archive, { date: '2020-11-13', statement: 'Suspended.' });
    await updateFact(archive, fact.id, { status: 'undisputed', quotes: [{ quoteId: supports.id, role: 'supports' }] });
    await deleteFact(archive, fact.id);
    expect(await listFacts(archive.db)).toEqual([]);
    expect((await listFacts(archive.db, { deleted: true })).map((f) => f.id)).toEqual([fact.id]);
    const back = await restoreFact(archive, fact.id);
    expect(back.status).toBe('undisputed');
    expect(back.quotes.map((q) => q.quoteId)).toEqual([supports.id]);
    const actions = (await listHistory(archive.db)).filter((e) => e.subject === `fact:${fact.id}`).map((e) => e.action);
    expect(actions).toEqual(['fact-create', 'fact-edit', 'fact-delete', 'fact-restore']);
    expect((await checkArchive(archive)).problems).toEqual([]);

    // Behind the app's back: a statement rewritten, a citation's role flipped.
    await archive.close();
    await rawSql(archive.path, `UPDATE facts SET statement = 'Never suspended.' WHERE id = ${fact.id};`);
    await rawSql(archive.path, `UPDATE fact_quotes SET role = 'contradicts' WHERE fact_id = ${fact.id};`);
    const { openArchive } = await import('../../src/main/archive/index.js');
    const reopened = await openArchive(archive.path);
    const messages = (await checkArchive(reopened)).problems.map((p) => p.message);
    await reopened.close();
    expect(messages).toEqual([
      expect.stringMatching(/^fact \d+: statement, cited quotes changed behind the app's back/),
    ]);
  });

  it('follow their tags through rename, delete and undo, and lose a purged document’s quotes on record', async () => {
    const { archive, doc, supports } = await setUp();
    const fact = await createFact(archive, {
      date: '2020-11',
      statement: 'Suspended.',
      tags: ['police'],
      quotes: [{ quoteId: supports.id, role: 'supports' }],
    });
    await renameTag(archive, 'police', 'agency/police');
    expect((await getFact(archive.db, fact.id)).tags).toEqual(['agency/police']);
    const { detail } = await deleteTagWithDetail(archive, 'agency');
    expect((await getFact(archive.db, fact.id)).tags).toEqual([]);
    await restoreTags(archive, detail);
    expect((await getFact(archive.db, fact.id)).tags).toEqual(['agency/police']);
    await deleteTag(archive, 'agency/police');
    expect((await checkArchive(archive)).problems).toEqual([]);

    await trashDocument(archive, doc);
    await emptyTrash(archive);
    const after = await getFact(archive.db, fact.id);
    expect(after.quotes).toEqual([]);
    expect(after.unsupported).toBe(true);
    const unlink = (await listHistory(archive.db)).find((e) => e.action === 'fact-unlink');
    expect(unlink?.details).toMatchObject({ quotes: [{ quoteId: supports.id, role: 'supports' }] });
    expect((await checkArchive(archive)).problems).toEqual([]);
  });
});
