/**
 * Importing an Exhibit evidence bundle into an archive: how colleagues exchange work
 * offline. The bundle is verified first and refused, with its problems, when it does
 * not verify. Its originals then go through the normal importers, so pages and text are
 * this archive's own; an original the archive already holds (same SHA-256) is not
 * duplicated and keeps its metadata here. New documents take the bundle's metadata.
 * Each quote is placed against this archive's text by its exact text at its stated
 * page and offsets (or, when an extraction shifted offsets, with its context on its
 * stated pages) and never moved anywhere else: one that does not stand there is stored
 * flagged `orphaned` where the bundle put it and reported. A quote already here at the
 * same place gains the bundle's tags, and its note when it has none. Tags come along
 * on documents and quotes. Everything is one transaction with its custody entries,
 * ending with a `bundle-import` entry naming the bundle, the zip's SHA-256 and what
 * became of each document and quote.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Archive } from '../archive.js';
import { retryWhileBusy } from '../busy.js';
import { recordHistory } from '../custody.js';
import { findDocumentRow, findDocumentStatus } from '../db/repos/documents.js';
import { updateMetadataInTransaction, validateMetadataPatch, type MetadataPatch } from '../documents.js';
import { ArchiveError, messageOf } from '../errors.js';
import { MANIFEST_NAME, manifestSchema, type BundleManifest, type ManifestDocument } from '../export/manifest.js';
import { verifyBundle } from '../export/verify.js';
import { openZip } from '../export/zip-read.js';
import { ownFileKind } from '../own-files.js';
import { addTagsInTransaction } from '../tags/tags.js';
import { importQuote, validTags, type QuoteContext } from './bundle-quotes.js';
import { findDuplicate, prepareFile, sha256Hex, storePrepared, type Preparation } from './prepare.js';
import type { BundleImportSummary, BundleQuoteOutcome, ImportResult } from './results.js';

const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

export interface BundleImportOptions {
  /** How results and custody name the bundle when `zipPath` is a temporary copy (a dropped file). */
  displayPath?: string;
  /** Tags for every document of the bundle (as `import --tag` puts on every file). */
  tags?: readonly string[];
  /** Called when another program holds the write lock and the import waits for it. */
  onBusy?: () => void;
  signal?: AbortSignal;
}

/**
 * True when the file is a zip that is, or may be, an Exhibit evidence bundle: one holding
 * a manifest.json, or one that cannot be read safely (unsafe names, a zip bomb, duplicate
 * entries, a truncated file), so that importing it gives the bundle check's named problem
 * rather than "unknown file type". A sound zip without a manifest is not one. Never throws.
 */
