import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/archive.js';
import { exhibitWith } from '../helpers/signing.js';

const A = '3f2a-9c01-77b0-5e4d-0a1b-2c3d-4e5f-6071';
const B = 'aaaa-bbbb-cccc-dddd-eeee-ffff-0000-1111';

let config = '';
let archive = '';

function setUp(): void {
  const dir = tempDir();
  config = join(dir, 'config');
  archive = join(dir, 'unused.exhibit'); // trust and key commands never open it
}

const cli = (...args: string[]) => exhibitWith(config, archive, ...args);

interface TrustList {
  own: string | null;
  keys: { fingerprint: string; name: string | null; added: string }[];
}

describe('exhibit trust and exhibit key', () => {
  it('add, list and remove trusted keys; fingerprints typed any way are the same key', async () => {
    setUp();
    expect((await cli('trust', 'add', A, '--name', 'Jane Roe')).stdout).toBe(`Trusted: ${A} (Jane Roe)\n`);
    // Upper case, no dashes: the same key, renamed, not a second entry.
    const again = await cli('trust', 'add', A.replace(/-/g, '').toUpperCase(), '--name', 'Jane Q. Roe');
    expect(again.stdout).toBe(`Already trusted, updated: ${A} (Jane Q. Roe)\n`);
    expect((await cli('trust', 'add', B)).code).toBe(0);

    const listed = JSON.parse((await cli('--json', 'trust', 'list')).stdout) as TrustList;
    expect(listed.own).toBeNull();
    expect(listed.keys.map((k) => [k.fingerprint, k.name])).toEqual([
      [A, 'Jane Q. Roe'],
      [B, null],
    ]);
    const text = await cli('trust', 'list');
    expect(text.stdout).toContain('You have no signing key yet');
    expect(text.stdout).toContain(`${A}  Jane Q. Roe`);
    expect(text.stdout).toContain(`${B}  (no name)`);

    const removed = await cli('trust', 'remove', A);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toBe(`No longer trusted: ${A} (Jane Q. Roe)\n`);
    const gone = await cli('trust', 'remove', A);
    expect(gone.code).toBe(1);
    expect(gone.stdout).toContain('was not among your trusted keys');
    expect(
      (JSON.parse((await cli('--json', 'trust', 'list')).stdout) as TrustList).keys.map((k) => k.fingerprint),
    ).toEqual([B]);
    // Written whole: no temp file left beside it.
    expect(readdirSync(config)).toEqual(['trusted-keys.json']);
    expect(JSON.parse(readFileSync(join(config, 'trusted-keys.json'), 'utf8'))).toMatchObject({ version: 1 });
  });

  it('your own key: none until made, then shown and listed as trusted implicitly', async () => {
    setUp();
    const none = await cli('key', 'show');
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('You have no signing key yet: one is made on your first bundle export');
    const made = JSON.parse((await cli('--json', 'key', 'create')).stdout) as { fingerprint: string; created: boolean };
    expect(made.created).toBe(true);
    expect((await cli('key', 'show')).stdout).toContain(`${made.fingerprint}  your signing key`);
    expect(JSON.parse((await cli('--json', 'key', 'create')).stdout)).toMatchObject({
      fingerprint: made.fingerprint,
      created: false,
    });
    expect((await cli('trust', 'list')).stdout).toContain(`${made.fingerprint}  your own key (trusted implicitly)`);
  });

  it('refuses what is not a fingerprint, and a damaged trust file, in words', async () => {
    setUp();
    const bad = await cli('trust', 'add', 'not-a-key');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'exhibit: fingerprint: "not-a-key" is not a key fingerprint (32 hex digits, e.g. 3f2a-9c01-77b0-5e4d-0a1b-2c3d-4e5f-6071)\n',
    );
    expect((await cli('trust', 'add', A, '--name', '  ')).code).toBe(2);

    mkdirSync(config, { recursive: true });
    writeFileSync(join(config, 'trusted-keys.json'), '{"version":1,"keys":[{"fingerprint":"nope"');
    const damaged = await cli('trust', 'list');
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(/trusted-keys\.json: the trusted keys file is not JSON \(.*\); fix or remove it\n$/);
    // Adding must not silently replace the damaged list with a new one.
    expect((await cli('trust', 'add', B)).code).toBe(1);
    expect(readFileSync(join(config, 'trusted-keys.json'), 'utf8')).toContain('"nope"');
  });
});
