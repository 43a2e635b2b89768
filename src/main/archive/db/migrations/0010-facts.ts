/**
 * The chronology: facts (a date, a short statement, a status, a note), the quotes each
 * cites with the role they play (supports or contradicts), and their tags.
 *
 * A fact's date is partial ISO text ("2020", "2020-11", "2020-11-13"), a range when
 * date_to is set, approximate when date_about is 1: partial ISO sorts by text, so the
 * date index orders the timeline. A fact is deleted by setting deleted_at (restorable),
 * as quotes are. A cited quote is ON DELETE RESTRICT: emptying the trash first takes the
 * purged documents' quotes out of their facts with a custody entry (facts/release.ts).
 */
const PARTIAL_DATE = (column: string): string =>
  `(${column} GLOB '[0-9][0-9][0-9][0-9]' OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`;

export const sql = `
CREATE TABLE facts (
  id INTEGER PRIMARY KEY,
  date_from TEXT NOT NULL CHECK ${PARTIAL_DATE('date_from')},
  date_to TEXT CHECK (date_to IS NULL OR ${PARTIAL_DATE('date_to')}),
  date_about INTEGER NOT NULL DEFAULT 0 CHECK (date_about IN (0, 1)),
  statement TEXT NOT NULL CHECK (length(statement) BETWEEN 1 AND 2000),
  status TEXT NOT NULL CHECK (status IN ('undisputed', 'disputed', 'unverified')),
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX facts_timeline ON facts (deleted_at, date_from, id);

CREATE TABLE fact_quotes (
  fact_id INTEGER NOT NULL REFERENCES facts (id) ON DELETE CASCADE,
  quote_id INTEGER NOT NULL REFERENCES quotes (id) ON DELETE RESTRICT,
  role TEXT NOT NULL CHECK (role IN ('supports', 'contradicts')),
  -- 1..n within the fact: the order its sources are cited in.
  position INTEGER NOT NULL CHECK (position >= 1),
  PRIMARY KEY (fact_id, quote_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX fact_quotes_quote ON fact_quotes (quote_id);

CREATE TABLE fact_tags (
  fact_id INTEGER NOT NULL REFERENCES facts (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (fact_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX fact_tags_tag ON fact_tags (tag_id, fact_id);
`;
