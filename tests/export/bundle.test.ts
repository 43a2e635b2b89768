import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import yazl from 'yazl';
import { exportModel } from '../../src/main/archive/export/export-file.js';
import { bundleComment, type BundleManifest } from '../../src/main/archive/export/manifest.js';
import type { ExportModel } from '../../src/main/archive/export/model.js';
import { verifyBundle } from '../../src/main/archive/export/verify.js';
import { run } from '../../src/main/cli/main.js';
import { tempDir } from '../helpers/archive.js';
import { exportFixture, squash } from '../helpers/export-fixture.js';
import { pdfText, unzip } from '../helpers/readers.js';

let model: ExportModel;
let originals: Map<number, Uint8Array>;

beforeAll(async () => {
  const fixture = await exportFixture('apa');
  model = fixture.model;
  originals = fixture.originals;
});

async function makeBundle(dir: string, name = 'bundle.zip'): Promise<string> {
  const out = join(dir, name);
  await exportModel(model, 'bundle', out, {
    original: async (doc) => originals.get(doc.id) ?? new Uint8Array(),
    archiveId: 'test-archive',
  });
  return out;
}

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** Rewrites a zip: `edit` may change, drop (return null) or add entries; the comment is kept unless given. */
async function rewrite(
  path: string,
  out: string,
  edit: (entries: Map<string, Buffer>) => void,
  comment?: string,
): Promise<string> {
  const { entries, comment: old } = await unzip(path);
  edit(entries);
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name);
  zip.end({ comment: comment ?? old, forceZip64Format: false });
  await pipeline(zip.outputStream, createWriteStream(out));
  return out;
}

function manifestOf(entries: Map<string, Buffer>): BundleManifest {
  return JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as BundleManifest;
}

