/**
 * People and organisations across the archive (issue 17).
 *
 * - `entities`: one person or organisation: its name (the fullest form found, or the one a
 *   person gave it: `user_name` = 1, which extraction never replaces), its aliases (JSON array
 *   of the other forms its mentions use), and for lookups while linking: a person's family
 *   name when it has a full name, an organisation's acronym when its name has several words,
 *   and how many documents (trash included) name it, for the library's facet.
 * - `entity_keys`: which entity each form of a name belongs to (type + comparison key: "p:" a
 *   person's given and family names, "s:" a surname alone, "o:" an organisation's name key,
 *   "a:" an acronym). Extraction links every mention through it, so a merge or split a
 *   person made (`decided` = 1) holds when the documents are read again.
 * - `entity_mentions`: each place a document names an entity: physical page, UTF-16 offsets
 *   into the page's text, the words there, the title or role before them, and the form's key.
 * - `entity_extractions`: the documents read, when and by which engine version.
 * - `entity_suggestions`: merges the engine thought likely but left to a person.
 *
 * Everything here is derived from the pages, except the decisions (decided keys and user
 * names), each of which has its custody entry. Nothing is added to any object's state, so
 * states recorded before this migration stay valid.
 */
export const sql = `
CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('person', 'org')),
  name TEXT NOT NULL CHECK (length(name) > 0),
  aliases TEXT NOT NULL DEFAULT '[]',
  user_name INTEGER NOT NULL DEFAULT 0 CHECK (user_name IN (0, 1)),
  family TEXT,
  acronym TEXT,
  -- Documents naming it, trash included: kept by linking, so the library's facet reads an index.
  documents INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX entities_type_documents ON entities (type, documents DESC);
CREATE INDEX entities_family ON entities (family) WHERE family IS NOT NULL;
CREATE INDEX entities_acronym ON entities (acronym) WHERE acronym IS NOT NULL;

CREATE TABLE entity_keys (
  type TEXT NOT NULL CHECK (type IN ('person', 'org')),
  key TEXT NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  decided INTEGER NOT NULL DEFAULT 0 CHECK (decided IN (0, 1)),
  PRIMARY KEY (type, key)
) WITHOUT ROWID;
CREATE INDEX entity_keys_entity ON entity_keys (entity_id);

CREATE TABLE entity_mentions (
  id INTEGER PRIMARY KEY,
  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  page INTEGER NOT NULL CHECK (page >= 1),
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),
  text TEXT NOT NULL,
  role TEXT,
  key TEXT NOT NULL
);
-- Counting an entity's documents and the library's facet read this index alone.
CREATE INDEX entity_mentions_entity_document ON entity_mentions (entity_id, document_id);
CREATE INDEX entity_mentions_document ON entity_mentions (document_id, entity_id);

CREATE TABLE entity_extractions (
  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  extracted_at TEXT NOT NULL,
  engine TEXT NOT NULL
);

CREATE TABLE entity_suggestions (
  entity_a INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  entity_b INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  reason TEXT NOT NULL,
  PRIMARY KEY (entity_a, entity_b),
  CHECK (entity_a < entity_b)
) WITHOUT ROWID;
CREATE INDEX entity_suggestions_b ON entity_suggestions (entity_b);
`;
