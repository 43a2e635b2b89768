/** The file's own dates as an import finds them: kept as file dates, never the document's date. */
import type { FileDates } from '../../../shared/inference.js';
import { fileDatesOf } from '../infer/index.js';
import type { ExtractedDocument } from '../importers/types.js';

function docxDates(extra: Record<string, unknown> | undefined): FileDates {
  const docx = extra?.['docx'] as { created?: unknown; modified?: unknown } | undefined;
  const dates: FileDates = {};
  if (typeof docx?.created === 'string') dates.created = docx.created;
  if (typeof docx?.modified === 'string') dates.modified = docx.modified;
  return dates;
}

/** PDF CreationDate/ModDate, DOCX core properties and the file system's modification time. */
export function fileDatesFor(extracted: ExtractedDocument, fileModified: string | null): FileDates {
  return {
    ...fileDatesOf({ ...extracted, fileModified }),
    ...(extracted.format === 'docx' ? docxDates(extracted.extra) : {}),
  };
}

/** Whether a date is one of the file's own (a document imported before schema 6 took it as its date). */
export function isFileDate(date: string | null, dates: FileDates): boolean {
  if (!date) return false;
  return [dates.created, dates.modified].some((d) => d !== undefined && d.slice(0, date.length) === date);
}
