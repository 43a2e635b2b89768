/**
 * Indexes for the library's paged query (library-order.ts): the live documents in date
 * or type order come straight off an index (text columns are sorted by reading-order keys
 * in library-order.ts, which SQLite cannot compute), forwards or backwards, so the ordered
 * ids of a 100,000-document archive are read without sorting every row. deleted_at leads
 * so that "live only" is the index's first step (SQLite's planner does not pick a
 * partial index over documents_deleted without statistics).
 */
export const sql = `
CREATE INDEX documents_live_date ON documents (deleted_at, date, id);
CREATE INDEX documents_live_type ON documents (deleted_at, type, id);
`;

/** The same indexes on PostgreSQL. */
export const postgres = sql;
