/** `exhibit import` and `exhibit sample`: the people and organisations of new documents, read after the import. */
import { sayBusy, withArchive, type GlobalOptions } from './context.js';

const entityCore = () => import('../archive/entity-store/extract.js');

/** Reads the new documents' people and organisations; a document that fails is named on stderr. */
export async function extractAfterImport(g: GlobalOptions, showProgress: boolean): Promise<void> {
  const report = await withArchive(g, entityCore, (archive, { extractEntities }) =>
    extractEntities(archive, {
      onBusy: sayBusy,
      onDocument: showProgress
        ? (done, total) => process.stderr.write(`\r\x1b[2Kpeople and organisations: ${done}/${total}`)
        : undefined,
    }),
  );
  if (showProgress) process.stderr.write('\r\x1b[2K');
  for (const f of report.failures)
    process.stderr.write(`exhibit: document ${f.documentId}: people and organisations not read: ${f.error}\n`);
}
