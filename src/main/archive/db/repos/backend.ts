/**
 * Which database a repository's query runs on. Dialect differences live inside the
 * repository modules, each a small branch on this; domain code never asks.
 */
import { PostgresAdapter, sql, type RawBuilder } from 'kysely';
import { ArchiveError } from '../../errors.js';
import type { Db } from './db.js';

export type Backend = 'sqlite' | 'postgres';

export function backendOf(db: Db): Backend {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** The refusal, in words, of a capability not yet built for team archives. */
export function notYetOnPostgres(what: string): ArchiveError {
  return new ArchiveError('unsupported', `${what} is not yet available on a PostgreSQL team archive`);
}

/**
 * `column IN (ids)` with one parameter whatever the count, so the statement stays one
 * prepared statement: a JSON array read by json_each on SQLite, an integer array on PostgreSQL.
 */
export function idIn(db: Db, column: RawBuilder<unknown>, ids: readonly number[]): RawBuilder<boolean> {
  return backendOf(db) === 'postgres'
    ? sql<boolean>`${column} = ANY(${[...ids]}::integer[])`
    : sql<boolean>`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/** A JSON array (as text) of `expression` over the rows of `from`, `[]` when there are none. */
export function jsonArrayOf(db: Db, expression: RawBuilder<unknown>, from: RawBuilder<unknown>): RawBuilder<string> {
  return backendOf(db) === 'postgres'
    ? sql<string>`(SELECT coalesce(json_agg(${expression}), '[]')::text ${from})`
    : sql<string>`(SELECT json_group_array(${expression}) ${from})`;
}
