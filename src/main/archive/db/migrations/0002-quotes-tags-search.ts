/**
 * Quotes, tags and full-text search.
 *
 * Search: each source of text has two FTS5 indexes, one of exact words (unicode61,
 * diacritics removed, no stemming) and one of porter stems, for stemming on request.
 * Both are external-content indexes over views that show only live rows (documents
 * not in the trash, quotes not deleted): the text is stored once, in its own table,
 * and the trash never reaches a search. Triggers keep the indexes in step with the
 * views in the same transaction as every change; they remove a row's old terms
 * BEFORE the change (while the view still shows what was indexed) and add the new
 * ones AFTER it. FTS5 must be told exactly what it indexed, so every path that can
 * change what a view shows (pages, metadata, quotes, the trash, deletion) has one.
 */

const EXACT = `tokenize = 'unicode61 remove_diacritics 2'`;
const STEM = `tokenize = 'porter unicode61 remove_diacritics 2'`;

interface Source {
  /** The view the index reads (columns: id, then the indexed columns). */
  view: string;
  /** Index name stem: fts_<name> and fts_<name>_stem. */
  name: string;
  columns: string[];
}

const PAGES: Source = { view: 'search_pages', name: 'pages', columns: ['text'] };
const DOCUMENTS: Source = { view: 'search_documents', name: 'documents', columns: ['title', 'people', 'other'] };
const QUOTES: Source = { view: 'search_quotes', name: 'quotes', columns: ['text', 'note'] };

function indexes(source: Source): string[] {
  return [`fts_${source.name}`, `fts_${source.name}_stem`];
}

function createIndexes(source: Source): string {
  return indexes(source)
    .map(
      (table, i) =>
        `CREATE VIRTUAL TABLE ${table} USING fts5(${source.columns.join(', ')}, content = '${source.view}', content_rowid = 'id', ${i === 0 ? EXACT : STEM});\n` +
        `INSERT INTO ${table} (${table}) VALUES ('rebuild');`,
    )
    .join('\n');
}

/** Adds to both indexes the view's rows matching `where`. */
function index(source: Source, where: string): string {
  const cols = source.columns.join(', ');
  return indexes(source)
    .map((table) => `INSERT INTO ${table} (rowid, ${cols}) SELECT id, ${cols} FROM ${source.view} WHERE ${where};`)
    .join('\n  ');
}

/** Removes from both indexes the view's rows matching `where` (call while they are still shown). */
function unindex(source: Source, where: string): string {
  const cols = source.columns.join(', ');
  return indexes(source)
    .map(
      (table) =>
        `INSERT INTO ${table} (${table}, rowid, ${cols}) SELECT 'delete', id, ${cols} FROM ${source.view} WHERE ${where};`,
    )
    .join('\n  ');
}

/**
 * A JSON array of names as plain text ("Jane Roe; John Doe"), or NULL when empty.
 * String functions, not json_each: FTS5 reads this view from inside its own queries,
 * where node-sqlite3's build refuses table-valued functions in a view.
 */
function names(column: string): string {
  return `nullif(replace(replace(replace(trim(${column}, '[]'), '\\"', ''''), '","', '; '), '"', ''), '')`;
}

const META_COLUMNS = 'title, authors, recipients, organization, source, description, file_name';

