/**
 * Extraction over many documents, after import and apart from it: each document is read,
 * then its mentions stored in a transaction of their own, so a long run never holds the
 * write lock for more than one document and a failure costs one document, never the batch.
 */
import type { Archive } from '../archive.js';
import { retryWhileBusy, type BusyOptions } from '../busy.js';
import { listEntityForms, updateEntityForms } from '../db/repos/entities.js';
import { documentsToExtract } from '../db/repos/entity-mentions.js';
import { cleanForm, ENGINE_VERSION } from './keys.js';
import { readDocumentEntities, storeDocumentEntities, type LinkSummary } from './link.js';

export interface ExtractionReport {
  documents: LinkSummary[];
  failures: { documentId: number; error: string }[];
  pages: number;
  ms: number;
}

export interface ExtractOptions extends BusyOptions {
  /** These documents only; otherwise every live document not yet read (every one with `all`). */
  documentIds?: readonly number[];
  all?: boolean;
  onDocument?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Reads again every entity's aliases from its mentions: after a whole re-reading some forms are gone. */
async function refreshAliases(archive: Archive): Promise<void> {
  const byEntity = new Map<number, { name: string; forms: Set<string> }>();
  for (const row of await listEntityForms(archive.db)) {
    const entry = byEntity.get(row.id) ?? { name: row.name, forms: new Set<string>() };
    const form = cleanForm(row.text);
    if (form !== row.name) entry.forms.add(form);
    byEntity.set(row.id, entry);
  }
  await archive.db.transaction().execute(async (trx) => {
    for (const [id, { name, forms }] of byEntity) await updateEntityForms(trx, id, name, [...forms].sort());
  });
}

export async function extractEntities(archive: Archive, options: ExtractOptions = {}): Promise<ExtractionReport> {
  const started = performance.now();
  const ids = options.documentIds
    ? [...options.documentIds]
    : await documentsToExtract(archive.db, ENGINE_VERSION, !!options.all);
  const report: ExtractionReport = { documents: [], failures: [], pages: 0, ms: 0 };
  for (const [i, documentId] of ids.entries()) {
    if (options.signal?.aborted) break;
    try {
      const reading = await readDocumentEntities(archive.db, documentId);
      if (reading) {
        report.pages += reading.pages;
        report.documents.push(
          await retryWhileBusy(
            () => archive.db.transaction().execute((trx) => storeDocumentEntities(trx, reading)),
            options,
          ),
        );
      }
    } catch (error) {
      report.failures.push({ documentId, error: error instanceof Error ? error.message : String(error) });
    }
    options.onDocument?.(i + 1, ids.length);
  }
  if (options.all && report.documents.length > 0) await retryWhileBusy(() => refreshAliases(archive), options);
  report.ms = performance.now() - started;
  return report;
}
