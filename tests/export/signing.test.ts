import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleComment, type BundleManifest } from '../../src/main/archive/export/manifest.js';
import type { BundleSignature } from '../../src/main/archive/export/signature.js';
import { exhibitWith, repack, signingBench, type SigningBench } from '../helpers/signing.js';
import { unzip } from '../helpers/readers.js';

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const FINGERPRINT = /[0-9a-f]{4}(-[0-9a-f]{4}){7}/;

let bench: SigningBench;
/** Config folder A's key exports bundle A. */
let configA: string;
let bundleA: string;
let fingerprintA: string;

beforeAll(async () => {
  bench = await signingBench();
  configA = bench.configDir('a');
  bundleA = join(bench.root, 'a.zip');
  const out = await exhibitWith(configA, bench.archive, 'export', '--all', '--format', 'bundle', '--out', bundleA);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  fingerprintA = FINGERPRINT.exec(out.stdout)?.[0] ?? '';
}, 120_000);

afterAll(() => bench.remove());

async function verify(
  config: string,
  zip: string,
  ...flags: string[]
): Promise<{
  code: number;
  stdout: string;
  json: { ok: boolean; signature: BundleSignature | null; problems: { kind: string; message: string }[] };
}> {
  const text = await exhibitWith(config, bench.archive, 'verify', zip, ...flags);
  const json = await exhibitWith(config, bench.archive, '--json', 'verify', zip, ...flags);
  expect(json.code).toBe(text.code);
  return { code: text.code, stdout: text.stdout, json: JSON.parse(json.stdout) as never };
}

/**
 * Changes a PDF original (bytes appended after its end: its text, and so every quote on
 * it, still holds), then re-hashes the manifest to match: new SHA-256, size and name
 * for the original, and a zip comment naming the new manifest's SHA-256.
 */
function tamperConsistently(entries: Map<string, Buffer>): string {
  const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as BundleManifest;
  const doc = manifest.documents.find((d) => d.format === 'pdf' && manifest.quotes.some((q) => q.documentId === d.id));
  if (!doc) throw new Error('the case has no quoted PDF');
  const changed = Buffer.concat([entries.get(doc.path) ?? Buffer.alloc(0), Buffer.from('\n% altered after signing\n')]);
  const newSha = sha(changed);
  const newPath = doc.path.replace(doc.sha256, newSha);
  const file = manifest.files.find((f) => f.path === doc.path);
  if (!file) throw new Error('original not listed');
  entries.delete(doc.path);
  entries.set(newPath, changed);
  Object.assign(file, { path: newPath, sha256: newSha, size: changed.byteLength });
  Object.assign(doc, { path: newPath, sha256: newSha, size: changed.byteLength });
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
  entries.set('manifest.json', manifestBytes);
  return bundleComment(manifest.bundleId, sha(manifestBytes));
}

