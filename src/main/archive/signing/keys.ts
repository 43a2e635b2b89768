/**
 * The user's Ed25519 signing key: made on the first signed export, kept by a
 * `SigningKeyStore` (a 0600 file for the CLI, the OS keychain through Electron's
 * safeStorage in the app), and named by its fingerprint: the SHA-256 of the raw 32-byte
 * public key, its first 16 bytes as 8 groups of 4 hex digits ("3f2a-9c01-…"). 128 bits
 * are far beyond any search for a second key with the same fingerprint, and short
 * enough to read out over the phone to a colleague who adds it to their trusted keys.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { ArchiveError } from '../errors.js';

/** Where a private key is kept, as PKCS#8 PEM. */
export interface SigningKeyStore {
  /** Says where the key is, for messages ("the file ~/.config/Exhibit/signing-key.pem"). */
  readonly where: string;
  /** The stored key, or undefined when there is none yet; throws (in words) when it cannot be used. */
  load(): Promise<string | undefined>;
  /** Stores a new key; never replaces an existing one. */
  save(pem: string): Promise<void>;
}

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Display fingerprint, e.g. "3f2a-9c01-77b0-…" (8 groups of 4 hex digits). */
  fingerprint: string;
}

export interface LoadedSigningKey extends SigningKey {
  /** True when this call made the key (the first signed export). */
  created: boolean;
  where: string;
}

const FINGERPRINT_HEX = 32;

/** The raw 32 bytes of an Ed25519 public key. */
export function rawPublicKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (publicKey.asymmetricKeyType !== 'ed25519' || typeof jwk.x !== 'string')
    throw new ArchiveError('invalid-input', 'not an Ed25519 public key');
  return Buffer.from(jwk.x, 'base64url');
}

/** The display fingerprint of an Ed25519 public key. */
export function fingerprintOf(publicKey: KeyObject): string {
  const hex = createHash('sha256').update(rawPublicKey(publicKey)).digest('hex').slice(0, FINGERPRINT_HEX);
  return hex.match(/.{4}/g)?.join('-') ?? hex;
}

/**
 * A fingerprint as a user typed it (any case, with or without dashes, spaces or colons,
 * or the whole 64-digit SHA-256) in display form; null when it is not one.
 */
export function parseFingerprint(text: string): string | null {
  const hex = text.toLowerCase().replace(/[\s:-]/g, '');
  if (!/^[0-9a-f]+$/.test(hex) || (hex.length !== FINGERPRINT_HEX && hex.length !== 64)) return null;
  return hex.slice(0, FINGERPRINT_HEX).match(/.{4}/g)?.join('-') ?? null;
}

function fromPem(pem: string, where: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new ArchiveError(
      'corrupt',
      `${where} does not hold a readable private key; move it aside to make a new one (bundles signed with it will then show another signer)`,
    );
  }
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new ArchiveError(
      'corrupt',
      `${where} holds a ${privateKey.asymmetricKeyType ?? 'unknown'} key, not an Ed25519 signing key`,
    );
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
}

/** The stored key, or undefined when there is none yet. */
export async function loadSigningKey(store: SigningKeyStore): Promise<SigningKey | undefined> {
  const pem = await store.load();
  return pem === undefined ? undefined : fromPem(pem, store.where);
}

/** The stored key, made and stored first when there is none (the first signed export). */
export async function loadOrCreateSigningKey(store: SigningKeyStore): Promise<LoadedSigningKey> {
  const existing = await loadSigningKey(store);
  if (existing) return { ...existing, created: false, where: store.where };
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  await store.save(pem);
  // Read back what was stored, so a store that lost or mangled it fails here, not later.
  const stored = await loadSigningKey(store);
  if (!stored) throw new ArchiveError('corrupt', `${store.where}: the new signing key was not kept`);
  return { ...stored, created: true, where: store.where };
}
