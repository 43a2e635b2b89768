/**
 * A bundle's signature: signature.json holds an Ed25519 signature over the exact bytes
 * of manifest.json, with the signer's public key. The manifest lists every other file
 * with its SHA-256, so the signature covers the whole bundle: change an original and
 * re-hash the manifest to match, and the signature no longer does. Who signed is the
 * key's fingerprint; whether that is someone you trust is your trusted keys' say
 * (your own key is trusted implicitly). signature.json is the one file the manifest
 * does not list: it is made after the manifest, over it.
 */
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { messageOf } from '../errors.js';
import { fingerprintOf, type SigningKey } from '../signing/keys.js';
import type { TrustContext } from '../signing/trust-store.js';

export const SIGNATURE_NAME = 'signature.json';
const SIGNATURE_FORMAT = 'exhibit-bundle-signature';
const MAX_SIGNATURE_BYTES = 64 * 1024;

const signatureFileSchema = z.object({
  format: z.literal(SIGNATURE_FORMAT),
  version: z.literal(1),
  algorithm: z.literal('Ed25519'),
  /** The file signed, byte for byte. */
  signed: z.literal('manifest.json'),
  /** The signer's public key: base64 of its SPKI DER encoding (what openssl reads). */
  publicKey: z.string().min(1),
  /** For people reading the file; verify recomputes it from `publicKey`. */
  fingerprint: z.string(),
  signature: z.string().min(1),
});

export type SignatureStatus = 'signed' | 'unsigned' | 'invalid';

/** Who signed a bundle, and whether that is someone you trust. */
export interface BundleSignature {
  status: SignatureStatus;
  /** The signer's fingerprint when the signature holds. */
  fingerprint: string | null;
  /** True for your own key and for keys in your trusted keys. */
  trusted: boolean;
  /** The trusted key's name ("your own key" for yours). */
  signer: string | null;
  /** One line for people: "signed by … (Jane Roe, trusted)", "unsigned: …". */
  message: string;
}

/** signature.json's bytes for a manifest signed with `key`. */
export function signManifest(manifestBytes: Uint8Array, key: SigningKey): Buffer {
  const file: z.infer<typeof signatureFileSchema> = {
    format: SIGNATURE_FORMAT,
    version: 1,
    algorithm: 'Ed25519',
    signed: 'manifest.json',
    publicKey: key.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    fingerprint: key.fingerprint,
    signature: sign(null, manifestBytes, key.privateKey).toString('base64'),
  };
  return Buffer.from(JSON.stringify(file, null, 2) + '\n');
}

function invalid(reason: string): BundleSignature {
  return {
    status: 'invalid',
    fingerprint: null,
    trusted: false,
    signer: null,
    message: `signature does not match the manifest: ${reason}`,
  };
}

function signedBy(fingerprint: string, trust: TrustContext | undefined): BundleSignature {
  if (!trust)
    return { status: 'signed', fingerprint, trusted: false, signer: null, message: `signed by ${fingerprint}` };
  if (trust.own === fingerprint)
    return {
      status: 'signed',
      fingerprint,
      trusted: true,
      signer: 'your own key',
      message: `signed by ${fingerprint} (your own key, trusted)`,
    };
  const known = trust.trusted.find((k) => k.fingerprint === fingerprint);
  if (known) {
    return {
      status: 'signed',
      fingerprint,
      trusted: true,
      signer: known.name,
      message: `signed by ${fingerprint} (${known.name ? `${known.name}, ` : ''}trusted)`,
    };
  }
  return {
    status: 'signed',
    fingerprint,
    trusted: false,
    signer: null,
    message: `signed by ${fingerprint} (not in your trusted keys)`,
  };
}

export const UNSIGNED: BundleSignature = {
  status: 'unsigned',
  fingerprint: null,
  trusted: false,
  signer: null,
  message:
    'unsigned: the bundle carries no signature, so nothing shows who made it or that its manifest was not re-made',
};

/**
 * Checks signature.json's bytes (undefined when the bundle has none) against the
 * manifest's bytes. Never throws.
 */
export function checkSignature(
  signatureBytes: Buffer | undefined,
  manifestBytes: Buffer,
  trust?: TrustContext,
): BundleSignature {
  if (signatureBytes === undefined) return UNSIGNED;
  if (signatureBytes.byteLength > MAX_SIGNATURE_BYTES)
    return invalid(`${SIGNATURE_NAME} is larger than ${MAX_SIGNATURE_BYTES} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(signatureBytes.toString('utf8'));
  } catch (error) {
    return invalid(`${SIGNATURE_NAME} cannot be read (${messageOf(error)})`);
  }
  const parsed = signatureFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return invalid(
      `${SIGNATURE_NAME} is malformed at ${issue?.path.join('.') || 'its top'} (${issue?.message ?? 'invalid'})`,
    );
  }
  let publicKey: KeyObject;
  let fingerprint: string;
  try {
    publicKey = createPublicKey({ key: Buffer.from(parsed.data.publicKey, 'base64'), format: 'der', type: 'spki' });
    fingerprint = fingerprintOf(publicKey);
  } catch {
    return invalid(`${SIGNATURE_NAME} does not hold an Ed25519 public key`);
  }
  if (parsed.data.fingerprint !== fingerprint)
    return invalid(`${SIGNATURE_NAME} names fingerprint ${parsed.data.fingerprint}, but its key's is ${fingerprint}`);
  let holds = false;
  try {
    holds = verify(null, manifestBytes, publicKey, Buffer.from(parsed.data.signature, 'base64'));
  } catch {
    holds = false;
  }
  if (!holds)
    return invalid(
      `manifest.json was changed after it was signed by ${fingerprint}, or the signature is not this manifest's`,
    );
  return signedBy(fingerprint, trust);
}
