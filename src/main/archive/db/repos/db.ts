/**
 * What a repository runs its queries on: the archive's connection or a transaction open on
 * it. Domain code passes one of these through without building queries of its own; only
 * modules under archive/db/ import kysely at run time (lint enforces it).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

/** The archive's connection, where a transaction is begun. */
export type ArchiveDb = Kysely<Database>;
export type Db = ArchiveDb | Transaction<Database>;
export type Trx = Transaction<Database>;