export async function isEvidenceBundle(path: string): Promise<boolean> {
  if (extname(path).toLowerCase() === '.docx') return false;
  try {
    // Never open an open archive's own files (own-files.ts): the caller refuses them in words.
    if (await ownFileKind(path)) return false;
    const handle = await open(path, 'r');
    const head = Buffer.alloc(4);
    try {
      await handle.read(head, 0, 4, 0);
    } finally {
      await handle.close();
    }
    if (head.toString('latin1') !== 'PK\x03\x04') return false;
  } catch {
    return false;
  }
  let zip: Awaited<ReturnType<typeof openZip>>;
  try {
    zip = await openZip(path);
  } catch {
    return true;
  }
  try {
    return zip.entries.has(MANIFEST_NAME);
  } finally {
    zip.close();
  }
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function emptySummary(bundleId: string | null): BundleImportSummary {
  return { bundleId, documents: { imported: 0, existing: 0 }, quotes: [], problems: [] };
}

function failed(path: string, reason: string, summary: BundleImportSummary): ImportResult[] {
  return [{ path, status: 'failed', documentId: null, error: `${path}: ${reason}`, warnings: [], bundle: summary }];
}

const METADATA_FIELDS = [
  'title',
  'type',
  'authors',
  'recipients',
  'organization',
  'date',
  'source',
  'url',
  'description',
  'pageLabelOffset',
] as const;

/** The bundle's metadata for a document, field by field; a field this archive would refuse is left out with a warning. */
function metadataOf(doc: ManifestDocument, warnings: string[]): MetadataPatch {
  const patch: MetadataPatch = {};
  for (const key of METADATA_FIELDS) {
    const one = { [key]: doc[key] } as MetadataPatch;
    try {
      validateMetadataPatch(one);
      Object.assign(patch, one);
    } catch (error) {
      warnings.push(`document "${doc.title}" (${doc.path}): its ${key} was left out (${messageOf(error)})`);
    }
  }
  return patch;
}

/** Reads the manifest and prepares every original (extraction happens here, before the transaction). */
async function prepareBundle(
  archive: Archive,
  zipPath: string,
  bundleId: string | null,
  shownPath: string,
): Promise<{ manifest: BundleManifest; preparations: Map<string, Preparation>; order: ManifestDocument[] }> {
  const zip = await openZip(zipPath);
  try {
    const parsed = manifestSchema.safeParse(
      JSON.parse((await zip.read(MANIFEST_NAME, MAX_MANIFEST_BYTES)).toString('utf8')),
    );
    if (!parsed.success || parsed.data.bundleId !== bundleId) {
      throw new ArchiveError('corrupt', 'the bundle changed after it was verified; nothing was imported');
    }
    const manifest = parsed.data;
    // Emails first: an attachment the bundle also holds is stored with its email, linked to it.
    const order = [...manifest.documents].sort((a, b) => Number(b.format === 'email') - Number(a.format === 'email'));
    const seen = new Set<string>();
    const preparations = new Map<string, Preparation>();
    for (const doc of order) {
      if (seen.has(doc.sha256) || preparations.has(doc.sha256)) continue;
      const bytes = await zip.read(doc.path);
      if (sha256Hex(bytes) !== doc.sha256)
        throw new ArchiveError('corrupt', `${doc.path} changed after the bundle was verified; nothing was imported`);
      try {
        preparations.set(
          doc.sha256,
          await prepareFile(archive.db, bytes, { path: `${shownPath}#${doc.path}`, fileName: doc.fileName, seen }),
        );
      } catch (error) {
        throw new ArchiveError(
          'invalid-input',
          `${doc.path} cannot be imported (${messageOf(error)}); nothing was imported`,
        );
      }
    }
    return { manifest, preparations, order };
  } finally {
    zip.close();
  }
}

/**
 * Imports the evidence bundle at `zipPath`. Returns the bundle's own result first (its
 * summary in `bundle`; status `duplicate` when nothing in it was new), then one result
 * per document (and attachment) stored or found. A bundle that does not verify, or
 * cannot be read, is one failed result and changes nothing.
 */
export async function importBundle(
  archive: Archive,
  zipPath: string,
  options: BundleImportOptions = {},
): Promise<ImportResult[]> {
  const shown = options.displayPath ?? zipPath;
  const own = await ownFileKind(zipPath);
  if (own) return failed(shown, `this is ${own}`, emptySummary(null));
  const report = await verifyBundle(zipPath);
  if (!report.ok) {
    const summary = { ...emptySummary(report.bundleId), problems: report.problems };
    const n = report.problems.length;
    const first = report.problems[0]?.message ?? '';
    // A zip-level problem names the file read, which for a dropped file is a temporary copy.
    const named = first.startsWith(`${zipPath}: `) ? first.slice(zipPath.length + 2) : first;
    return failed(
      shown,
      `the evidence bundle does not verify (${n} problem${n === 1 ? '' : 's'}, the first: ${named}); nothing was imported`,
      summary,
    );
  }
  const bundleId = report.bundleId ?? '';
  let prepared: Awaited<ReturnType<typeof prepareBundle>>;
  try {
    prepared = await prepareBundle(archive, zipPath, report.bundleId, shown);
  } catch (error) {
    return failed(shown, messageOf(error), emptySummary(report.bundleId));
  }
  const { manifest, preparations, order } = prepared;
  const zipSha256 = await sha256File(zipPath);
  const warnings: string[] = [...report.notes];
  const signature = report.signature
    ? { status: report.signature.status, fingerprint: report.signature.fingerprint, message: report.signature.message }
    : null;
  if (signature?.status === 'unsigned') warnings.push(signature.message);
  const extraTags = validTags(options.tags ?? [], 'import --tag', warnings);
  const warningsBefore = [...warnings];
  const busy = {
    ...(options.onBusy ? { onBusy: options.onBusy } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };

  // Another program's write lock is waited out: the whole transaction is tried again, and
  // the warnings it gathered with it.
  return retryWhileBusy(() => {
    warnings.splice(0, warnings.length, ...warningsBefore);
    return archive.db.transaction().execute(async (trx) => {
      const idBySha = new Map<string, number>();
      const newShas = new Set<string>();
      const documentResults: ImportResult[] = [];
      let changed = false;
      for (const doc of order) {
        const prep = preparations.get(doc.sha256);
        if (!prep || idBySha.has(doc.sha256)) continue;
        if (prep.kind === 'new') {
          const { results, ids } = await storePrepared(trx, prep.file, { historyDetails: { bundleId } });
          documentResults.push(...results);
          for (const [sha, id] of ids) {
            idBySha.set(sha, id);
            newShas.add(sha);
          }
          changed = true;
        } else {
          idBySha.set(doc.sha256, prep.id);
          documentResults.push({
            path: `${shown}#${doc.path}`,
            status: 'duplicate',
            documentId: prep.id,
            error: null,
            warnings: prep.deletedAt ? [`the existing copy (document ${prep.id}) is in the trash`] : [],
          });
        }
      }
      // Attachments stored as duplicates with their email: find them by SHA-256.
      for (const doc of manifest.documents) {
        if (idBySha.has(doc.sha256)) continue;
        const held = await findDuplicate(trx, doc.sha256);
        if (!held) throw new ArchiveError('corrupt', `${shown}: ${doc.path} was not stored; nothing was imported`);
        idBySha.set(doc.sha256, held.id);
        documentResults.push({
          path: `${shown}#${doc.path}`,
          status: 'duplicate',
          documentId: held.id,
          error: null,
          warnings: [],
        });
      }

      const documentOf = new Map<number, { id: number; trashed: boolean }>();
      for (const doc of manifest.documents) {
        const id = idBySha.get(doc.sha256) as number;
        if (newShas.has(doc.sha256)) {
          await updateMetadataInTransaction(trx, id, metadataOf(doc, warnings));
        } else {
          const here = await findDocumentRow(trx, id);
          if (!here) throw new ArchiveError('corrupt', `${shown}: document ${id} vanished; nothing was imported`);
          const differs = [here.title !== doc.title ? 'title' : '', here.date !== doc.date ? 'date' : ''].filter(
            Boolean,
          );
          if (differs.length)
            warnings.push(
              `document ${id} was already here: its metadata was kept (the bundle's ${differs.join(' and ')} differ${differs.length === 1 ? 's' : ''})`,
            );
        }
        const tags = [...validTags(doc.tags, `document "${doc.title}"`, warnings), ...extraTags];
        if (tags.length && (await addTagsInTransaction(trx, tags, { documentIds: [id] })) > 0) changed = true;
        const status = await findDocumentStatus(trx, id);
        if (!status) throw new ArchiveError('corrupt', `${shown}: document ${id} vanished; nothing was imported`);
        documentOf.set(doc.id, { id, trashed: status.deletedAt !== null });
      }

      const ctx: QuoteContext = { trx, bundleId, warnings, pages: new Map() };
      const outcomes: BundleQuoteOutcome[] = [];
      for (const q of manifest.quotes) {
        const doc = documentOf.get(q.documentId);
        if (!doc) {
          outcomes.push({
            bundleQuoteId: q.id,
            quoteId: null,
            status: 'skipped',
            reason: `its document ${q.documentId} is not in the bundle`,
          });
          continue;
        }
        const done = await importQuote(ctx, q, doc.id, doc.trashed);
        outcomes.push(done.outcome);
        if (done.changed) changed = true;
      }

      const documents = {
        imported: manifest.documents.filter((d) => newShas.has(d.sha256)).length,
        existing: manifest.documents.filter((d) => !newShas.has(d.sha256)).length,
      };
      if (changed) {
        await recordHistory(trx, {
          action: 'bundle-import',
          subject: `bundle:${bundleId}`,
          details: {
            file: basename(shown),
            sha256: zipSha256,
            bundleId,
            fromArchive: manifest.archiveId,
            signer: signature?.fingerprint ?? null,
            title: manifest.title,
            documents: manifest.documents.map((d) => ({
              bundleDocumentId: d.id,
              documentId: idBySha.get(d.sha256),
              sha256: d.sha256,
              new: newShas.has(d.sha256),
            })),
            quotes: outcomes,
          },
        });
      }
      for (const o of outcomes)
        if (o.status === 'orphaned' || o.status === 'skipped')
          warnings.push(`quote ${o.bundleQuoteId} of the bundle: ${o.reason}`);
      const summary: BundleImportSummary = { bundleId, documents, quotes: outcomes, problems: [], signature };
      const own: ImportResult = {
        path: shown,
        status: changed ? 'imported' : 'duplicate',
        documentId: null,
        error: null,
        warnings,
        bundle: summary,
      };
      return [own, ...documentResults];
    });
  }, busy);
}