export const sql = `
CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  page INTEGER NOT NULL CHECK (page >= 1),
  page_end INTEGER NOT NULL CHECK (page_end >= page),
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset INTEGER NOT NULL CHECK (end_offset >= 0),
  text TEXT NOT NULL CHECK (length(text) > 0),
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  note TEXT,
  status TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'orphaned')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX quotes_document ON quotes (document_id);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200),
  color TEXT CHECK (color IS NULL OR color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  description TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE document_tags (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (document_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX document_tags_tag ON document_tags (tag_id, document_id);

CREATE TABLE quote_tags (
  quote_id INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (quote_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX quote_tags_tag ON quote_tags (tag_id, quote_id);

-- What search sees: live rows only.
CREATE VIEW search_pages AS
  SELECT p.id AS id, p.document_id AS document_id, p.text AS text
  FROM pages p JOIN documents d ON d.id = p.document_id
  WHERE d.deleted_at IS NULL;
CREATE VIEW search_documents AS
  SELECT d.id AS id, d.title AS title,
    concat_ws('; ', ${names('d.authors')}, ${names('d.recipients')}) AS people,
    concat_ws(' · ', d.organization, d.source, d.description, d.file_name) AS other
  FROM documents d
  WHERE d.deleted_at IS NULL;
CREATE VIEW search_quotes AS
  SELECT q.id AS id, q.document_id AS document_id, q.text AS text, q.note AS note
  FROM quotes q JOIN documents d ON d.id = q.document_id
  WHERE q.deleted_at IS NULL AND d.deleted_at IS NULL;

${createIndexes(PAGES)}
${createIndexes(DOCUMENTS)}
${createIndexes(QUOTES)}
-- How many pages hold each word: "where else does this passage appear" starts from its rarest words.
CREATE VIRTUAL TABLE fts_pages_vocab USING fts5vocab(fts_pages, row);

CREATE TRIGGER pages_fts_insert AFTER INSERT ON pages BEGIN
  ${index(PAGES, 'id = new.id')}
END;
CREATE TRIGGER pages_fts_update_before BEFORE UPDATE OF text ON pages BEGIN
  ${unindex(PAGES, 'id = old.id')}
END;
CREATE TRIGGER pages_fts_update_after AFTER UPDATE OF text ON pages BEGIN
  ${index(PAGES, 'id = new.id')}
END;
-- A page deleted with its document (ON DELETE CASCADE) is no longer in the view:
-- documents_fts_delete has already removed it from the indexes.
CREATE TRIGGER pages_fts_delete BEFORE DELETE ON pages BEGIN
  ${unindex(PAGES, 'id = old.id')}
END;

CREATE TRIGGER documents_fts_meta_before BEFORE UPDATE OF ${META_COLUMNS} ON documents
WHEN old.deleted_at IS new.deleted_at BEGIN
  ${unindex(DOCUMENTS, 'id = old.id')}
END;
CREATE TRIGGER documents_fts_meta_after AFTER UPDATE OF ${META_COLUMNS} ON documents
WHEN old.deleted_at IS new.deleted_at BEGIN
  ${index(DOCUMENTS, 'id = new.id')}
END;
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  ${index(DOCUMENTS, 'id = new.id')}
END;
-- Into the trash and back: everything of the document leaves or rejoins the indexes.
CREATE TRIGGER documents_fts_trash_before BEFORE UPDATE OF deleted_at ON documents
WHEN old.deleted_at IS NOT new.deleted_at BEGIN
  ${unindex(PAGES, 'document_id = old.id')}
  ${unindex(DOCUMENTS, 'id = old.id')}
  ${unindex(QUOTES, 'document_id = old.id')}
END;
CREATE TRIGGER documents_fts_trash_after AFTER UPDATE OF deleted_at ON documents
WHEN old.deleted_at IS NOT new.deleted_at BEGIN
  ${index(PAGES, 'document_id = new.id')}
  ${index(DOCUMENTS, 'id = new.id')}
  ${index(QUOTES, 'document_id = new.id')}
END;
CREATE TRIGGER documents_fts_delete BEFORE DELETE ON documents BEGIN
  ${unindex(PAGES, 'document_id = old.id')}
  ${unindex(DOCUMENTS, 'id = old.id')}
  ${unindex(QUOTES, 'document_id = old.id')}
END;

CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
  ${index(QUOTES, 'id = new.id')}
END;
CREATE TRIGGER quotes_fts_update_before BEFORE UPDATE OF text, note, deleted_at ON quotes BEGIN
  ${unindex(QUOTES, 'id = old.id')}
END;
CREATE TRIGGER quotes_fts_update_after AFTER UPDATE OF text, note, deleted_at ON quotes BEGIN
  ${index(QUOTES, 'id = new.id')}
END;
CREATE TRIGGER quotes_fts_delete BEFORE DELETE ON quotes BEGIN
  ${unindex(QUOTES, 'id = old.id')}
END;
`;

/** The FTS5 tables this migration creates, for integrity checks and benchmarks. */
export const FTS_TABLES = [PAGES, DOCUMENTS, QUOTES].flatMap(indexes);

/**
 * Quotes and tags on PostgreSQL. Names compare without case as SQLite's NOCASE does, through
 * citext (a trusted extension: the database's owner may create it). Full-text search on
 * PostgreSQL (tsvector columns and GIN indexes) is a later migration; until then searching a
 * PostgreSQL archive is refused in words (repos/search-index.ts).
 */
export const postgres = `
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE quotes (
  id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  document_id integer NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  page integer NOT NULL CHECK (page >= 1),
  page_end integer NOT NULL CHECK (page_end >= page),
  start_offset integer NOT NULL CHECK (start_offset >= 0),
  end_offset integer NOT NULL CHECK (end_offset >= 0),
  text text NOT NULL CHECK (length(text) > 0),
  prefix text NOT NULL DEFAULT '',
  suffix text NOT NULL DEFAULT '',
  note text,
  status text NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'orphaned')),
  created_at text NOT NULL,
  updated_at text NOT NULL,
  deleted_at text
);
CREATE INDEX quotes_document ON quotes (document_id);

CREATE TABLE tags (
  id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name citext NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  color text CHECK (color IS NULL OR color ~ '^#[0-9a-f]{6}$'),
  description text,
  created_at text NOT NULL
);

CREATE TABLE document_tags (
  document_id integer NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  tag_id integer NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (document_id, tag_id)
);
CREATE INDEX document_tags_tag ON document_tags (tag_id, document_id);

CREATE TABLE quote_tags (
  quote_id integer NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
  tag_id integer NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (quote_id, tag_id)
);
CREATE INDEX quote_tags_tag ON quote_tags (tag_id, quote_id);
`;
