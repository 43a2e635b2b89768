/**
 * Where the app keeps the user's signing key: encrypted by the OS keychain when there is
 * one, else (Linux without a keyring, where safeStorage would fall back to a hard-coded
 * password) in a 0600 file as the CLI does, with a warning saying so. A key already kept
 * one way stays where it is. Plain Node: the keychain comes in as a cipher (see
 * safe-storage.ts), so this can be typechecked and reasoned about without Electron.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  encryptedKeyStore,
  ENCRYPTED_KEY_FILE_NAME,
  type KeychainCipher,
} from '../archive/signing/encrypted-key-store.js';
import { fileKeyStore, KEY_FILE_NAME } from '../archive/signing/file-key-store.js';
import { TRUST_FILE_NAME } from '../archive/signing/trust-store.js';
import type { SigningService } from '../ipc/types.js';

/** The keychain, or why there is none, as found when the app is ready. */
export type Keychain = { cipher: KeychainCipher } | { unavailable: string };

export function appSigning(userDataDir: string, keychain: () => Promise<Keychain>): SigningService {
  const sealedPath = join(userDataDir, ENCRYPTED_KEY_FILE_NAME);
  const plainPath = join(userDataDir, KEY_FILE_NAME);
  return {
    trustFile: join(userDataDir, TRUST_FILE_NAME),
    async keyStore() {
      const found = await keychain();
      if ('cipher' in found && !existsSync(plainPath))
        return { store: encryptedKeyStore(sealedPath, found.cipher), warning: null };
      if ('cipher' in found) return { store: fileKeyStore(plainPath), warning: null };
      if (existsSync(sealedPath)) {
        // The key is sealed but the keychain is gone: say so rather than make a second key.
        return {
          store: encryptedKeyStore(sealedPath, {
            name: 'the OS keychain',
            encrypt: () => Promise.reject(new Error(found.unavailable)),
            decrypt: () => Promise.reject(new Error(found.unavailable)),
          }),
          warning: null,
        };
      }
      return {
        store: fileKeyStore(plainPath),
        warning: `the OS keychain is not available (${found.unavailable}), so your signing key is kept in ${plainPath}, readable by you alone`,
      };
    },
  };
}
