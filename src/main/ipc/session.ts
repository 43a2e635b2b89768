/** The archive the app has open: at most one at a time, switched by the shell. */
import { openArchive, type Archive } from '../archive/index.js';
import { BridgeError } from './errors.js';

export class ArchiveSession {
  #archive: Archive | null = null;

  constructor(archive: Archive | null = null) {
    this.#archive = archive;
  }

  /** The open archive; throws no-archive (a result the renderer shows) when there is none. */
  current(): Archive {
    if (!this.#archive) throw new BridgeError('no-archive', 'no archive is open: create one or open one from the File menu');
    return this.#archive;
  }

  get isOpen(): boolean {
    return this.#archive !== null;
  }

  /** Opens `path` (creating it when `create`), then closes the previous one. */
  async open(path: string, options: { create?: boolean } = {}): Promise<Archive> {
    const next = await openArchive(path, { create: options.create ?? false });
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
