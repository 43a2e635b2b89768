/**
 * A kysely dialect for node-sqlite3: the only module that calls sqlite3 directly.
 *
 * node-sqlite3 is callback based and has one connection per Database object; this
 * dialect wraps it in kysely's Driver / DatabaseConnection contract, serializes access
 * with a lock and streams select results in chunks by stepping a prepared statement.
 */
import sqlite3 from 'sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import { Mutex } from './mutex.js';

/** Values node-sqlite3 can bind. */
type SqlValue = string | number | bigint | Buffer | Uint8Array | null;

const ROW_RETURNING = /^\s*(select|with|pragma|values|explain)\b|\breturning\b/i;

function toBindable(value: unknown): SqlValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof Date) return value.toISOString();
  throw new TypeError(`cannot bind a value of type ${typeof value} to an SQL parameter`);
}

/**
 * Statements never kept prepared: transaction control and settings, cheap to prepare, and
 * a statement that must not linger between uses.
 */
const NOT_KEPT = /^\s*(begin|commit|end|rollback|savepoint|release|pragma|vacuum|attach|detach)\b/i;
/** How many prepared statements are kept (least recently used go first). */
const STATEMENT_CACHE_SIZE = 128;

/** Promisified calls on one node-sqlite3 Database. */
export class Sqlite3Connection implements DatabaseConnection {
  readonly #db: sqlite3.Database;
  /**
   * Prepared statements by SQL text, most recently used last. Planning a long query (a
   * search over four FTS5 indexes) costs SQLite more than running it, and so does compiling
   * an insert with the triggers it fires (a document's row feeds six FTS5 indexes): import
   * repeats the same statements with other parameters for every document. A statement here
   * is idle: `all` and `run` step it to the end, which ends what it started, and one that
   * failed is reset at once rather than on its next use, so no kept statement holds
   * anything between uses.
   */
  readonly #statements = new Map<string, sqlite3.Statement>();

  constructor(db: sqlite3.Database) {
    this.#db = db;
  }

  #prepared(sql: string): Promise<sqlite3.Statement> {
    const cached = this.#statements.get(sql);
    if (cached) {
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return Promise.resolve(cached);
    }
    return new Promise((resolve, reject) => {
      const stmt = this.#db.prepare(sql, (err: Error | null) => {
        if (err) return reject(err);
        this.#statements.set(sql, stmt);
        if (this.#statements.size > STATEMENT_CACHE_SIZE) {
          const [oldest, old] = this.#statements.entries().next().value ?? [];
          if (oldest !== undefined) this.#statements.delete(oldest);
          old?.finalize();
        }
        resolve(stmt);
      });
    });
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const params = compiled.parameters.map(toBindable);
    if (NOT_KEPT.test(compiled.sql)) return this.#once(compiled.sql, params);
    const stmt = await this.#prepared(compiled.sql);
    const failed = (reject: (error: Error) => void, err: Error) => stmt.reset(() => reject(err));
    if (ROW_RETURNING.test(compiled.sql)) {
      return new Promise((resolve, reject) => {
        stmt.all(params, (err: Error | null, rows: R[]) => (err ? failed(reject, err) : resolve({ rows })));
      });
    }
    return new Promise((resolve, reject) => {
      stmt.run(params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) failed(reject, err);
        else resolve({ rows: [], numAffectedRows: BigInt(this.changes), insertId: BigInt(this.lastID) });
      });
    });
  }

  /** A statement prepared for this one use. */
  #once<R>(sql: string, params: SqlValue[]): Promise<QueryResult<R>> {
    if (ROW_RETURNING.test(sql)) {
      return new Promise((resolve, reject) => {
        this.#db.all(sql, params, (err: Error | null, rows: R[]) => (err ? reject(err) : resolve({ rows })));
      });
    }
    return new Promise((resolve, reject) => {
      this.#db.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve({ rows: [], numAffectedRows: BigInt(this.changes), insertId: BigInt(this.lastID) });
      });
    });
  }

  async *streamQuery<R>(compiled: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query) && !ROW_RETURNING.test(compiled.sql)) {
      throw new Error('only queries that return rows can be streamed');
    }
    const stmt = await new Promise<sqlite3.Statement>((resolve, reject) => {
      const s = this.#db.prepare(compiled.sql, compiled.parameters.map(toBindable), (err: Error | null) =>
        err ? reject(err) : resolve(s),
      );
    });
    // Each get() steps the prepared statement one row further.
    const next = () =>
      new Promise<R | undefined>((resolve, reject) => {
        stmt.get((err: Error | null, row: R | undefined) => (err ? reject(err) : resolve(row)));
      });
    try {
      let chunk: R[] = [];
      for (let row = await next(); row !== undefined; row = await next()) {
        chunk.push(row);
        if (chunk.length >= chunkSize) {
          yield { rows: chunk };
          chunk = [];
        }
      }
      if (chunk.length > 0) yield { rows: chunk };
    } finally {
      await new Promise<void>((resolve) => stmt.finalize(() => resolve()));
    }
  }

  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.#db.exec(sql, (err: Error | null) => (err ? reject(err) : resolve())));
  }

  /** Closes the database handle (after finalizing the kept statements, which would hold it open). */
  async close(): Promise<void> {
    const statements = [...this.#statements.values()];
    this.#statements.clear();
    await Promise.all(statements.map((stmt) => new Promise<void>((resolve) => stmt.finalize(() => resolve()))));
    return new Promise((resolve, reject) => this.#db.close((err: Error | null) => (err ? reject(err) : resolve())));
  }
}

export interface Sqlite3DialectConfig {
  /** Path of the database file, or ':memory:'. */
  readonly filename: string;
  /** sqlite3.OPEN_* flags; default read-write and create. */
  readonly mode?: number;
  /** Runs once on the fresh connection (pragmas). */
  readonly onConnect?: (connection: Sqlite3Connection) => Promise<void>;
}

class Sqlite3Driver implements Driver {
  readonly #config: Sqlite3DialectConfig;
  readonly #lock = new Mutex();
  #connection: Sqlite3Connection | undefined;
  #release: (() => void) | undefined;

  constructor(config: Sqlite3DialectConfig) {
    this.#config = config;
  }

  async init(): Promise<void> {
    const mode = this.#config.mode ?? sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const d = new sqlite3.Database(this.#config.filename, mode, (err: Error | null) =>
        err ? reject(err) : resolve(d),
      );
    });
    this.#connection = new Sqlite3Connection(db);
    await this.#config.onConnect?.(this.#connection);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#lock.lock();
    this.#release = release;
    if (!this.#connection) throw new Error('the archive is closed');
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // IMMEDIATE takes the write lock up front, so a busy archive fails at BEGIN, not mid-way.
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } catch (error) {
      // SQLite rolls a transaction back itself on some errors (a full disk, an I/O error):
      // then the error that did it is the one to report, not this ROLLBACK's complaint.
      if (error instanceof Error && /no transaction is active/.test(error.message)) return;
      throw error;
    }
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteName(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${quoteName(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release ${quoteName(name)}`));
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    const release = await this.#lock.lock();
    try {
      await this.#connection?.close();
      this.#connection = undefined;
    } finally {
      release();
    }
  }
}

function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** kysely dialect over node-sqlite3. */
export class Sqlite3Dialect implements Dialect {
  readonly #config: Sqlite3DialectConfig;

  constructor(config: Sqlite3DialectConfig) {
    this.#config = config;
  }

  createDriver(): Driver {
    return new Sqlite3Driver(this.#config);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
