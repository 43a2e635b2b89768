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
 * it) is stale: the text is indexed as it is and the index form cleared, so the index never
 * holds another text's words. The clearing update is invisible to the index triggers (the row
 * was already re-indexed), or FTS5 would be told to delete words it no longer holds, which
 * corrupts it. (A change of marks only leaves the index form equal, and is taken as stale too:
 * that text is then matched as it is, marks not ignored, until it is next re-indexed.)
 *
 * The index forms of existing rows are filled and the indexes rebuilt after this migration, one
 * transaction per index (db/reindex-scripts.ts); `archive_info` 'script-reindex' lists the
 * sources still to do, so an interrupted upgrade resumes on the next open.
 */
const PAGE_STALE = `new.text IS NOT old.text AND new.search_text IS old.search_text AND new.search_text IS NOT NULL`;
const PAGE_CLEARING = `new.text IS old.text AND new.search_text IS NULL AND old.search_text IS NOT NULL`;
const TEXT_STALE = `new.text IS NOT old.text AND new.search_text IS old.search_text AND new.search_text IS NOT NULL`;
const NOTE_STALE = `new.note IS NOT old.note AND new.search_note IS old.search_note AND new.search_note IS NOT NULL`;
const QUOTE_CLEARING = `new.text IS old.text AND new.note IS old.note AND new.deleted_at IS old.deleted_at
  AND (new.search_text IS NULL OR new.search_text IS old.search_text)
  AND (new.search_note IS NULL OR new.search_note IS old.search_note)
  AND (new.search_text IS NOT old.search_text OR new.search_note IS NOT old.search_note)`;

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
CREATE TRIGGER pages_fts_update_before BEFORE UPDATE OF text, search_text ON pages
WHEN NOT (${PAGE_CLEARING}) BEGIN
  INSERT INTO fts_pages (fts_pages, rowid, text) SELECT 'delete', id, text FROM search_pages WHERE id = old.id;
  INSERT INTO fts_pages_stem (fts_pages_stem, rowid, text) SELECT 'delete', id, text FROM search_pages WHERE id = old.id;
END;
CREATE TRIGGER pages_fts_update_after AFTER UPDATE OF text, search_text ON pages
WHEN NOT (${PAGE_CLEARING}) BEGIN
  INSERT INTO fts_pages (rowid, text)
    SELECT id, CASE WHEN ${PAGE_STALE} THEN new.text ELSE text END FROM search_pages WHERE id = new.id;
  INSERT INTO fts_pages_stem (rowid, text)
    SELECT id, CASE WHEN ${PAGE_STALE} THEN new.text ELSE text END FROM search_pages WHERE id = new.id;
END;
CREATE TRIGGER pages_search_text_stale AFTER UPDATE OF text ON pages WHEN ${PAGE_STALE} BEGIN
  UPDATE pages SET search_text = NULL WHERE id = new.id;
END;

DROP TRIGGER quotes_fts_update_before;
DROP TRIGGER quotes_fts_update_after;
CREATE TRIGGER quotes_fts_update_before BEFORE UPDATE OF text, note, deleted_at, search_text, search_note ON quotes
WHEN NOT (${QUOTE_CLEARING}) BEGIN
  INSERT INTO fts_quotes (fts_quotes, rowid, text, note) SELECT 'delete', id, text, note FROM search_quotes WHERE id = old.id;
  INSERT INTO fts_quotes_stem (fts_quotes_stem, rowid, text, note) SELECT 'delete', id, text, note FROM search_quotes WHERE id = old.id;
END;
CREATE TRIGGER quotes_fts_update_after AFTER UPDATE OF text, note, deleted_at, search_text, search_note ON quotes
WHEN NOT (${QUOTE_CLEARING}) BEGIN
  INSERT INTO fts_quotes (rowid, text, note)
    SELECT id, CASE WHEN ${TEXT_STALE} THEN new.text ELSE text END, CASE WHEN ${NOTE_STALE} THEN new.note ELSE note END
    FROM search_quotes WHERE id = new.id;
  INSERT INTO fts_quotes_stem (rowid, text, note)
    SELECT id, CASE WHEN ${TEXT_STALE} THEN new.text ELSE text END, CASE WHEN ${NOTE_STALE} THEN new.note ELSE note END
    FROM search_quotes WHERE id = new.id;
END;
CREATE TRIGGER quotes_search_text_stale AFTER UPDATE OF text, note ON quotes
WHEN (${TEXT_STALE}) OR (${NOTE_STALE}) BEGIN
  UPDATE quotes SET
    search_text = CASE WHEN ${TEXT_STALE} THEN NULL ELSE search_text END,
    search_note = CASE WHEN ${NOTE_STALE} THEN NULL ELSE search_note END
  WHERE id = new.id;
END;

INSERT INTO archive_info (key, value) VALUES ('script-reindex', '["pages","quotes"]');
`;

/** Team archives (PostgreSQL) have no full-text search yet: the columns only, so both schemas agree. */
export const postgres = `
ALTER TABLE pages ADD COLUMN search_text text;
ALTER TABLE quotes ADD COLUMN search_text text;
ALTER TABLE quotes ADD COLUMN search_note text;
`;
