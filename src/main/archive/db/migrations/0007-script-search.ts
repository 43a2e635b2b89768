/**
 * Search in every script (issue 15). Page, quote and note text in Chinese, Japanese or Korean,
 * or with combining marks or the Arabic tatweel, is indexed in its index form
 * (search/script-text.ts): CJK runs as overlapping bigrams, marks dropped. SQLite cannot compute
 * that form (node-sqlite3 has no user functions, FTS5 no pluggable tokenizer from JS), so it is
 * stored beside the text: `pages.search_text`, `quotes.search_text`, `quotes.search_note`, NULL
 * when the text is indexed as it is (plain text costs nothing). The views hand the index form to
 * FTS5; snippets are cut from the source text (search/page-true-snippet.ts).
 *
 * A change of the text that does not also write its index form (a path that does not know of
 * it) clears the index form, so the index never holds another text's words.
 *
 * The index forms of existing rows are filled and the indexes rebuilt after this migration, one
 * transaction per index (db/reindex-scripts.ts); `archive_info` 'script-reindex' lists the
 * sources still to do, so an interrupted upgrade resumes on the next open.
 */
export const sql = `
ALTER TABLE pages ADD COLUMN search_text TEXT;
ALTER TABLE quotes ADD COLUMN search_text TEXT;
ALTER TABLE quotes ADD COLUMN search_note TEXT;

DROP VIEW search_pages;
CREATE VIEW search_pages AS
  SELECT p.id AS id, p.document_id AS document_id, coalesce(p.search_text, p.text) AS text
  FROM pages p JOIN documents d ON d.id = p.document_id
  WHERE d.deleted_at IS NULL;
DROP VIEW search_quotes;
CREATE VIEW search_quotes AS
  SELECT q.id AS id, q.document_id AS document_id, coalesce(q.search_text, q.text) AS text,
    coalesce(q.search_note, q.note) AS note
  FROM quotes q JOIN documents d ON d.id = q.document_id
  WHERE q.deleted_at IS NULL AND d.deleted_at IS NULL;

DROP TRIGGER pages_fts_update_before;
DROP TRIGGER pages_fts_update_after;
CREATE TRIGGER pages_fts_update_before BEFORE UPDATE OF text, search_text ON pages BEGIN
  INSERT INTO fts_pages (fts_pages, rowid, text) SELECT 'delete', id, text FROM search_pages WHERE id = old.id;
  INSERT INTO fts_pages_stem (fts_pages_stem, rowid, text) SELECT 'delete', id, text FROM search_pages WHERE id = old.id;
END;
CREATE TRIGGER pages_fts_update_after AFTER UPDATE OF text, search_text ON pages BEGIN
  INSERT INTO fts_pages (rowid, text) SELECT id, text FROM search_pages WHERE id = new.id;
  INSERT INTO fts_pages_stem (rowid, text) SELECT id, text FROM search_pages WHERE id = new.id;
END;
CREATE TRIGGER pages_search_text_stale AFTER UPDATE OF text ON pages
WHEN new.text IS NOT old.text AND new.search_text IS old.search_text AND new.search_text IS NOT NULL BEGIN
  UPDATE pages SET search_text = NULL WHERE id = new.id;
END;

DROP TRIGGER quotes_fts_update_before;
DROP TRIGGER quotes_fts_update_after;
CREATE TRIGGER quotes_fts_update_before BEFORE UPDATE OF text, note, deleted_at, search_text, search_note ON quotes BEGIN
  INSERT INTO fts_quotes (fts_quotes, rowid, text, note) SELECT 'delete', id, text, note FROM search_quotes WHERE id = old.id;
  INSERT INTO fts_quotes_stem (fts_quotes_stem, rowid, text, note) SELECT 'delete', id, text, note FROM search_quotes WHERE id = old.id;
END;
CREATE TRIGGER quotes_fts_update_after AFTER UPDATE OF text, note, deleted_at, search_text, search_note ON quotes BEGIN
  INSERT INTO fts_quotes (rowid, text, note) SELECT id, text, note FROM search_quotes WHERE id = new.id;
  INSERT INTO fts_quotes_stem (rowid, text, note) SELECT id, text, note FROM search_quotes WHERE id = new.id;
END;
CREATE TRIGGER quotes_search_text_stale AFTER UPDATE OF text ON quotes
WHEN new.text IS NOT old.text AND new.search_text IS old.search_text AND new.search_text IS NOT NULL BEGIN
  UPDATE quotes SET search_text = NULL WHERE id = new.id;
END;
CREATE TRIGGER quotes_search_note_stale AFTER UPDATE OF note ON quotes
WHEN new.note IS NOT old.note AND new.search_note IS old.search_note AND new.search_note IS NOT NULL BEGIN
  UPDATE quotes SET search_note = NULL WHERE id = new.id;
END;

INSERT INTO archive_info (key, value) VALUES ('script-reindex', '["pages","quotes"]');
`;
