/** Exporting the chronology from the archive, on record: facts by date, tag, with their quotes as sources. */
import type { Archive } from '../archive.js';
import { exportGathered, type ArchiveExportOptions, type ArchiveExportResult } from './export-archive.js';
import { describeFactSelection, gatherFacts, type FactSelection } from './gather-facts.js';

export type { FactSelection };

export async function exportFactsFromArchive(
  archive: Archive,
  selection: FactSelection,
  path: string,
  options: ArchiveExportOptions,
): Promise<ArchiveExportResult> {
  const gathered = await gatherFacts(archive.db, selection, options);
  return exportGathered(
    archive,
    gathered,
    { subject: describeFactSelection(selection), selection: { kind: 'facts', ...selection } },
    path,
    options,
  );
}