describe('evidence bundles', () => {
  it('hold the quote documents, the originals, a manifest and a README, and verify', async () => {
    const dir = tempDir();
    const path = await makeBundle(dir);
    const { entries, comment } = await unzip(path);
    const manifest = manifestOf(entries);
    expect([...entries.keys()].sort()).toEqual(
      [
        'README.txt',
        'manifest.json',
        'quotes.html',
        'quotes.md',
        'quotes.pdf',
        ...manifest.documents.map((d) => d.path),
      ].sort(),
    );
    expect(manifest.formatVersion).toBe(1);
    expect(manifest.archiveId).toBe('test-archive');
    expect(comment).toBe(bundleComment(manifest.bundleId, sha(entries.get('manifest.json') ?? '')));
    for (const doc of manifest.documents) {
      expect(doc.path).toMatch(new RegExp(`^originals/${doc.sha256}-`));
      expect(sha(entries.get(doc.path) ?? '')).toBe(doc.sha256);
    }
    for (const file of manifest.files) expect(sha(entries.get(file.path) ?? '')).toBe(file.sha256);
    expect(manifest.quotes.map((q) => q.exact)).toEqual(model.items.map((i) => i.quote.text));
    expect(entries.get('README.txt')?.toString()).toContain('exhibit verify');
    expect(entries.get('quotes.md')?.toString()).toContain(manifest.bundleId);
    const pdf = squash((await pdfText(entries.get('quotes.pdf') ?? new Uint8Array())).join(' '));
    expect(pdf).toContain(manifest.bundleId);

    const report = await verifyBundle(path);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.quotes).toBe(model.items.length);
  });

  it('fail verification when a byte of an original changes', async () => {
    const dir = tempDir();
    const path = await makeBundle(dir);
    const bad = await rewrite(path, join(dir, 'bad.zip'), (entries) => {
      const doc = manifestOf(entries).documents[0];
      const bytes = Buffer.from(entries.get(doc?.path ?? '') ?? '');
      bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0x01;
      entries.set(doc?.path ?? '', bytes);
    });
    const report = await verifyBundle(bad);
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => p.kind === 'original' && p.file?.startsWith('originals/'))).toBe(true);
  });

  it('fail verification when a quote is changed in the manifest, even with the zip comment redone', async () => {
    const dir = tempDir();
    const path = await makeBundle(dir);
    let comment = '';
    const bad = await rewrite(
      path,
      join(dir, 'bad.zip'),
      (entries) => {
        const manifest = manifestOf(entries);
        const quote = manifest.quotes[1];
        if (quote) quote.exact = quote.exact.replace(/\b(held|the)\b/, 'not');
        const json = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
        entries.set('manifest.json', json);
        comment = bundleComment(manifest.bundleId, sha(json));
      },
      undefined,
    );
    // First as a careless edit (zip comment left as it was), then as a careful one.
    const careless = await verifyBundle(bad);
    expect(careless.ok).toBe(false);
    expect(careless.problems.some((p) => p.kind === 'bundle')).toBe(true);
    const careful = await rewrite(bad, join(dir, 'careful.zip'), () => undefined, comment);
    const report = await verifyBundle(careful);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'quote', quoteId: model.items[1]?.quote.id })]);
  });

  it('fail verification when a file is removed or added', async () => {
    const dir = tempDir();
    const path = await makeBundle(dir);
    const removed = await rewrite(path, join(dir, 'removed.zip'), (entries) => entries.delete('quotes.pdf'));
    const r1 = await verifyBundle(removed);
    expect(r1.ok).toBe(false);
    expect(r1.problems).toContainEqual(expect.objectContaining({ kind: 'file', file: 'quotes.pdf' }));
    const original = await rewrite(path, join(dir, 'no-original.zip'), (entries) =>
      entries.delete(manifestOf(entries).documents[2]?.path ?? ''),
    );
    const r2 = await verifyBundle(original);
    expect(r2.ok).toBe(false);
    expect(r2.problems.some((p) => p.file?.startsWith('originals/'))).toBe(true);
    const added = await rewrite(path, join(dir, 'added.zip'), (entries) =>
      entries.set('originals/extra.txt', Buffer.from('planted')),
    );
    const r3 = await verifyBundle(added);
    expect(r3.ok).toBe(false);
    expect(r3.problems).toContainEqual(expect.objectContaining({ kind: 'file', file: 'originals/extra.txt' }));
  });

  it('fail verification with a manifest taken from another bundle of the same quotes', async () => {
    const dir = tempDir();
    const a = await makeBundle(dir, 'a.zip');
    const b = await makeBundle(dir, 'b.zip');
    const otherManifest = (await unzip(b)).entries.get('manifest.json') as Buffer;
    const swapped = await rewrite(a, join(dir, 'swapped.zip'), (entries) =>
      entries.set('manifest.json', otherManifest),
    );
    const report = await verifyBundle(swapped);
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => p.kind === 'bundle' && p.message.includes('belongs to bundle'))).toBe(true);
    // Even re-packed without the zip comment, the quote documents name the other bundle.
    const stripped = await rewrite(swapped, join(dir, 'stripped.zip'), () => undefined, '');
    const again = await verifyBundle(stripped);
    expect(again.ok).toBe(false);
    expect(again.problems.some((p) => p.kind === 'file' && p.file === 'quotes.md')).toBe(true);
  });

  it('refuse zips with unsafe names, bombs and newer formats without extracting anything', async () => {
    const dir = tempDir();
    const path = await makeBundle(dir);
    // yazl refuses to write "..": write a placeholder of the same length and patch the name in place.
    const placeholder = await rewrite(path, join(dir, 'placeholder.zip'), (entries) =>
      entries.set('originals/aa/aa/evil.txt', Buffer.from('x')),
    );
    const bytes = readFileSync(placeholder);
    const from = Buffer.from('originals/aa/aa/evil.txt');
    for (let at = bytes.indexOf(from); at >= 0; at = bytes.indexOf(from, at + 1))
      Buffer.from('originals/../../evil.txt').copy(bytes, at);
    const slip = join(dir, 'slip.zip');
    writeFileSync(slip, bytes);
    expect((await verifyBundle(slip)).problems[0]).toMatchObject({ kind: 'zip' });
    expect(existsSync(join(dir, '..', 'evil.txt'))).toBe(false);
    const bomb = await rewrite(path, join(dir, 'bomb.zip'), (entries) =>
      entries.set('quotes.bin', Buffer.alloc(64 * 1024 * 1024)),
    );
    const bombReport = await verifyBundle(bomb);
    expect(bombReport.ok).toBe(false);
    expect(bombReport.problems[0]?.message).toContain('zip bomb');
    const newer = await rewrite(path, join(dir, 'newer.zip'), (entries) => {
      const manifest = manifestOf(entries);
      manifest.formatVersion = 99;
      entries.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
    });
    expect((await verifyBundle(newer)).problems[0]?.message).toContain('newer Exhibit');
    const text = join(dir, 'text.zip');
    writeFileSync(text, 'not a zip at all');
    expect((await verifyBundle(text)).problems[0]).toMatchObject({ kind: 'zip' });
  });

  it('`exhibit verify` exits 0 on a sound bundle and 1 naming the problem otherwise', async () => {
    const dir = tempDir();
    const path = await makeBundle(dir);
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    try {
      expect(await run(['verify', path, '--json'])).toBe(0);
      const ok = JSON.parse(out.join('')) as { ok: boolean; problems: unknown[] };
      expect(ok).toMatchObject({ ok: true, problems: [] });
      out.length = 0;
      const bad = await rewrite(path, join(dir, 'bad.zip'), (entries) => entries.delete('README.txt'));
      expect(await run(['--json', 'verify', bad])).toBe(1);
      const report = JSON.parse(out.join('')) as {
        ok: boolean;
        problems: { kind: string; file?: string; message: string }[];
      };
      expect(report.ok).toBe(false);
      expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'file', file: 'README.txt' }));
    } finally {
      spy.mockRestore();
    }
  });

  it('never overwrites a bundle without force, and a failed bundle leaves no file', async () => {
    const dir = tempDir();
    const path = await makeBundle(dir);
    const before = readFileSync(path);
    await expect(makeBundle(dir)).rejects.toThrow(/already exists/);
    expect(readFileSync(path).equals(before)).toBe(true);
    const failed = join(dir, 'failed.zip');
    await expect(
      exportModel(model, 'bundle', failed, { original: async () => new Uint8Array([1, 2, 3]), archiveId: null }),
    ).rejects.toThrow(/no longer matches its SHA-256/);
    expect(existsSync(failed)).toBe(false);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });
});
