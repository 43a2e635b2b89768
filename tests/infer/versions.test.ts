/** The versions measure on real text: the sample memo as its PDF's text and as pdftotext's. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPdf } from '../../src/main/archive/importers/pdf.js';
import { resemblance, sameText, signatureResemblance, textSignature } from '../../src/main/archive/infer/versions.js';
import { ROOT } from './labelled-set.js';

const MEMO = join(ROOT, 'resources/sample-case/files/2020-11-13-port-alder-police-memo.pdf');
const REVIEW = join(ROOT, 'resources/sample-case/files/2020-11-25-coastline-civic-review.pdf');

async function pdfText(file: string): Promise<string> {
  const doc = await importPdf(new Uint8Array(readFileSync(file)));
  return doc.pages.map((p) => p.text).join('\n');
}

describe('versions', () => {
  it('finds the memo the same text as extracted by pdf.js and by pdftotext (a TXT version)', async () => {
    const ours = await pdfText(MEMO);
    const txt = execFileSync('pdftotext', ['-layout', MEMO, '-'], { encoding: 'utf8' });
    expect(resemblance(ours, txt)).toBeGreaterThanOrEqual(0.95);
    expect(sameText(ours, txt)).toBe(true);
  });

  it('does not group two documents that quote the same passage', async () => {
    const memo = await pdfText(MEMO);
    const review = await pdfText(REVIEW);
    expect(resemblance(memo, review)).toBeLessThan(0.2);
    expect(sameText(memo, review)).toBe(false);
  });

  it('tells a version with one paragraph cut from the whole', async () => {
    const memo = await pdfText(MEMO);
    const cut = memo.replace(/3\. Concerns\.[\s\S]*?(?=\n\s*4\.)/, '');
    expect(cut.length).toBeLessThan(memo.length - 300);
    expect(sameText(memo, cut)).toBe(false);
  });

  it('estimates resemblance from signatures within a few points', async () => {
    const memo = await pdfText(MEMO);
    const txt = execFileSync('pdftotext', [MEMO, '-'], { encoding: 'utf8' });
    const exact = resemblance(memo, txt);
    expect(Math.abs(signatureResemblance(textSignature(memo), textSignature(txt)) - exact)).toBeLessThan(0.1);
  });
});
