/**
 * A signing key in a file only its owner can read (mode 0600), for the CLI, and for the
 * app where the OS offers no keychain. The file is written whole under a temp name with
 * mode 0600 from the start, synced, then linked into place, so a crash never leaves half
 * a key and an existing key is never replaced. A key file that other users can read is
 * refused: its key may be known to someone else, so signatures made with it prove nothing.
 */
import { constants } from 'node:fs';
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ArchiveError, messageOf } from '../errors.js';
import type { SigningKeyStore } from './keys.js';

export const KEY_FILE_NAME = 'signing-key.pem';

function octal(mode: number): string {
  return (mode & 0o777).toString(8).padStart(4, '0');
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/** Refuses a key file others can read or write, or that another user owns. */
async function checkPrivate(path: string): Promise<void> {
  if (process.platform === 'win32') return; // NTFS permissions are not POSIX modes; the profile folder is private.
  const info = await stat(path);
  if ((info.mode & 0o077) !== 0) {
    throw new ArchiveError(
      'conflict',
      `${path}: the signing key file can be read or changed by other users (mode ${octal(info.mode)}), so it is not used; make it yours alone with: chmod 600 "${path}"`,
    );
  }
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid)
    throw new ArchiveError(
      'conflict',
      `${path}: the signing key file belongs to another user (uid ${info.uid}), so it is not used`,
    );
}

/** Writes `content` to `path` with mode 0600, never over an existing file. */
export async function createPrivateFile(path: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new ArchiveError('conflict', `${path}: a signing key is already there; it is never replaced`);
    // A file system without hard links: rename, having checked nothing is there.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    const there = await stat(path).then(
      () => true,
      (e: unknown) => (isMissing(e) ? false : Promise.reject(e)),
    );
    if (there) throw new ArchiveError('conflict', `${path}: a signing key is already there; it is never replaced`);
    await rename(temp, path);
    return;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** The private key in `path` (PKCS#8 PEM), readable by its owner alone. */
export function fileKeyStore(path: string): SigningKeyStore {
  return {
    where: `the key file ${path}`,
    async load() {
      try {
        await checkPrivate(path);
        return await readFile(path, 'utf8');
      } catch (error) {
        if (isMissing(error)) return undefined;
        if (error instanceof ArchiveError) throw error;
        throw new ArchiveError('corrupt', `${path}: the signing key file cannot be read (${messageOf(error)})`);
      }
    },
    async save(pem) {
      await createPrivateFile(path, pem);
    },
  };
}
