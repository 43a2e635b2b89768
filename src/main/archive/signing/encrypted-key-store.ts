/**
 * A signing key kept encrypted by the operating system's keychain (in the app, Electron's
 * safeStorage: Keychain on macOS, DPAPI on Windows, libsecret or KWallet on Linux): the
 * file holds only ciphertext, which the keychain alone can open for this user. The cipher
 * is passed in, so this stays plain Node. Written like the 0600 file: whole, synced,
 * linked into place, never over an existing key.
 */
import { readFile } from 'node:fs/promises';
import { ArchiveError, messageOf } from '../errors.js';
import { createPrivateFile } from './file-key-store.js';
import type { SigningKeyStore } from './keys.js';

export const ENCRYPTED_KEY_FILE_NAME = 'signing-key.enc';

/** What the OS keychain offers: strings sealed for this user and opened again. */
export interface KeychainCipher {
  /** Names the keychain in messages ("the macOS Keychain", "gnome_libsecret"). */
  readonly name: string;
  encrypt(text: string): Promise<Buffer>;
  decrypt(sealed: Buffer): Promise<string>;
}

export function encryptedKeyStore(path: string, cipher: KeychainCipher): SigningKeyStore {
  return {
    where: `${path}, encrypted by ${cipher.name}`,
    async load() {
      let sealed: Buffer;
      try {
        sealed = await readFile(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new ArchiveError('corrupt', `${path}: the signing key cannot be read (${messageOf(error)})`);
      }
      try {
        return await cipher.decrypt(sealed);
      } catch (error) {
        throw new ArchiveError(
          'corrupt',
          `${path}: ${cipher.name} cannot open the signing key (${messageOf(error)}); it may have been made by another user or on another computer`,
        );
      }
    },
    async save(pem) {
      await createPrivateFile(path, await cipher.encrypt(pem));
    },
  };
}
