/**
 * The ordered list of schema migrations. Migration N brings an archive from
 * user_version N-1 to N. Append only: never edit a migration that has shipped.
 */
import { sql as documents } from './0001-documents.js';
import { sql as quotesTagsSearch } from './0002-quotes-tags-search.js';
import { sql as collections } from './0003-collections.js';
import { sql as libraryOrder } from './0004-library-order.js';
import { sql as stateHashes } from './0005-state-hashes.js';
import { sql as inferences } from './0006-inferences.js';
import { sql as entities } from './0009-entities.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'documents', sql: documents },
  { version: 2, name: 'quotes-tags-search', sql: quotesTagsSearch },
  { version: 3, name: 'collections', sql: collections },
  { version: 4, name: 'library-order', sql: libraryOrder },
  { version: 5, name: 'state-hashes', sql: stateHashes },
  { version: 6, name: 'inferences', sql: inferences },
  // Numbered 0009 among the branches of its time (7 CJK, 8 OCR, 10 facts): renumbered at merge.
  { version: 7, name: 'entities', sql: entities },
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
