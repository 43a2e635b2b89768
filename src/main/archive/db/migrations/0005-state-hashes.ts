/**
 * Tamper evidence for the archive's state (state-hash.ts): each history entry records the
 * state its change left behind in `state` (JSON, covered by the entry's hash). An archive
 * that already has history gets a `state-baseline` marker; the first open after this
 * migration records every object's state in `state-baseline` entries and clears it
 * (custody-baseline.ts), so older archives are checkable from the upgrade on.
 */
export const sql = `
ALTER TABLE history ADD COLUMN state TEXT;
INSERT INTO archive_info (key, value) SELECT 'state-baseline', 'pending' WHERE EXISTS (SELECT 1 FROM history);
`;

/** The same on PostgreSQL (both statements are standard SQL). */
export const postgres = sql;
