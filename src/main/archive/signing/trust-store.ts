/**
 * The keys whose bundles you trust (trusted-keys.json beside the signing key): each a
 * fingerprint, an optional name and when it was added. Written whole under a temp name,
 * synced, then renamed over the old file, so a crash leaves the old list or the new one.
 * A damaged file is an error in words, never an empty list: trust must not vanish silently.
 */
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { ArchiveError, messageOf } from '../errors.js';
import { parseFingerprint } from './keys.js';

export const TRUST_FILE_NAME = 'trusted-keys.json';

const trustedKeySchema = z.object({
  fingerprint: z.string().refine((f) => parseFingerprint(f) === f, 'not a fingerprint'),
  name: z.string().nullable(),
  added: z.string(),
});
const trustFileSchema = z.object({ version: z.literal(1), keys: z.array(trustedKeySchema) });

export type TrustedKey = z.infer<typeof trustedKeySchema>;

/** What verify needs to name a signer: the keys you trust and your own key's fingerprint (trusted implicitly). */
export interface TrustContext {
  trusted: readonly TrustedKey[];
  own: string | null;
}

/** The trusted keys in `path`; none when the file does not exist yet. */
export async function readTrustedKeys(path: string): Promise<TrustedKey[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ArchiveError('corrupt', `${path}: the trusted keys cannot be read (${messageOf(error)})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ArchiveError(
      'corrupt',
      `${path}: the trusted keys file is not JSON (${messageOf(error)}); fix or remove it`,
    );
  }
  const parsed = trustFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArchiveError(
      'corrupt',
      `${path}: the trusted keys file is malformed at ${issue?.path.join('.') || 'its top'} (${issue?.message ?? 'invalid'}); fix or remove it`,
    );
  }
  return parsed.data.keys;
}

async function writeTrustedKeys(path: string, keys: readonly TrustedKey[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify({ version: 1, keys }, null, 2) + '\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

function fingerprintOrThrow(text: string): string {
  const fingerprint = parseFingerprint(text);
  if (!fingerprint)
    throw new ArchiveError(
      'invalid-input',
      `fingerprint: "${text}" is not a key fingerprint (32 hex digits, e.g. 3f2a-9c01-77b0-5e4d-0a1b-2c3d-4e5f-6071)`,
    );
  return fingerprint;
}

/** Trusts a key (or renames a trusted one); answers the entry and whether it was new. */
export async function addTrustedKey(
  path: string,
  fingerprintText: string,
  name: string | null,
): Promise<{ key: TrustedKey; added: boolean }> {
  const fingerprint = fingerprintOrThrow(fingerprintText);
  const keys = await readTrustedKeys(path);
  const existing = keys.find((k) => k.fingerprint === fingerprint);
  const key: TrustedKey = {
    fingerprint,
    name: name ?? existing?.name ?? null,
    added: existing?.added ?? new Date().toISOString(),
  };
  await writeTrustedKeys(path, [...keys.filter((k) => k.fingerprint !== fingerprint), key]);
  return { key, added: !existing };
}

/** Stops trusting a key; answers the entry removed, or null when it was not trusted. */
export async function removeTrustedKey(path: string, fingerprintText: string): Promise<TrustedKey | null> {
  const fingerprint = fingerprintOrThrow(fingerprintText);
  const keys = await readTrustedKeys(path);
  const existing = keys.find((k) => k.fingerprint === fingerprint) ?? null;
  if (existing)
    await writeTrustedKeys(
      path,
      keys.filter((k) => k.fingerprint !== fingerprint),
    );
  return existing;
}
