/**
 * Hostile and damaged bundles (issue 11, defects 8 and 9): `import` gives the problem
 * `verify` names instead of "unknown file type (.zip)", changing nothing, and `verify`
 * holds each original's name to the SHA-256 the bundle's README promises it starts with.
 */
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { exportModel } from '../../src/main/archive/export/export-file.js';
import type { BundleManifest } from '../../src/main/archive/export/manifest.js';
import type { ExportModel } from '../../src/main/archive/export/model.js';
import { verifyBundle } from '../../src/main/archive/export/verify.js';
import { importDroppedFile, importPaths, listDocuments, listHistory } from '../../src/main/archive/index.js';
import { tempArchive, tempDir } from '../helpers/archive.js';
import { exportFixture } from '../helpers/export-fixture.js';
import { unzip } from '../helpers/readers.js';

let model: ExportModel;
let originals: Map<number, Uint8Array>;

beforeAll(async () => {
  ({ model, originals } = await exportFixture('apa'));
});

async function makeBundle(dir: string): Promise<string> {
  const out = join(dir, 'bundle.zip');
  await exportModel(model, 'bundle', out, {
    original: async (doc) => originals.get(doc.id) ?? new Uint8Array(),
    archiveId: 'test-archive',
  });
  return out;
}

/** Writes the entries (a name may repeat) as a new zip with `comment`. */
async function writeZip(out: string, entries: [string, Buffer][], comment: string): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name);
  zip.end({ comment, forceZip64Format: false });
  await pipeline(zip.outputStream, createWriteStream(out));
  return out;
}

/** Each hostile variant of a sound bundle, by what is wrong with it. */
async function hostileBundles(dir: string): Promise<Record<string, string>> {
  const sound = await makeBundle(dir);
  const { entries, comment } = await unzip(sound);
  const list = [...entries];
  // yazl refuses to write "..": a placeholder of the same length, patched in place.
  const placeholder = readFileSync(
    await writeZip(join(dir, 'p.zip'), [...list, ['originals/aa/aa/evil.txt', Buffer.from('x')]], comment),
  );
  const from = Buffer.from('originals/aa/aa/evil.txt');
  for (let at = placeholder.indexOf(from); at >= 0; at = placeholder.indexOf(from, at + 1))
    Buffer.from('originals/../../evil.txt').copy(placeholder, at);
  writeFileSync(join(dir, 'slip.zip'), placeholder);
  const whole = readFileSync(sound);
  writeFileSync(join(dir, 'truncated.zip'), whole.subarray(0, Math.floor(whole.length / 2)));
  return {
    'zip-slip': join(dir, 'slip.zip'),
    'zip bomb': await writeZip(
      join(dir, 'bomb.zip'),
      [...list, ['quotes.bin', Buffer.alloc(64 * 1024 * 1024)]],
      comment,
    ),
    duplicate: await writeZip(
      join(dir, 'duplicate.zip'),
      [...list, ['README.txt', Buffer.from('another README')]],
      comment,
    ),
    truncated: join(dir, 'truncated.zip'),
    'bad JSON': await writeZip(
      join(dir, 'bad-json.zip'),
      list.map(([name, data]) => [
        name,
        name === 'manifest.json' ? Buffer.from('{"format": "exhibit-bundle", ') : data,
      ]),
      comment,
    ),
  };
}

describe('a bundle refused by import', () => {
  it('says the problem verify names, for zip-slip, a zip bomb, duplicate entries, truncation and bad JSON; nothing is stored', async () => {
    const archive = await tempArchive();
    const bundles = await hostileBundles(tempDir());
    const expected: Record<string, RegExp> = {
      'zip-slip': /invalid relative path: originals\/\.\.\/\.\.\/evil\.txt/,
      'zip bomb': /like a zip bomb/,
      duplicate: /entry "README\.txt" appears twice/,
      truncated: /not a readable zip file/,
      'bad JSON': /manifest\.json cannot be read/,
    };
    for (const [what, path] of Object.entries(bundles)) {
      const report = await verifyBundle(path);
      const named = report.problems[0]?.message ?? '';
      expect(named, what).toMatch(expected[what] ?? /never/);
      const [result, ...rest] = await importPaths(archive, [path]);
      expect(rest, what).toEqual([]);
      expect(result?.status, what).toBe('failed');
      expect(result?.error, what).not.toMatch(/unknown file type/);
      expect(result?.error, what).toBe(
        `${path}: the evidence bundle does not verify (${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}, the first: ${named.replace(`${path}: `, '')}); nothing was imported`,
      );
    }
    expect(await listDocuments(archive.db)).toEqual([]);
    expect(await listHistory(archive.db)).toEqual([]);
  }, 60_000);

  it('dropped as bytes, names the problem under the dropped name, not a temporary path', async () => {
    const archive = await tempArchive();
    const { truncated } = await hostileBundles(tempDir());
    const [result] = await importDroppedFile(archive, readFileSync(truncated ?? ''), 'case.zip');
    expect(result?.error).toMatch(
      /^case\.zip: the evidence bundle does not verify \(1 problem, the first: not a readable zip file \(.*\)\); nothing was imported$/,
    );
  }, 60_000);

  it('a sound zip that is no bundle is still an unknown file type', async () => {
    const archive = await tempArchive();
    const path = await writeZip(join(tempDir(), 'photos.zip'), [['a.txt', Buffer.from('hello')]], '');
    const [result] = await importPaths(archive, [path]);
    expect(result?.error).toBe(`${path}: unknown file type (.zip): a ZIP package that is not a DOCX`);
  });
});

describe('verify', () => {
  it('refuses an original whose name in the bundle does not start with its SHA-256', async () => {
    const dir = tempDir();
    const { entries } = await unzip(await makeBundle(dir));
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as BundleManifest;
    const doc = manifest.documents[0];
    if (!doc) throw new Error('the fixture bundle has no document');
    const renamed = doc.path.replace(doc.sha256, 'evidence');
    const file = manifest.files.find((f) => f.path === doc.path);
    if (file) file.path = renamed;
    const oldPath = doc.path;
    doc.path = renamed;
    // Renamed consistently in the manifest, the zip comment dropped (a re-packed bundle): only the name is wrong.
    const list: [string, Buffer][] = [...entries].map(([name, data]) => [
      name === oldPath ? renamed : name,
      name === 'manifest.json' ? Buffer.from(JSON.stringify(manifest)) : data,
    ]);
    const report = await verifyBundle(await writeZip(join(dir, 'renamed.zip'), list, ''));
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      {
        kind: 'original',
        file: renamed,
        message: `${renamed}: the original of document ${doc.id} is not named after its SHA-256 (${doc.sha256}), as every original in a bundle is`,
      },
    ]);
  });
});
