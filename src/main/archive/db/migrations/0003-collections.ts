/**
 * Collections: a named, ordered list of quotes with a title and an introduction, from
 * which an export (or an evidence bundle) is made. A quote appears at most once in a
 * collection; deleting a quote for good takes it out, deleting a collection keeps its quotes.
 */
export const sql = `
CREATE TABLE collections (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  introduction TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE collection_quotes (
  collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
  quote_id INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (collection_id, quote_id)
);

CREATE UNIQUE INDEX collection_quotes_order ON collection_quotes (collection_id, position);
CREATE INDEX collection_quotes_quote ON collection_quotes (quote_id);
`;
