/**
 * Collections: a named, ordered list of quotes with a title and an introduction, the
 * unit an investigator exports as a cited quote bundle.
 *
 * An item points at a quote, never copies it: a quote deleted (deleted_at) stays in its
 * collections, shown as deleted and left out of exports, and comes back in place when
 * restored. A quote is only ever removed from the database with its document when the
 * trash is emptied; ON DELETE RESTRICT makes that fail unless the items were first
 * taken out of their collections with a custody entry each (collections.ts), so no
 * collection loses a quote without a record.
 */
export const sql = `
CREATE TABLE collections (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200),
  title TEXT NOT NULL CHECK (length(title) > 0),
  introduction TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE collection_items (
  collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
  quote_id INTEGER NOT NULL REFERENCES quotes (id) ON DELETE RESTRICT,
  -- 1..n within the collection, kept dense by every change.
  position INTEGER NOT NULL CHECK (position >= 1),
  added_at TEXT NOT NULL,
  PRIMARY KEY (collection_id, quote_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX collection_items_order ON collection_items (collection_id, position);
CREATE INDEX collection_items_quote ON collection_items (quote_id);
`;
