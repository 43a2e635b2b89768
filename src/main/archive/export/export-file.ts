/**
 * One entry point for every format: render the model, write the file safely, report
 * what was written and what the reader should know (documents cited with fallbacks,
 * characters the PDF could not print).
 */
import type { DocumentRecord } from '../../../shared/document.js';
import { writeBundle } from './bundle.js';
import { writeChronology } from './formats/chronology-file.js';
import { toCsv } from './formats/csv.js';
import { toDocx } from './formats/docx.js';
import { toHtml } from './formats/html.js';
import { toJson } from './formats/json.js';
import { toMarkdown } from './formats/markdown.js';
import { toPdf } from './formats/pdf.js';
import { modelDocuments, type ExportFormat, type ExportModel } from './model.js';
import { renderExport } from './render.js';
import { writeFileSafely, type SafeWriteOptions } from './safe-write.js';
import { ArchiveError } from '../errors.js';
import type { SigningKey } from '../signing/keys.js';

export interface ExportOptions extends SafeWriteOptions {
  /** For bundles: the bytes of a document's original. */
  original?: (doc: DocumentRecord) => Promise<Uint8Array>;
  /** For bundles: the archive's id. */
  archiveId?: string | null;
  /** For bundles: the archive's chain head, LENGTH:HASH. */
  historyHead?: string | null;
  /** For bundles: each document's tags. */
  documentTags?: ReadonlyMap<number, string[]>;
  /** For bundles: signs the manifest; without it the bundle is unsigned. */
  signingKey?: SigningKey;
}

export interface ExportResult {
  path: string;
  format: ExportFormat;
  style: string;
  quotes: number;
  documents: number;
  bytes: number;
  warnings: string[];
  bundleId?: string;
  /** For a chronology: how many facts. */
  facts?: number;
  /** For bundles: the signer's fingerprint, null when unsigned. */
  signer?: string | null;
}

/** Writes `model` as `format` to `path` (never over an existing file unless `force`). */
export async function exportModel(
  model: ExportModel,
  format: ExportFormat,
  path: string,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const base = {
    format,
    style: model.style,
    quotes: model.items.length,
    documents: modelDocuments(model).length,
    ...(model.facts ? { facts: model.facts.length } : {}),
  };
  if (format === 'bundle') {
    if (!options.original)
      throw new ArchiveError('invalid-input', 'bundle: the originals are needed to make an evidence bundle');
    const result = await writeBundle(model, path, {
      original: options.original,
      archiveId: options.archiveId ?? null,
      historyHead: options.historyHead ?? null,
      ...(options.documentTags ? { documentTags: options.documentTags } : {}),
      ...(options.force !== undefined ? { force: options.force } : {}),
      ...(options.signingKey ? { signingKey: options.signingKey } : {}),
    });
    return {
      ...base,
      path: result.path,
      bytes: result.bytes,
      warnings: result.warnings,
      bundleId: result.bundleId,
      signer: result.signer,
    };
  }
  if (model.facts) return { ...base, ...(await writeChronology(model, format, path, options)) };
  const rendered = renderExport(model);
  const warnings = [...rendered.warnings];
  let data: Uint8Array | string;
  switch (format) {
    case 'md':
      data = toMarkdown(rendered);
      break;
    case 'html':
      data = toHtml(rendered);
      break;
    case 'docx':
      data = await toDocx(rendered);
      break;
    case 'pdf': {
      const pdf = await toPdf(rendered);
      warnings.push(...pdf.warnings);
      data = pdf.bytes;
      break;
    }
    case 'csv':
      data = toCsv(rendered);
      break;
    case 'json':
      data = toJson(rendered);
      break;
    default:
      throw new ArchiveError(
        'invalid-input',
        `format: "${String(format)}" is not one of md, html, docx, pdf, csv, json, bundle`,
      );
  }
  const written = await writeFileSafely(path, data, options);
  const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  return { ...base, path: written, bytes, warnings };
}
