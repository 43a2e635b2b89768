/**
 * Metadata read from a document's face (issue 13) and versions of one text.
 *
 * - `inferences`: one row per document and field: the value (JSON), its confidence, the rule
 *   that found it, the words it came from (page and UTF-16 offsets, null when it came from
 *   outside the page text, e.g. an email header) and its status (applied, suggested, rejected).
 * - `documents.file_dates`: the file's own dates (JSON FileDates), never the document's date.
 * - `documents.user_fields`: the metadata fields a person set or edited (JSON array); inference
 *   never overwrites them.
 * - `documents.version_group`: the id of the first document of its group of versions, null
 *   when it has none. Versions: MinHash estimate of the Jaccard resemblance of word 5-gram
 *   shingles ≥ 0.95 (infer/versions.ts). `text_signatures` keeps each document's 128-value
 *   signature; `signature_bands` 8 bands of 8 of its values hashed (LSH; band × 2³² + hash in
 *   one key), so a new document's candidates are the documents sharing any band, found by
 *   index, not by comparing all. The signature's row holds its band keys (JSON) and triggers
 *   keep signature_bands in step.
 *
 * Existing documents keep '{}' and '[]', the values state-hash.ts leaves out of a document's
 * state, so states recorded before this migration stay valid.
 */
export const sql = `
ALTER TABLE documents ADD COLUMN file_dates TEXT NOT NULL DEFAULT '{}';
ALTER TABLE documents ADD COLUMN user_fields TEXT NOT NULL DEFAULT '[]';
ALTER TABLE documents ADD COLUMN version_group INTEGER;
CREATE INDEX documents_version_group ON documents (version_group) WHERE version_group IS NOT NULL;

CREATE TABLE inferences (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  field TEXT NOT NULL CHECK (field IN ('date', 'authors', 'recipients', 'organization', 'type', 'title')),
  value TEXT NOT NULL,
  confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  rule TEXT NOT NULL,
  source_page INTEGER,
  source_start INTEGER,
  source_end INTEGER,
  source_text TEXT,
  status TEXT NOT NULL CHECK (status IN ('applied', 'suggested', 'rejected')),
  inferred_at TEXT NOT NULL,
  decided_at TEXT,
  PRIMARY KEY (document_id, field)
) WITHOUT ROWID;

CREATE TABLE text_signatures (
  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  signature BLOB NOT NULL,
  band_keys TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE signature_bands (
  band_key INTEGER NOT NULL,
  document_id INTEGER NOT NULL,
  PRIMARY KEY (band_key, document_id)
) WITHOUT ROWID;

-- The bands follow the signature's row, so storing a document's signature and its bands is
-- one statement: import runs it for every document, and a statement's round trip costs more
-- than the rows it writes. A band's row is found by its key in the signature's row (old
-- keys on update and delete), so the table needs no second index on document_id, nor a
-- foreign key: a document's deletion cascades to its signature, whose trigger removes them.
CREATE TRIGGER text_signatures_bands_insert AFTER INSERT ON text_signatures BEGIN
  INSERT OR IGNORE INTO signature_bands (band_key, document_id)
    SELECT value, NEW.document_id FROM json_each(NEW.band_keys);
END;
CREATE TRIGGER text_signatures_bands_update AFTER UPDATE OF band_keys ON text_signatures BEGIN
  DELETE FROM signature_bands
    WHERE document_id = OLD.document_id AND band_key IN (SELECT value FROM json_each(OLD.band_keys));
  INSERT OR IGNORE INTO signature_bands (band_key, document_id)
    SELECT value, NEW.document_id FROM json_each(NEW.band_keys);
END;
CREATE TRIGGER text_signatures_bands_delete AFTER DELETE ON text_signatures BEGIN
  DELETE FROM signature_bands
    WHERE document_id = OLD.document_id AND band_key IN (SELECT value FROM json_each(OLD.band_keys));
END;
`;

/**
 * The same on PostgreSQL. Band keys (band × 2³² + hash) outgrow 32 bits: bigint, read back as
 * numbers (open-postgres.ts; they stay below 2⁵³). The bands' trigger reads the JSON array
 * with json_array_elements_text where SQLite uses json_each.
 */
export const postgres = `
ALTER TABLE documents ADD COLUMN file_dates text NOT NULL DEFAULT '{}';
ALTER TABLE documents ADD COLUMN user_fields text NOT NULL DEFAULT '[]';
ALTER TABLE documents ADD COLUMN version_group integer;
CREATE INDEX documents_version_group ON documents (version_group) WHERE version_group IS NOT NULL;

CREATE TABLE inferences (
  document_id integer NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  field text NOT NULL CHECK (field IN ('date', 'authors', 'recipients', 'organization', 'type', 'title')),
  value text NOT NULL,
  confidence double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  rule text NOT NULL,
  source_page integer,
  source_start integer,
  source_end integer,
  source_text text,
  status text NOT NULL CHECK (status IN ('applied', 'suggested', 'rejected')),
  inferred_at text NOT NULL,
  decided_at text,
  PRIMARY KEY (document_id, field)
);

CREATE TABLE text_signatures (
  document_id integer PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  signature bytea NOT NULL,
  band_keys text NOT NULL DEFAULT '[]'
);

CREATE TABLE signature_bands (
  band_key bigint NOT NULL,
  document_id integer NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  PRIMARY KEY (band_key, document_id)
);
CREATE INDEX signature_bands_document ON signature_bands (document_id);

CREATE FUNCTION text_signatures_bands() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM signature_bands WHERE document_id = NEW.document_id;
  END IF;
  INSERT INTO signature_bands (band_key, document_id)
    SELECT value::bigint, NEW.document_id FROM json_array_elements_text(NEW.band_keys::json)
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER text_signatures_bands_insert AFTER INSERT ON text_signatures
  FOR EACH ROW EXECUTE FUNCTION text_signatures_bands();
CREATE TRIGGER text_signatures_bands_update AFTER UPDATE OF band_keys ON text_signatures
  FOR EACH ROW EXECUTE FUNCTION text_signatures_bands();
`;
