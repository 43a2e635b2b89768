/**
 * A signing key kept encrypted by the operating system's keychain (in the app, Electron's
 * safeStorage: Keychain on macOS, DPAPI on Windows, libsecret or KWallet on Linux): the
 * file holds only ciphertext, which the keychain alone can open for this user. The cipher
 * is passed in, so this stays plain Node. Written like the 0600 file: whole, synced,
 * linked into place, never over an existing key.
 */
import { constants } from 'node:fs';
import { link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ArchiveError, messageOf } from '../errors.js';
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
        throw new ArchiveError('corrupt', `${path}: ${cipher.name} cannot open the signing key (${messageOf(error)}); it may have been made by another user or on another computer`);
      }
    },
    async save(pem) {
      const sealed = await cipher.encrypt(pem);
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const temp = `${path}.${process.pid}.tmp`;
      const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
      try {
        await handle.writeFile(sealed);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await link(temp, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ArchiveError('conflict', `${path}: a signing key is already there; it is never replaced`);
        throw error;
      } finally {
        await unlink(temp).catch(() => undefined);
      }
    },
  };
}
