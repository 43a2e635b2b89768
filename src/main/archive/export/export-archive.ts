/**
 * Exporting from the archive: gather the selection, write the file (or bundle) safely,
 * then record the export in the custody history with the SHA-256 of what was written,
 * so a file handed on can be traced back to the archive it came from. When the entry
 * cannot be recorded the new file is removed: no export leaves the archive unrecorded.
 * While another program holds the write lock only the entry's transaction is tried again:
 * the file is written once.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Archive } from '../archive.js';
import { retryWhileBusy } from '../busy.js';
import { chainHead, formatHead, recordHistory } from '../custody.js';
import { findArchiveId } from '../db/repos/archive-info.js';
import { getOriginal } from '../documents.js';
import { tagsOfDocuments } from '../tags/tags.js';
import { exportModel, type ExportResult } from './export-file.js';
import { describeSelection, gatherExport, type ExportSelection, type Gathered, type GatherOptions } from './gather.js';
import { modelDocuments, type ExportFormat } from './model.js';
import type { SigningKey } from '../signing/keys.js';

export interface ArchiveExportOptions extends GatherOptions {
  format: ExportFormat;
  /** Replace an existing file. */
  force?: boolean;
  /**
   * For bundles: the user's key, to sign the manifest (see signing/keys.ts). Asked for
   * only once the selection holds quotes, so an export that fails early makes no key.
   */
  signingKey?: () => Promise<SigningKey>;
  /** Called once when another program holds the write lock and the export waits to record itself. */
  onBusy?: () => void;
}

export interface ArchiveExportResult extends ExportResult {
  /** SHA-256 of the file written, as recorded in the custody history. */
  sha256: string;
  /** The quotes exported, in order. */
  quoteIds: number[];
  /** The custody entry of this export. */
  historyId: number;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Exports the quotes `selection` names as `options.format` to `path`, on record. */
export async function exportFromArchive(
  archive: Archive,
  selection: ExportSelection,
  path: string,
  options: ArchiveExportOptions,
): Promise<ArchiveExportResult> {
  const gathered = await gatherExport(archive.db, selection, options);
  return exportGathered(archive, gathered, { subject: describeSelection(selection), selection }, path, options);
}

/**
 * Writes a gathered model and records it: `what.subject` is the custody entry's subject,
 * `what.selection` what its details say was selected.
 */
export async function exportGathered(
  archive: Archive,
  { model, warnings }: Gathered,
  what: { subject: string; selection: unknown },
  path: string,
  options: ArchiveExportOptions,
): Promise<ArchiveExportResult> {
  const selection = what.selection;
  const documentIds = modelDocuments(model).map((d) => d.id);
  const bundle = options.format === 'bundle';
  const archiveId = bundle ? ((await findArchiveId(archive.db)) ?? null) : null;
  const signingKey = bundle && options.signingKey ? await options.signingKey() : undefined;
  const result = await exportModel(model, options.format, path, {
    ...(options.force !== undefined ? { force: options.force } : {}),
    ...(bundle
      ? {
          original: async (doc: { id: number }) => (await getOriginal(archive.db, doc.id)).data,
          archiveId,
          historyHead: formatHead(await chainHead(archive.db)),
          documentTags: await tagsOfDocuments(archive.db, documentIds),
          ...(signingKey ? { signingKey } : {}),
        }
      : {}),
  });
  const quoteIds = model.items.map((i) => i.quote.id);
  try {
    const sha256 = await sha256File(result.path);
    const record = () =>
      archive.db.transaction().execute((trx) =>
        recordHistory(trx, {
          action: 'export',
          subject: what.subject,
          details: {
            selection,
            format: options.format,
            style: model.style,
            title: model.title,
            file: basename(result.path),
            path: result.path,
            sha256,
            bytes: result.bytes,
            quoteIds,
            documentIds,
            ...(model.facts ? { factIds: model.facts.map((f) => f.id) } : {}),
            ...(result.bundleId ? { bundleId: result.bundleId, signer: result.signer ?? null } : {}),
          },
        }),
      );
    const entry = await retryWhileBusy(record, options.onBusy ? { onBusy: options.onBusy } : {});
    return { ...result, warnings: [...warnings, ...result.warnings], sha256, quoteIds, historyId: entry.id };
  } catch (error) {
    await unlink(result.path).catch(() => undefined);
    throw error;
  }
}
