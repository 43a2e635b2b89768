/**
 * One transaction that holds many units of work, each inside its own savepoint: a bulk
 * import stores a group of documents per commit rather than one, since every commit under
 * `synchronous = FULL` is a disk flush (3–4 ms here, a third of a text file's import). A
 * unit that fails is rolled back to its savepoint alone; the group goes on. The caller
 * commits when the group is due (by count or by age); a crash before then loses only the
 * uncommitted group, which SQLite's journal undoes as a whole.
 *
 * The transaction holds the archive's connection (and SQLite's write lock) while open, so
 * every query a unit makes goes through the transaction it is given, never the archive.
 */
import type { ControlledTransaction } from 'kysely';
import type { ArchiveDb, Trx } from './repos/db.js';
import type { Database } from './schema.js';

/** Savepoints are released before the next opens, so one name serves every unit. */
const SAVEPOINT = 'unit';

export class GroupedTransaction {
  readonly #db: ArchiveDb;
  #trx: ControlledTransaction<Database> | null = null;
  #units = 0;
  #openedAt = 0;

  constructor(db: ArchiveDb) {
    this.#db = db;
  }

  /** Units stored since the last commit. */
  get pending(): number {
    return this.#units;
  }

  /** Milliseconds since the open group began (0 when none is open). */
  get age(): number {
    return this.#trx ? Date.now() - this.#openedAt : 0;
  }

  /** Begins the group if none is open (BEGIN IMMEDIATE: may fail busy, and then nothing changed). */
  async open(): Promise<void> {
    if (this.#trx) return;
    this.#trx = await this.#db.startTransaction().execute();
    this.#openedAt = Date.now();
    this.#units = 0;
  }

  /**
   * Runs one unit in a savepoint of the open group. When it throws, its changes are undone
   * and the error rethrown; when even that fails (SQLite rolled the whole transaction back,
   * as it may on a full disk), the group is gone: `GroupLostError` says so.
   */
  async unit<T>(work: (trx: Trx) => Promise<T>): Promise<T> {
    const trx = this.#trx;
    if (!trx) throw new Error('no group is open');
    const inUnit = await trx.savepoint(SAVEPOINT).execute();
    let out: T;
    try {
      out = await work(inUnit);
    } catch (error) {
      try {
        await inUnit.rollbackToSavepoint(SAVEPOINT).execute();
        await inUnit.releaseSavepoint(SAVEPOINT).execute();
      } catch {
        await this.rollback();
        throw new GroupLostError(error);
      }
      throw error;
    }
    await inUnit.releaseSavepoint(SAVEPOINT).execute();
    this.#units++;
    return out;
  }

  /** Commits the group (if open). On failure the group is rolled back and the error rethrown. */
  async commit(): Promise<void> {
    const trx = this.#trx;
    if (!trx) return;
    try {
      await trx.commit().execute();
    } catch (error) {
      await this.rollback();
      throw error;
    } finally {
      this.#trx = null;
      this.#units = 0;
    }
  }

  /** Undoes the open group, if any; never throws (the transaction may already be gone). */
  async rollback(): Promise<void> {
    const trx = this.#trx;
    this.#trx = null;
    this.#units = 0;
    if (!trx) return;
    try {
      await trx.rollback().execute();
    } catch {
      // Already rolled back by SQLite; kysely still releases the connection.
    }
  }
}

/** The whole group was undone while a unit failed: every unit stored in it since the last commit is lost. */
export class GroupLostError extends Error {
  readonly reason: unknown;
  constructor(reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.reason = reason;
  }
}
