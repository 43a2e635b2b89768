/** What the app shows about the open archive: its file, id, schema and counts. */
import { basename } from 'node:path';
import type { ArchiveInfo } from '../../shared/contract-types.js';
import type { Archive } from './archive.js';
import { chainHead, formatHead } from './custody.js';
import { readArchiveInfo, schemaVersionOf } from './db/repos/archive-info.js';
import { countDocuments } from './db/repos/documents.js';

/** The open archive's summary: the contract's ArchiveInfo. */
export type ArchiveSummary = ArchiveInfo;

/** One cheap query set, so the window title and status bar can refresh after every change. */
export async function archiveSummary(archive: Archive): Promise<ArchiveSummary> {
  const info = await readArchiveInfo(archive.db);
  const value = (key: string) => info.get(key) ?? '';
  const counts = await countDocuments(archive.db);
  const version = await schemaVersionOf(archive.db);
  const trashed = counts.trashed;
  const head = formatHead(await chainHead(archive.db));
  return {
    path: archive.path,
    fileName: basename(archive.path),
    id: value('id'),
    createdAt: value('created_at'),
    schemaVersion: version,
    documents: counts.all - trashed,
    trashed,
    readOnly: archive.readOnly,
    historyHead: head,
  };
}
