/** What the app shows about the open archive: its file, id, schema and counts. */
import { basename } from 'node:path';
import { sql } from 'kysely';
import type { ArchiveInfo } from '../../shared/contract-types.js';
import type { Archive } from './archive.js';
import { chainHead, formatHead } from './custody.js';

/** The open archive's summary: the contract's ArchiveInfo. */
export type ArchiveSummary = ArchiveInfo;

/** One cheap query set, so the window title and status bar can refresh after every change. */
export async function archiveSummary(archive: Archive): Promise<ArchiveSummary> {
  const info = await archive.db.selectFrom('archive_info').select(['key', 'value']).execute();
  const value = (key: string) => info.find((row) => row.key === key)?.value ?? '';
  const counts = await archive.db
    .selectFrom('documents')
    .select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.count<number>('deleted_at').as('trashed')])
    .executeTakeFirstOrThrow();
  const version = await sql<{ user_version: number }>`pragma user_version`.execute(archive.db);
  const trashed = Number(counts.trashed);
  const head = formatHead(await chainHead(archive.db));
  return {
    path: archive.path,
    fileName: basename(archive.path),
    id: value('id'),
    createdAt: value('created_at'),
    schemaVersion: Number(version.rows[0]?.user_version ?? 0),
    documents: Number(counts.all) - trashed,
    trashed,
    readOnly: archive.readOnly,
    historyHead: head,
  };
}
