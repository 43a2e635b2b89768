/**
 * Handlers for export: a preview of the citations, and the file itself written in a
 * temp folder, read back as bytes for the renderer to save (a browser download, or the
 * desktop's save dialog), and for an evidence bundle verified before it is handed over.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archiveSummary, getOriginal, tagsOfDocuments } from '../../archive/index.js';
import { ArchiveError } from '../../archive/errors.js';
import { exportModel } from '../../archive/export/export-file.js';
import { exportModelFromArchive } from '../../archive/export/from-archive.js';
import type { ExportFormat } from '../../archive/export/model.js';
import { renderExport } from '../../archive/export/render.js';
import { plain } from '../../archive/export/rich-text.js';
import { verifyBundle } from '../../archive/export/verify.js';
import type { HandlersFor } from '../types.js';

const EXTENSIONS: Record<ExportFormat, { ext: string; mime: string }> = {
  md: { ext: 'md', mime: 'text/markdown' },
  html: { ext: 'html', mime: 'text/html' },
  docx: { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { ext: 'pdf', mime: 'application/pdf' },
  csv: { ext: 'csv', mime: 'text/csv' },
  json: { ext: 'json', mime: 'application/json' },
  bundle: { ext: 'zip', mime: 'application/zip' },
};

export const exportHandlers: HandlersFor<'export.preview' | 'export.build'> = {
  'export.preview': async (input, { session }) => {
    const model = await exportModelFromArchive(session.current(), input.source, input.style);
    if (model.items.length === 0) return { title: model.title, introduction: model.introduction, quotes: [], bibliography: [], warnings: [] };
    const rendered = renderExport(model);
    return {
      title: model.title,
      introduction: model.introduction,
      quotes: rendered.items.map((item) => ({ quoteId: item.quote.id, text: item.quote.exact, citation: item.citationText, note: item.quote.note })),
      bibliography: rendered.bibliography.map((b) => plain(b.entry)),
      warnings: rendered.warnings,
    };
  },

  'export.build': async (input, { session, signal }) => {
    const archive = session.current();
    const model = await exportModelFromArchive(archive, input.source, input.style);
    if (model.items.length === 0) throw new ArchiveError('invalid-input', 'there are no quotes to export here');
    const { ext, mime } = EXTENSIONS[input.format];
    const fileName = `exhibit-${input.format === 'bundle' ? 'evidence-bundle' : 'quotes'}-${new Date().toISOString().slice(0, 10)}.${ext}`;
    const dir = await mkdtemp(join(tmpdir(), 'exhibit-export-'));
    try {
      const path = join(dir, fileName);
      const documentIds = [...new Set(model.items.map((i) => i.document.id))];
      await exportModel(model, input.format, path, {
        original: async (doc) => new Uint8Array((await getOriginal(archive.db, doc.id)).data),
        archiveId: (await archiveSummary(archive)).id || null,
        documentTags: await tagsOfDocuments(archive.db, documentIds),
      });
      if (signal.aborted) throw new ArchiveError('invalid-input', 'export cancelled');
      const verification = input.format === 'bundle' ? await verifyBundle(path) : null;
      const data = new Uint8Array(await readFile(path));
      return {
        fileName,
        mimeType: mime,
        data,
        quoteCount: model.items.length,
        verification: verification ? { ok: verification.ok, problems: verification.problems } : null,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
