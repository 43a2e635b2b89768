/**
 * Prose exports flow a quote as prose (no hard line break where the PDF's line ended);
 * the data exports (JSON, CSV, the bundle's manifest) keep the stored text exactly.
 * The quote is a real one from the sample case's memo, whose stored text has a line end
 * between "commercial" and "facial-recognition".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { createQuote, exportFromArchive, type Archive } from '../../src/main/archive/index.js';
import { importSampleCase } from '../../src/main/archive/sample.js';
import { tempArchive, tempDir } from '../helpers/archive.js';
import { htmlDocument, parseCsv, pdfText, unzip, wordParagraphs } from '../helpers/readers.js';

const STORED = 'position on commercial\nfacial-recognition services';
const PROSE = 'position on commercial facial-recognition services';

async function memoQuote(): Promise<{ archive: Archive; quoteId: number }> {
  const archive = await tempArchive();
  const results = await importSampleCase(archive);
  const memo = results.find((r) => r.path.endsWith('police-memo.pdf'))?.documentId;
  if (!memo) throw new Error('the sample memo was not imported');
  const quote = await createQuote(archive, { documentId: memo, text: PROSE });
  expect(quote.text).toBe(STORED);
  return { archive, quoteId: quote.id };
}

async function exported(format: 'docx' | 'pdf' | 'html' | 'md' | 'json' | 'csv' | 'bundle'): Promise<string> {
  const { archive, quoteId } = await memoQuote();
  const out = join(tempDir(), `quotes.${format === 'bundle' ? 'zip' : format}`);
  await exportFromArchive(archive, { kind: 'quotes', ids: [quoteId] }, out, { format, style: 'chicago' });
  return out;
}

describe('a quote with a line end inside its sentence', () => {
  it('DOCX: the Quote paragraph holds the sentence on one line', async () => {
    const { entries } = await unzip(await exported('docx'));
    const quotes = wordParagraphs(entries.get('word/document.xml')?.toString('utf8') ?? '').filter(
      (p) => p.style === 'Quote',
    );
    expect(quotes.map((p) => p.text)).toEqual([PROSE]);
  });

  it('PDF: the quote is laid out as one line of prose', async () => {
    const text = (await pdfText(readFileSync(await exported('pdf')))).join('\n');
    expect(text.split('\n').map((line) => line.trim())).toContain(PROSE);
    expect(text).not.toContain('commercial\nfacial');
  });

  it('HTML and Markdown: the blockquote reads as one sentence', async () => {
    const html = htmlDocument(readFileSync(await exported('html'), 'utf8'));
    const blockquotes = html.elements('blockquote').map((b) => DomUtils.textContent(b));
    expect(blockquotes.map((t) => t.replace(/\d+$/, ''))).toEqual([PROSE]);
    expect(readFileSync(await exported('md'), 'utf8')).toContain(`> ${PROSE}`);
  });

  it('JSON, CSV and the bundle manifest keep the stored text exactly', async () => {
    const json = readFileSync(await exported('json'), 'utf8');
    expect(json).toContain(JSON.stringify(STORED));
    const rows = parseCsv(readFileSync(await exported('csv'), 'utf8'));
    expect(rows.flat()).toContain(STORED);
    const { entries } = await unzip(await exported('bundle'));
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as {
      quotes: { exact: string }[];
    };
    expect(manifest.quotes.map((q) => q.exact)).toEqual([STORED]);
  });
});
