import { describe, expect, it } from 'vitest';
import { checkArchive, listDocuments, listHistory, listQuotes } from '../../src/main/archive/index.js';
import { listFacts } from '../../src/main/archive/facts/facts.js';
import { sentencesOf } from '../../src/main/archive/facts/sentences.js';
import { acceptSuggestion, isProse, suggestFacts } from '../../src/main/archive/facts/suggest.js';
import { importSampleCase } from '../../src/main/archive/sample.js';
import { tempArchive } from '../helpers/archive.js';

describe('sentencesOf', () => {
  it('ends sentences at end marks and at headings, not at a wrapped line or an initial', () => {
    const text =
      'DATE: November 13, 2020\nSUBJECT: Cameras\nSenator Eleanor M. Vance wrote on\nNovember 20, 2020. The Department replied.';
    expect(sentencesOf(text).map((s) => s.text)).toEqual([
      'DATE: November 13, 2020',
      'SUBJECT: Cameras',
      'Senator Eleanor M. Vance wrote on\nNovember 20, 2020.',
      'The Department replied.',
    ]);
    for (const s of sentencesOf(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('isProse', () => {
  it('keeps sentences and drops print lines, table rows, contents leaders and header lines', () => {
    expect(
      isProse('On October 29, 2018, a Boeing 737 airplane operated by Lion Air was involved in an accident.'),
    ).toBe(true);
    expect(isProse('VerDate 11-MAY-2000 13:57 Sep 27, 2001 Jkt 074464 PO 00000 Frm 00012 Fmt 6633 Sfmt 6601')).toBe(
      false,
    );
    expect(isProse('907.96STAFF TRANSPORTATION05/15/201903/10/2019DHAW20190002 05/24/2019 CITIBANK')).toBe(false);
    expect(isProse('4.13.8 May 2004: Manuel Estrada Sainz died . . . . . . . . . . 12')).toBe(false);
    expect(isProse('Received: from rdu26 by mail6.nc.rr.com with SMTPSVC; Wed, 10 Jul 2002 11:13:33')).toBe(false);
  });
});

describe('suggested facts on the sample case', () => {
  it('are the dated sentences, with their place and date, read without stored inferences', async () => {
    const archive = await tempArchive();
    await importSampleCase(archive, { infer: false });
    const docs = await listDocuments(archive.db);
    const memo = docs.find((d) => d.fileName.includes('police-memo'));
    const suggestions = await suggestFacts(archive.db, { documentId: memo?.id ?? 0 });
    const deadline = suggestions.find((s) => s.date === '2020-11-27');
    expect(deadline).toMatchObject({ documentId: memo?.id, page: 2, dateWords: 'November 27, 2020' });
    expect(deadline?.sentence).toMatch(/^Officers who have created an account [\s\S]*\sinvolved\.$/);
    // The memo's "DATE:" header line is the document's date, not a fact.
    expect(suggestions.some((s) => s.sentence.startsWith('DATE:'))).toBe(false);
    const all = await suggestFacts(archive.db);
    expect(all.some((s) => s.date === '2020-12-18' && s.sentence.startsWith('Please answer'))).toBe(true);
  });

  it('accepted, become a quote and a fact citing it in one transaction, and are no longer suggested', async () => {
    const archive = await tempArchive();
    await importSampleCase(archive, { infer: false });
    const [first] = await suggestFacts(archive.db);
    if (!first) throw new Error('the sample case should offer suggestions');
    const fact = await acceptSuggestion(archive, { ...first, statement: 'The policy is due by March 2021.' });
    expect(fact.dateText).toBe(first.date);
    expect(fact.quotes).toEqual([
      expect.objectContaining({ role: 'supports', page: first.page, text: first.sentence }),
    ]);
    const quotes = await listQuotes(archive.db);
    expect(quotes.map((q) => [q.start, q.end])).toEqual([[first.start, first.end]]);
    expect((await suggestFacts(archive.db)).some((s) => s.start === first.start && s.page === first.page)).toBe(false);
    const actions = (await listHistory(archive.db)).slice(-2).map((e) => e.action);
    expect(actions).toEqual(['quote-create', 'fact-create']);

    // A bad date leaves neither quote nor fact.
    const [next] = await suggestFacts(archive.db);
    await expect(acceptSuggestion(archive, { ...(next ?? first), date: '2020-02-30' })).rejects.toThrow(/^date: /);
    expect(await listQuotes(archive.db)).toHaveLength(1);
    expect(await listFacts(archive.db)).toHaveLength(1);
    expect((await checkArchive(archive)).problems).toEqual([]);
  });
});
