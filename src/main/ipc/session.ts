/** The archive the app has open: at most one at a time, switched by the shell. */
import { ArchiveError, openArchive, type Archive } from '../archive/index.js';
import { BridgeError } from './errors.js';

export class ArchiveSession {
  #archive: Archive | null = null;

  constructor(archive: Archive | null = null) {
    this.#archive = archive;
  }

  /** The open archive; throws no-archive (a result the renderer shows) when there is none. */
  current(): Archive {
    if (!this.#archive)
      throw new BridgeError('no-archive', 'no archive is open: create one or open one from the File menu');
    return this.#archive;
  }

  get isOpen(): boolean {
    return this.#archive !== null;
  }

  /**
   * Opens `path` (creating it when `create`), then closes the previous one. An archive that
   * cannot be written (write-protected media, a locked share) opens read-only instead, so
   * it can still be read; its ArchiveInfo says so and every change is refused in words.
   */
  async open(path: string, options: { create?: boolean } = {}): Promise<Archive> {
    const next = await openArchive(path, { mode: options.create ? 'create' : 'write' }).catch((error: unknown) => {
      if (error instanceof ArchiveError && error.code === 'read-only') return openArchive(path, { mode: 'read' });
      throw error;
    });
    const previous = this.#archive;
    this.#archive = next;
    await previous?.close().catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    const previous = this.#archive;
    this.#archive = null;
    await previous?.close();
  }
}
