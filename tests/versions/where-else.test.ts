/**
 * "Where else?" lists a quote's document's versions first (issue 13): the quote is on the TXT
 * version; a note imported before the release quotes the same sentence word for word, yet the
 * HTML and PDF versions come before it. Real files, real archive.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createQuote, importPaths, quoteSources } from '../../src/main/archive/index.js';
import { ROOT, tempArchive, tempDir } from '../helpers/archive.js';

const TRIO = ['html', 'pdf', 'txt'].map((ext) => join(ROOT, `tests/fixtures/versions/obama-irs-release.${ext}`));
const SENTENCE =
  'the government has a duty to protect and safeguard that information And yet as the Treasury Inspector General';

describe('where else, with versions', () => {
  it('lists the versions first, then the other documents', async () => {
    const archive = await tempArchive();
    const note = join(tempDir(), 'staff-note.txt');
    writeFileSync(note, `Staff note on taxpayer data.\n\nThe release says ${SENTENCE} for Tax Administration.\n`);
    const ids = (await importPaths(archive, [note, ...TRIO])).map((r) => r.documentId ?? 0);
    const [noteId, html, pdf, txt] = ids;
    const quote = await createQuote(archive, { documentId: txt ?? 0, text: SENTENCE });
    const sources = await quoteSources(archive.db, quote.id);
    expect(sources.map((s) => [s.documentId, s.version])).toEqual([
      [html, true],
      [pdf, true],
      [noteId, false],
    ]);
  });
});
