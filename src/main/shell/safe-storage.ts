/** Electron's safeStorage as the keychain cipher app-signing.ts uses; asked after the app is ready. */
import { safeStorage } from 'electron';
import type { Keychain } from './app-signing.js';

export async function safeStorageKeychain(): Promise<Keychain> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return { unavailable: 'safeStorage reports no encryption' };
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null;
  // basic_text seals with a password written in Chromium's source: no protection at all.
  if (backend === 'basic_text' || backend === 'unknown')
    return { unavailable: `no keyring found (backend ${backend})` };
  const name = backend
    ? `the keyring (${backend})`
    : process.platform === 'darwin'
      ? 'the macOS Keychain'
      : 'Windows DPAPI';
  return {
    cipher: {
      name,
      encrypt: (text) => safeStorage.encryptStringAsync(text),
      decrypt: async (sealed) => (await safeStorage.decryptStringAsync(sealed)).result,
    },
  };
}
