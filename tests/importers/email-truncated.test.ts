/**
 * An email cut off before its multipart body ends imports with a warning that says so
 * (issue 10, rough edge 10), on a real message truncated inside its last part.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, corpus, tempArchive, tempDir } from '../helpers/archive.js';
import { expectSoundArchive, importOne } from '../helpers/import.js';

const CUT = join(ROOT, 'tests', 'fixtures', 'email', 'unclosed-multipart.eml');
const INCOMPLETE = /the message is incomplete: its last part never ends/;

describe('an email whose multipart body never closes', () => {
  it('imports what arrived, with a warning in plain words that the message is incomplete', async () => {
    const archive = await tempArchive();
    const path = join(tempDir(), 'cut.eml');
    copyFileSync(CUT, path);
    const { result, document, text, all } = await importOne(archive, path);
    expect(document.title).toBe('Testing attachments');
    expect(text).toContain('Here is a test of an attachment via email.');
    expect(result.warnings.filter((w) => INCOMPLETE.test(w))).toHaveLength(1);
    await expectSoundArchive(archive, all);
  });

  it('says nothing of the kind for the whole message it was cut from', async () => {
    const archive = await tempArchive();
    const { result } = await importOne(archive, corpus('eml', 'mikelmail__raw_email_with_nested_attachment.eml'));
    expect(result.warnings.join(' ')).not.toMatch(INCOMPLETE);
  });

  it('notices an inner part left open even when the outer message is closed', async () => {
    const whole = readFileSync(corpus('eml', 'mikelmail__raw_email_with_nested_attachment.eml'), 'latin1');
    // Drop only the inner multipart/mixed's closing line: the signed wrapper still closes.
    const innerOpen = whole.replace('--Apple-Mail-41-587703287--\r\n', '');
    expect(innerOpen).not.toBe(whole);
    const path = join(tempDir(), 'inner-open.eml');
    writeFileSync(path, innerOpen, 'latin1');
    const archive = await tempArchive();
    const { result } = await importOne(archive, path);
    expect(result.warnings.join(' ')).toMatch(INCOMPLETE);
  });

  it('leaves complete multipart mail from the corpus without the warning', async () => {
    const archive = await tempArchive();
    for (const name of [
      'mailparser__delivery-status.eml',
      'mailparser__nested.eml',
      'spamassassin__spamassassin_mime9.eml',
    ]) {
      const { result } = await importOne(archive, corpus('eml', name));
      expect(result.warnings.join(' '), name).not.toMatch(INCOMPLETE);
    }
  });
});
