import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  checkArchive,
  emptyTrash,
  getDocument,
  importPaths,
  listDocuments,
  listHistory,
  openArchive,
  restoreDocument,
  trashDocument,
  updateMetadata,
} from '../../src/main/archive/index.js';
import { corpus, tempArchive } from '../helpers/archive.js';

async function archiveWithOneText() {
  const a = await tempArchive();
  const file = join(a.dir, 'statement.txt');
  writeFileSync(file, 'The department will not use commercial facial recognition.\n');
  const [result] = await importPaths(a, [file]);
  if (!result?.documentId) throw new Error('import failed in test setup');
  return { a, id: result.documentId, file };
}

describe('custody history', () => {
  it('records import, edit, trash, restore and purge as a verifiable chain', async () => {
    const { a, id } = await archiveWithOneText();
    await updateMetadata(a, id, { title: 'Statement on facial recognition', date: '2020-11' });
    await trashDocument(a, id);
    await restoreDocument(a, id);
    await trashDocument(a, id);
    expect(await emptyTrash(a)).toBe(1);
    const entries = await listHistory(a.db);
    expect(entries.map((e) => e.action)).toEqual(['import', 'edit', 'trash', 'restore', 'trash', 'purge']);
    expect(entries[1]?.details).toMatchObject({
      changes: { title: { to: 'Statement on facial recognition' }, date: { from: null, to: '2020-11' } },
    });
    for (let i = 1; i < entries.length; i++) expect(entries[i]?.prevHash).toBe(entries[i - 1]?.hash);
    expect((await checkArchive(a)).ok).toBe(true);
  });

  it('refuses to alter or delete history entries', async () => {
    const { a } = await archiveWithOneText();
    await expect(sql`update history set action = 'forged'`.execute(a.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from history`.execute(a.db)).rejects.toThrow(/append-only/);
  });

  it('check finds a forged history entry and a changed original', async () => {
    const { a } = await archiveWithOneText();
    const path = a.path;
    await a.close();
    // Someone with the file and a SQLite shell drops the triggers and rewrites the past.
    const raw = await openArchive(path);
    await sql`drop trigger history_no_update`.execute(raw.db);
    await sql`update history set details = json_set(details, '$.fileName', 'other.txt') where id = 1`.execute(raw.db);
    await sql`update originals set data = cast('tampered' as blob)`.execute(raw.db);
    const report = await checkArchive(raw);
    await raw.close();
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.kind).sort()).toEqual(['history', 'original']);
    expect(report.problems.find((p) => p.kind === 'history')?.message).toMatch(/entry 1 was altered/);
  });
});

describe('documents', () => {
  it('reports re-imported bytes as a duplicate with the existing id, also from the trash', async () => {
    const { a, id, file } = await archiveWithOneText();
    const [again] = await importPaths(a, [file]);
    expect(again).toMatchObject({ status: 'duplicate', documentId: id });
    await trashDocument(a, id);
    const [fromTrash] = await importPaths(a, [file]);
    expect(fromTrash).toMatchObject({ status: 'duplicate', documentId: id });
    expect(fromTrash?.warnings.join()).toMatch(/in the trash/);
  });

  it('stores the original content-addressed and keeps trashed documents out of the list', async () => {
    const { a, id, file } = await archiveWithOneText();
    const doc = await getDocument(a.db, id);
    const { readFileSync } = await import('node:fs');
    expect(doc.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    expect(doc.fileName).toBe('statement.txt');
    await trashDocument(a, id);
    expect(await listDocuments(a.db)).toHaveLength(0);
    expect(await listDocuments(a.db, { trash: true })).toHaveLength(1);
  });

  it('validates metadata edits field by field', async () => {
    const { a, id } = await archiveWithOneText();
    await expect(updateMetadata(a, id, { date: '2020-13' })).rejects.toThrow(/^date: "2020-13" is not an ISO date/);
    await expect(updateMetadata(a, id, { date: '2021-02-30' })).rejects.toThrow(/^date:/);
    await expect(updateMetadata(a, id, { title: '  ' })).rejects.toThrow(/^title: must not be empty/);
    await expect(updateMetadata(a, id, { type: 'novel' as never })).rejects.toThrow(/^type: "novel"/);
    await expect(updateMetadata(a, id, { url: 'javascript:alert(1)' })).rejects.toThrow(/^url:/);
    const doc = await updateMetadata(a, id, { date: '2020-11-13', type: 'memo', authors: ['A. Deputy Chief'] });
    expect(doc).toMatchObject({ date: '2020-11-13', type: 'memo', authors: ['A. Deputy Chief'] });
    expect((await listHistory(a.db, id)).map((e) => e.action)).toEqual(['import', 'edit']);
  });

  it('imports a PDF with its pages, metadata and layout', async () => {
    const a = await tempArchive();
    const [r] = await importPaths(a, [corpus('pdf-good', 'pdfplumber__federal-register-2020-17221.pdf')]);
    expect(r?.status).toBe('imported');
    const doc = await getDocument(a.db, r!.documentId!);
    expect(doc).toMatchObject({ format: 'pdf', pageCount: 15, date: '2020-08-06' });
    const pages = await a.db
      .selectFrom('pages')
      .select(['number', 'text', 'layout'])
      .where('document_id', '=', doc.id)
      .orderBy('number')
      .execute();
    expect(pages).toHaveLength(15);
    expect(pages[0]?.text).toContain('Airworthiness Directives; The Boeing\nCompany Airplanes');
    const layout = JSON.parse(pages[0]!.layout!) as { width: number; items: [number, number][] };
    expect(layout.width).toBeGreaterThan(500);
    // Every layout item points at its own characters in the page text.
    const text = pages[0]!.text;
    for (const [start, length] of layout.items) expect(start + length).toBeLessThanOrEqual(text.length);
    const titleItem = layout.items.find(([s, l]) => text.slice(s, s + l).startsWith('Airworthiness Directives'));
    expect(titleItem).toBeDefined();
  });

  it('imports a scan without a text layer with a warning in plain words', async () => {
    const a = await tempArchive();
    const [r] = await importPaths(a, [corpus('pdf-good', 'ocrmypdf__cardinal.pdf')]);
    expect(r?.status).toBe('imported');
    expect(r?.warnings.join()).toMatch(/^its pages are images with no text/);
    expect((await getDocument(a.db, r!.documentId!)).pageCount).toBe(4);
  });

  it('says a password is needed for an encrypted PDF and stores nothing', async () => {
    const a = await tempArchive();
    const path = corpus('pdf-bad', 'formatcorpus__encryption_openpassword.pdf');
    const [r] = await importPaths(a, [path]);
    expect(r).toMatchObject({ status: 'failed', documentId: null });
    expect(r?.error).toBe(`${path}: encrypted; a password is needed`);
    const counts = await a.db
      .selectFrom('originals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(counts.n)).toBe(0);
  });
});
