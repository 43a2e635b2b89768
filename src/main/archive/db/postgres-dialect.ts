/**
 * kysely's PostgreSQL dialect with one change: every transaction begun through kysely
 * (`db.transaction()`, which is how the core writes) first takes one advisory lock, held to
 * its commit or rollback. Writers to a team archive then take turns as they do on SQLite
 * (BEGIN IMMEDIATE, sqlite3-dialect.ts), while reads run side by side.
 *
 * Why every writer and not only the custody append: the domain code reads what it needs
 * (a document's state, the chain's head) and writes on the strength of it in the same
 * transaction, as SQLite's single writer allows. Under PostgreSQL's read committed, two
 * taggers of one document each read it without the other's tag and recorded states that
 * `exhibit check` then found out of step (tests/pg/core-scenario.test.ts). Taking the lock
 * at BEGIN keeps that reasoning true on both backends.
 */
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresDriver,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type PostgresDialectConfig,
  type QueryCompiler,
  type TransactionSettings,
} from 'kysely';

/** "EXHI" then 1: the key every Exhibit writer on a server queues on. */
export const WRITER_LOCK = 0x45584849_01;

class SerializedPostgresDriver extends PostgresDriver {
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await super.beginTransaction(connection, settings);
    await connection.executeQuery(CompiledQuery.raw(`SELECT pg_advisory_xact_lock(${WRITER_LOCK})`));
  }
}

export class SerializedPostgresDialect implements Dialect {
  readonly #config: PostgresDialectConfig;

  constructor(config: PostgresDialectConfig) {
    this.#config = config;
  }

  createDriver(): Driver {
    return new SerializedPostgresDriver(this.#config);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
