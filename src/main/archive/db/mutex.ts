/**
 * A FIFO lock. node-sqlite3 gives us one connection; kysely must never interleave
 * two transactions on it, whatever its adapter says, so the driver holds this lock
 * from acquireConnection to releaseConnection.
 */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves with a release function once every earlier holder has released. */
  lock(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const acquired = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => released);
    return acquired;
  }
}
