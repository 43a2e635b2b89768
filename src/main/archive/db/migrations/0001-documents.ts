/** Originals, documents, pages and the custody history. */
export const sql = `
CREATE TABLE archive_info (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
INSERT INTO archive_info (key, value) VALUES
  ('id', lower(hex(randomblob(16)))),
  ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

CREATE TABLE originals (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size >= 0),
  data BLOB NOT NULL
) STRICT;

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE REFERENCES originals (sha256),
  format TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  title TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('statement','letter','memo','email','article','report','transcript','other')),
  authors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors)),
  recipients TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(recipients)),
  organization TEXT,
  date TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]*'),
  source TEXT,
  url TEXT,
  description TEXT,
  file_name TEXT NOT NULL,
  size INTEGER NOT NULL,
  page_count INTEGER NOT NULL CHECK (page_count >= 0),
  page_labels TEXT CHECK (page_labels IS NULL OR json_valid(page_labels)),
  page_label_offset INTEGER NOT NULL DEFAULT 0,
  parent_id INTEGER REFERENCES documents (id) ON DELETE SET NULL,
  warnings TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings)),
  extra TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)),
  imported_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX documents_parent ON documents (parent_id);
CREATE INDEX documents_deleted ON documents (deleted_at);

CREATE TABLE pages (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK (number >= 1),
  text TEXT NOT NULL,
  layout TEXT CHECK (layout IS NULL OR json_valid(layout)),
  UNIQUE (document_id, number)
) STRICT;

-- Custody: an append-only hash chain. Each entry's hash covers its content and the
-- hash before it; these triggers refuse edits and deletions at the database level.
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  document_id INTEGER,
  subject TEXT,
  details TEXT NOT NULL CHECK (json_valid(details)),
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX history_document ON history (document_id);
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
`;
