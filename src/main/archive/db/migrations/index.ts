/**
 * The ordered list of schema migrations. Migration N brings an archive from
 * user_version N-1 to N, on either backend. Append only: never edit a migration that has shipped.
 */
import { sql as documents, postgres as documentsPg } from './0001-documents.js';
import { sql as quotesTagsSearch, postgres as quotesTagsSearchPg } from './0002-quotes-tags-search.js';
import { sql as collections, postgres as collectionsPg } from './0003-collections.js';
import { sql as libraryOrder, postgres as libraryOrderPg } from './0004-library-order.js';
import { sql as stateHashes, postgres as stateHashesPg } from './0005-state-hashes.js';
import { sql as inferences, postgres as inferencesPg } from './0006-inferences.js';
import { sql as scriptSearch, postgres as scriptSearchPg } from './0007-script-search.js';
import { sql as ocr, postgres as ocrPg } from './0008-ocr.js';
import { sql as facts, postgres as factsPg } from './0009-facts.js';
import { sql as entities, postgres as entitiesPg } from './0010-entities.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  /** The step on SQLite (run with `PRAGMA user_version` in one transaction). */
  readonly sql: string;
  /**
   * The same step on PostgreSQL, run in one transaction with the version row in
   * `exhibit_schema` (open-postgres.ts). Tables, columns and constraints match; what SQLite
   * does with FTS5 and json_each PostgreSQL does its own way, or not yet (search).
   */
  readonly postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'documents', sql: documents, postgres: documentsPg },
  { version: 2, name: 'quotes-tags-search', sql: quotesTagsSearch, postgres: quotesTagsSearchPg },
  { version: 3, name: 'collections', sql: collections, postgres: collectionsPg },
  { version: 4, name: 'library-order', sql: libraryOrder, postgres: libraryOrderPg },
  { version: 5, name: 'state-hashes', sql: stateHashes, postgres: stateHashesPg },
  { version: 6, name: 'inferences', sql: inferences, postgres: inferencesPg },
  { version: 7, name: 'script-search', sql: scriptSearch, postgres: scriptSearchPg },
  { version: 8, name: 'ocr', sql: ocr, postgres: ocrPg },
  { version: 9, name: 'facts', sql: facts, postgres: factsPg },
  { version: 10, name: 'entities', sql: entities, postgres: entitiesPg },
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
