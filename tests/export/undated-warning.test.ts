import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/shared/document.js';
import { renderExport } from '../../src/main/archive/export/render.js';
import type { CitationStyleId, ExportModel } from '../../src/main/archive/export/model.js';

const undated: DocumentRecord = {
  id: 7,
  format: 'pdf',
  mimeType: 'application/pdf',
  title: 'Use of commercial facial recognition services',
  type: 'memo',
  authors: ['John McMahon'],
  recipients: [],
  organization: null,
  date: null,
  source: null,
  url: null,
  description: null,
  fileName: 'memo.pdf',
  size: 1,
  sha256: 'b'.repeat(64),
  pageCount: 2,
  pageLabels: null,
  pageLabelOffset: 0,
  parentId: null,
  warnings: [],
  importedAt: '',
  updatedAt: '',
  deletedAt: null,
};

function model(style: CitationStyleId): ExportModel {
  const quote = { id: 1, documentId: 7, page: 1, pageEnd: 1, start: 0, end: 1, text: 'x', prefix: '', suffix: '' };
  return {
    title: 'T',
    introduction: null,
    style,
    items: [{ document: undated, quote: { ...quote, note: null, tags: [] } }],
  };
}

describe('the warning for an undated document', () => {
  it('says "n.d." only for a style that prints it', () => {
    const apa = renderExport(model('apa'));
    expect(apa.items[0]?.citationText).toContain('n.d.');
    expect(apa.warnings).toEqual([
      'document 7 ("Use of commercial facial recognition services"): no date (cited as "n.d.")',
    ]);
    const mla = renderExport(model('mla'));
    expect(`${mla.items[0]?.citationText} ${mla.items[0]?.referenceText}`).not.toContain('n.d.');
    expect(mla.warnings).toEqual([
      'document 7 ("Use of commercial facial recognition services"): no date on its face (cited without one)',
    ]);
  });
});