describe('signed evidence bundles', () => {
  it('the first export makes a key readable by its owner alone; the next reuses it', async () => {
    const keyFile = join(configA, 'signing-key.pem');
    expect(fingerprintA).toMatch(FINGERPRINT);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const pem = readFileSync(keyFile, 'utf8');
    expect(pem).toContain('BEGIN PRIVATE KEY');

    const again = await exhibitWith(
      configA,
      bench.archive,
      '--json',
      'export',
      '--all',
      '--format',
      'bundle',
      '--out',
      join(bench.root, 'a2.zip'),
    );
    expect(again.code).toBe(0);
    const result = JSON.parse(again.stdout) as { signer: string; keyCreated: unknown };
    expect(result.signer).toBe(fingerprintA);
    expect(result.keyCreated).toBeNull();
    expect(readFileSync(keyFile, 'utf8')).toBe(pem);
  });

  it('hold signature.json over the manifest, explained in the README, and verify as signed by your own key', async () => {
    const { entries } = await unzip(bundleA);
    const signature = JSON.parse(entries.get('signature.json')?.toString('utf8') ?? '{}') as {
      algorithm: string;
      fingerprint: string;
    };
    expect(signature).toMatchObject({ algorithm: 'Ed25519', fingerprint: fingerprintA });
    expect(entries.get('README.txt')?.toString('utf8')).toContain(`Signed by key ${fingerprintA}`);
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as BundleManifest;
    expect(manifest.files.map((f) => f.path)).not.toContain('signature.json');

    const v = await verify(configA, bundleA);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain(`signed by ${fingerprintA} (your own key, trusted)`);
    expect(v.json.signature).toMatchObject({ status: 'signed', fingerprint: fingerprintA, trusted: true });
    expect((await verify(configA, bundleA, '--require-trusted')).code).toBe(0);
  });

  it("another user's bundle is reported untrusted until their key is added", async () => {
    const configB = bench.configDir('b');
    const bundleB = join(bench.root, 'b.zip');
    const made = await exhibitWith(
      configB,
      bench.archive,
      '--json',
      'export',
      '--all',
      '--format',
      'bundle',
      '--out',
      bundleB,
    );
    const fingerprintB = (JSON.parse(made.stdout) as { signer: string }).signer;
    expect(fingerprintB).toMatch(FINGERPRINT);
    expect(fingerprintB).not.toBe(fingerprintA);

    const before = await verify(configA, bundleB);
    expect(before.code).toBe(0); // it holds together; who made it is a separate question
    expect(before.stdout).toContain(`signed by ${fingerprintB} (not in your trusted keys)`);
    expect(before.json.signature).toMatchObject({ status: 'signed', trusted: false });
    const strict = await verify(configA, bundleB, '--require-trusted');
    expect(strict.code).toBe(1);
    expect(strict.json.ok).toBe(false);

    expect(
      (await exhibitWith(configA, bench.archive, 'trust', 'add', fingerprintB.toUpperCase(), '--name', 'Jane Roe'))
        .code,
    ).toBe(0);
    const after = await verify(configA, bundleB, '--require-trusted');
    expect(after.code).toBe(0);
    expect(after.stdout).toContain(`signed by ${fingerprintB} (Jane Roe, trusted)`);
    expect(after.json.signature).toMatchObject({ trusted: true, signer: 'Jane Roe' });
    expect((await exhibitWith(configA, bench.archive, 'trust', 'remove', fingerprintB)).code).toBe(0);
    expect((await verify(configA, bundleB)).stdout).toContain('(not in your trusted keys)');
  });

  it('a bundle without signature.json is reported unsigned, and fails --require-trusted', async () => {
    const unsigned = await repack(bundleA, join(bench.root, 'unsigned.zip'), (entries) =>
      entries.delete('signature.json'),
    );
    const v = await verify(configA, unsigned);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^unsigned: /m);
    expect(v.json.signature?.status).toBe('unsigned');
    expect((await verify(configA, unsigned, '--require-trusted')).code).toBe(1);
  });

  it('an original changed and re-hashed consistently into the manifest fails on the signature', async () => {
    // Without the signature the forgery holds together: every hash and quote checks out.
    let comment = '';
    const control = await repack(
      bundleA,
      join(bench.root, 'forged-unsigned.zip'),
      (entries) => {
        comment = tamperConsistently(entries);
        entries.delete('signature.json');
      },
      () => comment,
    );
    const c = await verify(configA, control);
    expect(c.json.problems).toEqual([]);
    expect(c.code).toBe(0);

    // With the signature its maker left, it fails.
    const rehashed = await repack(
      bundleA,
      join(bench.root, 'forged.zip'),
      (entries) => {
        comment = tamperConsistently(entries);
      },
      () => comment,
    );
    const v = await verify(configA, rehashed);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('signature does not match the manifest');
    expect(v.json.problems.map((p) => p.kind)).toEqual(['signature']);
    expect(v.json.signature?.status).toBe('invalid');
  });

  it('a changed signature fails', async () => {
    const bad = await repack(bundleA, join(bench.root, 'bad-signature.zip'), (entries) => {
      const file = JSON.parse(entries.get('signature.json')?.toString('utf8') ?? '{}') as { signature: string };
      const bytes = Buffer.from(file.signature, 'base64');
      bytes[10] = (bytes[10] ?? 0) ^ 0x01;
      entries.set('signature.json', Buffer.from(JSON.stringify({ ...file, signature: bytes.toString('base64') })));
    });
    const v = await verify(configA, bad);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/problem \(signature\): signature does not match the manifest/);
  });

  it('a key file other users can read is refused in words, and nothing is exported', async () => {
    const config = bench.configDir('loose');
    const first = await exhibitWith(config, bench.archive, 'key', 'create');
    expect(first.code).toBe(0);
    const keyFile = join(config, 'signing-key.pem');
    chmodSync(keyFile, 0o644);
    const out = join(bench.root, 'loose.zip');
    const run = await exhibitWith(config, bench.archive, 'export', '--all', '--format', 'bundle', '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${keyFile}: the signing key file can be read or changed by other users (mode 0644), so it is not used; make it yours alone with: chmod 600`,
    );
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('importing a bundle reports its signer, on record; an unsigned one with a warning', async () => {
    interface Imported {
      results: {
        status: string;
        warnings: string[];
        bundle?: { signature: { status: string; fingerprint: string | null } | null };
      }[];
    }
    const into = join(bench.root, 'colleague.exhibit');
    const signed = await exhibitWith(configA, into, '--json', 'import', bundleA);
    expect(signed.code).toBe(0);
    const own = (JSON.parse(signed.stdout) as Imported).results.find((r) => r.bundle);
    expect(own?.bundle?.signature).toMatchObject({ status: 'signed', fingerprint: fingerprintA });
    expect(own?.warnings.join('\n')).not.toContain('unsigned');
    const history = await exhibitWith(configA, into, '--json', 'history');
    expect(history.stdout).toContain(`"signer": "${fingerprintA}"`);

    const unsigned = await repack(bundleA, join(bench.root, 'unsigned-import.zip'), (entries) =>
      entries.delete('signature.json'),
    );
    const other = join(bench.root, 'other.exhibit');
    const run = await exhibitWith(configA, other, '--json', 'import', unsigned);
    const result = (JSON.parse(run.stdout) as Imported).results.find((r) => r.bundle);
    expect(result?.bundle?.signature?.status).toBe('unsigned');
    expect(result?.warnings).toContain(
      'unsigned: the bundle carries no signature, so nothing shows who made it or that its manifest was not re-made',
    );
  });
});
