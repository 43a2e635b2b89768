/**
 * Where the CLI keeps the user's signing key and trusted keys: the app's user-data
 * folder (beside the default archive), or $EXHIBIT_CONFIG_DIR. The key is a 0600 file.
 */
import { join } from 'node:path';
import { fileKeyStore, KEY_FILE_NAME } from '../archive/signing/file-key-store.js';
import { loadSigningKey, type SigningKeyStore } from '../archive/signing/keys.js';
import { readTrustedKeys, TRUST_FILE_NAME, type TrustContext } from '../archive/signing/trust-store.js';
import { messageOf } from '../archive/errors.js';
import { userDataDir } from './context.js';

export function configDir(): string {
  const override = process.env['EXHIBIT_CONFIG_DIR'];
  return override !== undefined && override !== '' ? override : userDataDir();
}

export function keyFilePath(): string {
  return join(configDir(), KEY_FILE_NAME);
}

export function cliKeyStore(): SigningKeyStore {
  return fileKeyStore(keyFilePath());
}

export function trustFilePath(): string {
  return join(configDir(), TRUST_FILE_NAME);
}

/**
 * Your trusted keys and your own key's fingerprint. A key file that cannot be used
 * (readable by others, damaged) leaves your own key out, with the reason in `warnings`.
 */
export async function cliTrustContext(): Promise<{ trust: TrustContext; warnings: string[] }> {
  const warnings: string[] = [];
  let own: string | null = null;
  try {
    own = (await loadSigningKey(cliKeyStore()))?.fingerprint ?? null;
  } catch (error) {
    warnings.push(`your own key is not recognised: ${messageOf(error)}`);
  }
  return { trust: { trusted: await readTrustedKeys(trustFilePath()), own }, warnings };
}
