/** The bytes of a chronology in one of the formats it is written in. */
import { ArchiveError } from '../../errors.js';
import type { ExportFormat, ExportModel } from '../model.js';
import { renderExport, type RenderedExport } from '../render.js';
import { writeFileSafely, type SafeWriteOptions } from '../safe-write.js';
import { toChronologyCsv, toChronologyJson } from './chronology-data.js';
import { toChronologyDocx } from './chronology-docx.js';
import { toChronologyPdf } from './chronology-pdf.js';

/** The formats a chronology is written in (and `bundle`, which carries its facts in the manifest). */
export const CHRONOLOGY_FORMATS = ['docx', 'pdf', 'csv', 'json', 'bundle'] as const;

async function chronologyData(
  rendered: RenderedExport,
  format: ExportFormat,
): Promise<{ data: Uint8Array | string; warnings: string[] }> {
  switch (format) {
    case 'docx':
      return { data: await toChronologyDocx(rendered), warnings: [] };
    case 'pdf': {
      const pdf = await toChronologyPdf(rendered);
      return { data: pdf.bytes, warnings: pdf.warnings };
    }
    case 'csv':
      return { data: toChronologyCsv(rendered), warnings: [] };
    case 'json':
      return { data: toChronologyJson(rendered), warnings: [] };
    default:
      throw new ArchiveError(
        'invalid-input',
        `format: a chronology is written as ${CHRONOLOGY_FORMATS.join(', ')}, not ${format}`,
      );
  }
}

/** Renders a chronology model and writes it as `format` to `path` (never over a file unless `force`). */
export async function writeChronology(
  model: ExportModel,
  format: ExportFormat,
  path: string,
  options: SafeWriteOptions,
): Promise<{ path: string; bytes: number; warnings: string[] }> {
  const rendered = renderExport(model);
  const { data, warnings } = await chronologyData(rendered, format);
  const written = await writeFileSafely(path, data, options);
  const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  return { path: written, bytes, warnings: [...rendered.warnings, ...warnings] };
}
