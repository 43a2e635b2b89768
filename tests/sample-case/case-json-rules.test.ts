/**
 * The sample case's case.json is set as metadata edits, so it is read under the same rules
 * as an edit (shared/document-metadata.ts): a bad date, address or key is named, not stored.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSampleManifest, sampleCaseDir } from '../../src/main/archive/sample.js';
import { tempDir } from '../helpers/archive.js';

const memo = {
  type: 'memo',
  title: 'Memorandum',
  authors: ['Jane Roe'],
  recipients: ['John Doe'],
  organization: null,
  date: '2019-03-04',
  source: null,
  url: null,
  description: null,
};

function caseWith(entry: Record<string, unknown>): string {
  const root = tempDir();
  const files = join(root, 'files');
  mkdirSync(files);
  writeFileSync(join(root, 'case.json'), JSON.stringify({ notice: 'test', documents: { 'memo.pdf': entry } }));
  return files;
}

describe("the sample case's case.json", () => {
  it('is read as shipped', () => {
    expect(Object.keys(readSampleManifest(sampleCaseDir()).documents).length).toBeGreaterThan(0);
    expect(readSampleManifest(caseWith(memo)).documents['memo.pdf']).toEqual(memo);
  });

  it('is refused, naming the file and the field, where an edit would be', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...memo, date: '4 March 2019' }, /case\.json: documents\.memo\.pdf\.date: an ISO date/],
      [{ ...memo, url: 'ledger.example/memo' }, /case\.json: documents\.memo\.pdf\.url: an http\(s\) address/],
      [{ ...memo, title: '  ' }, /case\.json: documents\.memo\.pdf\.title: must not be empty/],
      [{ ...memo, autors: ['Jane Roe'] }, /case\.json: documents\.memo\.pdf: .*autors/],
    ];
    for (const [entry, message] of cases) {
      expect(() => readSampleManifest(caseWith(entry))).toThrow(message);
    }
  });
});
