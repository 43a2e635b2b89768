/** Every original's SHA-256 in the archive (live or in the trash), for a bulk import's first duplicate check. */
import type { Db } from './db.js';

export interface KnownOriginal {
  id: number;
  deletedAt: string | null;
}

export async function knownOriginals(db: Db): Promise<Map<string, KnownOriginal>> {
  const rows = await db.selectFrom('documents').select(['id', 'sha256', 'deleted_at']).execute();
  return new Map(rows.map((r) => [r.sha256, { id: r.id, deletedAt: r.deleted_at }]));
}
