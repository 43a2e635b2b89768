import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import {
  checkArchive,
  exportFromArchive,
  getPages,
  importDroppedFile,
  importPaths,
  listDocuments,
  listHistory,
  listQuotes,
  openArchive,
  replacePageTexts,
  tagsOfDocuments,
  type Archive,
  type ImportResult,
} from '../../src/main/archive/index.js';
import { verifyBundle } from '../../src/main/archive/export/verify.js';
import type { DocumentRecord } from '../../src/shared/document.js';
import { ROOT, tempArchive, tempDir } from '../helpers/archive.js';
import { caseArchive, type CaseArchive } from '../helpers/case-quotes.js';
import { unzip } from '../helpers/readers.js';

let source: CaseArchive;
let bundle: string;

// One source archive for the whole file (tempArchive's are removed after each test).
const sourceDir = mkdtempSync(join(tmpdir(), 'exhibit-test-bundle-source-'));

beforeAll(async () => {
  const archive = Object.assign(await openArchive(join(sourceDir, 'source.exhibit')), { dir: sourceDir });
  source = await caseArchive(archive);
  bundle = join(sourceDir, 'case.zip');
  await exportFromArchive(source.archive, { kind: 'all' }, bundle, { format: 'bundle', style: 'chicago' });
}, 120_000);

afterAll(async () => {
  await source?.archive.close();
  rmSync(sourceDir, { recursive: true, force: true });
});

/** What a colleague must find the same after the exchange: originals, metadata, quotes with their places, tags and notes. */
async function contents(archive: Archive) {
  const docs = await listDocuments(archive.db);
  const bySha = new Map(docs.map((d) => [d.id, d.sha256]));
  const docTags = await tagsOfDocuments(
    archive.db,
    docs.map((d) => d.id),
  );
  const meta = (d: DocumentRecord) => ({
    sha256: d.sha256,
    title: d.title,
    type: d.type,
    authors: d.authors,
    recipients: d.recipients,
    organization: d.organization,
    date: d.date,
    source: d.source,
    url: d.url,
    description: d.description,
    pageLabelOffset: d.pageLabelOffset,
    tags: docTags.get(d.id) ?? [],
  });
  const quotes = (await listQuotes(archive.db)).map((q) => ({
    sha256: bySha.get(q.documentId),
    page: q.page,
    pageEnd: q.pageEnd,
    start: q.start,
    end: q.end,
    text: q.text,
    prefix: q.prefix,
    suffix: q.suffix,
    note: q.note,
    tags: q.tags,
    pageLabel: q.pageLabel,
    status: q.status,
  }));
  const key = (x: { sha256?: string | undefined; start?: number }) => `${x.sha256}:${x.start ?? ''}`;
  return {
    documents: docs.map(meta).sort((a, b) => key(a).localeCompare(key(b))),
    quotes: quotes.sort((a, b) => key(a).localeCompare(key(b))),
  };
}

async function counts(archive: Archive) {
  return {
    documents: (await listDocuments(archive.db)).length,
    quotes: (await listQuotes(archive.db)).length,
    history: (await listHistory(archive.db)).length,
  };
}

function bundleResult(results: ImportResult[]): ImportResult {
  const own = results[0];
  expect(own?.bundle, 'the bundle’s own result comes first').toBeDefined();
  return own as ImportResult;
}

describe('importing an evidence bundle', () => {
  it('brings the documents, metadata, quotes (same text, page and offsets), tags and notes into an empty archive', async () => {
    const target = await tempArchive();
    const results = await importPaths(target, [bundle]);
    const own = bundleResult(results);
    expect(own.status).toBe('imported');
    expect(own.error).toBeNull();
    const quoted = new Set(source.quotes.map((q) => q.documentId));
    const quotedShas = new Set(
      Object.values(source.docs)
        .filter((d) => quoted.has(d.id))
        .map((d) => d.sha256),
    );
    expect(own.bundle?.documents).toEqual({ imported: quoted.size, existing: 0 });
    expect(own.bundle?.quotes.map((q) => q.status)).toEqual(source.quotes.map(() => 'imported'));
    expect(own.bundle?.quotes.map((q) => q.bundleQuoteId).sort()).toEqual(source.quotes.map((q) => q.id).sort());

    const want = await contents(source.archive);
    const got = await contents(target);
    // Every quote, exactly; the deleted one stayed behind.
    expect(got.quotes).toEqual(want.quotes);
    expect(got.quotes).toHaveLength(source.quotes.length);
    // Every quoted document, with its metadata and tags, and nothing of the unquoted review.
    expect(got.documents).toEqual(want.documents.filter((d) => quotedShas.has(d.sha256)));
    expect(got.documents.some((d) => d.sha256 === source.docs.review.sha256)).toBe(false);
    expect(got.documents.find((d) => d.sha256 === source.docs.memo.sha256)).toMatchObject({
      pageLabelOffset: 26,
      tags: ['source/police'],
    });
    // Pages are this archive's own extraction, equal to the source's.
    const memo = (await listDocuments(target.db)).find((d) => d.sha256 === source.docs.memo.sha256) as DocumentRecord;
    expect((await getPages(target.db, memo.id)).map((p) => p.text)).toEqual(
      (await getPages(source.archive.db, source.docs.memo.id)).map((p) => p.text),
    );
    // The fact sheet came with its email, linked to it as in the source.
    const docs = await listDocuments(target.db);
    const email = docs.find((d) => d.sha256 === source.docs.statement.sha256);
    expect(docs.find((d) => d.sha256 === source.docs.factSheet.sha256)?.parentId).toBe(email?.id);

    const history = await listHistory(target.db);
    const last = history.at(-1);
    expect(last).toMatchObject({
      action: 'bundle-import',
      details: { file: 'case.zip', bundleId: own.bundle?.bundleId },
    });
    expect(last?.details['sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(
      history.filter((e) => e.action === 'quote-create').every((e) => e.details['bundleId'] === own.bundle?.bundleId),
    ).toBe(true);
    expect(history.filter((e) => e.action === 'import')).toHaveLength(quoted.size);
    expect((await checkArchive(target)).ok).toBe(true);

    // Again: nothing is duplicated and nothing is recorded.
    const before = await counts(target);
    const again = bundleResult(await importPaths(target, [bundle]));
    expect(again.status).toBe('duplicate');
    expect(again.bundle?.documents).toEqual({ imported: 0, existing: quoted.size });
    expect(again.bundle?.quotes.every((q) => q.status === 'existing')).toBe(true);
    expect(await counts(target)).toEqual(before);
  });

  it('is recognised when dropped on the app as bytes, named as dropped, leaving no copy behind', async () => {
    const target = await tempArchive();
    const drops = () => readdirSync(tmpdir()).filter((n) => n.startsWith('exhibit-drop-')).length;
    const before = drops();
    const results = await importDroppedFile(target, new Uint8Array(readFileSync(bundle)), 'case.zip');
    const own = bundleResult(results);
    expect(own).toMatchObject({ path: 'case.zip', status: 'imported', error: null });
    expect(results.slice(1).every((r) => r.path.startsWith('case.zip#'))).toBe(true);
    expect((await listQuotes(target.db)).length).toBe(source.quotes.length);
    expect((await listHistory(target.db)).at(-1)).toMatchObject({
      action: 'bundle-import',
      details: { file: 'case.zip' },
    });
    expect(drops()).toBe(before);
    // A zip that cannot be read safely gets the bundle check's named problem, as from disk.
    const [broken] = await importDroppedFile(
      target,
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
      'photos.zip',
    );
    expect(broken?.error).toMatch(
      /^photos\.zip: the evidence bundle does not verify \(1 problem, the first: not a readable zip file/,
    );
    expect(drops()).toBe(before);
  });

  it('duplicates nothing when imported into the archive it came from', async () => {
    const before = await counts(source.archive);
    const own = bundleResult(await importPaths(source.archive, [bundle]));
    expect(own.status).toBe('duplicate');
    const outcomes = (own.bundle?.quotes ?? [])
      .map((q) => [q.bundleQuoteId, q.quoteId, q.status])
      .sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(outcomes).toEqual(source.quotes.map((q) => [q.id, q.id, 'existing']));
    expect(await counts(source.archive)).toEqual(before);
  });

  it('keeps the document an archive already holds, and flags a quote whose text is not at its place there, without moving it', async () => {
    const target = await tempArchive();
    const [held] = await importPaths(target, [
      join(ROOT, 'resources', 'sample-case', 'files', '2020-11-13-port-alder-police-memo.pdf'),
    ]);
    const memoId = held?.documentId as number;
    // This archive's copy says 20-115 where the source's says 20-114 (same length: offsets unchanged).
    const pages = (await getPages(target.db, memoId)).map((p) => p.text);
    await replacePageTexts(
      target,
      memoId,
      pages.map((t) => t.replace('Directive 20-114', 'Directive 20-115')),
      { reason: 'test: a different extraction' },
    );
    const own = bundleResult(await importPaths(target, [bundle]));
    expect(own.status).toBe('imported');
    expect(own.bundle?.documents.existing).toBe(1);
    const directive = source.quotes[1];
    const outcome = own.bundle?.quotes.find((q) => q.bundleQuoteId === directive?.id);
    expect(outcome).toMatchObject({ status: 'orphaned' });
    expect(outcome?.reason).toMatch(/not at page 1, offsets \d+–\d+/);
    expect(own.warnings.some((w) => w.includes(`quote ${directive?.id} of the bundle`))).toBe(true);
    const stored = (await listQuotes(target.db, { status: 'orphaned' }))[0];
    expect(stored).toMatchObject({
      documentId: memoId,
      page: directive?.page,
      start: directive?.start,
      end: directive?.end,
      text: 'Directive 20-114',
      tags: ['policy'],
    });
    // The quote across the page break still stands at its place in this copy.
    expect(own.bundle?.quotes.find((q) => q.bundleQuoteId === source.quotes[0]?.id)?.status).toBe('imported');
    // The held document kept this archive's metadata (title from the PDF, no page offset).
    const memo = (await listDocuments(target.db)).find((d) => d.id === memoId);
    expect(memo?.pageLabelOffset).toBe(0);
    expect(own.warnings.some((w) => w.startsWith(`document ${memoId} was already here`))).toBe(true);
    expect((await checkArchive(target)).ok).toBe(true);
  });

  it('refuses a bundle that does not verify, listing its problems, and changes nothing', async () => {
    const dir = tempDir();
    const { entries, comment } = await unzip(bundle);
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as {
      documents: { path: string }[];
    };
    const path = manifest.documents[0]?.path ?? '';
    const bytes = Buffer.from(entries.get(path) ?? Buffer.alloc(0));
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0x20;
    entries.set(path, bytes);
    const zip = new yazl.ZipFile();
    for (const [name, data] of entries) zip.addBuffer(data, name);
    zip.end({ comment, forceZip64Format: false });
    const bad = join(dir, 'tampered.zip');
    await pipeline(zip.outputStream, createWriteStream(bad));
    expect((await verifyBundle(bad)).ok).toBe(false);

    const target = await tempArchive();
    const results = await importPaths(target, [bad]);
    expect(results).toHaveLength(1);
    const own = bundleResult(results);
    expect(own.status).toBe('failed');
    expect(own.error).toMatch(
      new RegExp(
        `^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the evidence bundle does not verify \\(\\d+ problems?, the first: .*\\); nothing was imported$`,
      ),
    );
    expect(own.bundle?.problems).toContainEqual(expect.objectContaining({ kind: 'original', file: path }));
    expect(await counts(target)).toEqual({ documents: 0, quotes: 0, history: 0 });
  });
});
