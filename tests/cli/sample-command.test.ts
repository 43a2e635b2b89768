import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/shared/document.js';
import { MEMO_DIRECTIVE, MEMO_PASSAGE, type CaseManifest } from '../../resources/sample-case/generate/story.js';
import { ROOT, tempDir } from '../helpers/archive.js';

interface Result {
  path: string;
  status: 'imported' | 'duplicate' | 'failed';
  documentId: number | null;
  error: string | null;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'resources/sample-case/case.json'), 'utf8')) as CaseManifest;

function exhibit(archive: string, ...args: string[]): { code: number; json: unknown; stderr: string } {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/exhibit.js'), '--archive', archive, ...args, '--json'], {
    encoding: 'utf8',
    cwd: tempDir(),
  });
  return { code: run.status ?? -1, json: run.stdout ? JSON.parse(run.stdout) : null, stderr: run.stderr };
}

const flat = (text: string) => text.replace(/\s+/g, ' ');
/** Case, punctuation and spacing aside: how a reader recognizes a quoted passage. */
const loose = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Until the HTML, DOCX and email importers land (issue 2, another branch), their
 * placeholders refuse with "… import is not available yet": those files are the only
 * failures this test lets through, and it says so. Once they land, nothing is pending.
 */
const PENDING = /import is not available yet$/;

describe('exhibit sample', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'out/cli/exhibit.js'))) throw new Error('build the CLI first: npm run build:cli');
  });

  it('imports the case with the manifest’s types and metadata, and only duplicates the second time', () => {
    const archive = join(tempDir(), 'case.exhibit');
    const first = exhibit(archive, 'sample');
    const results = (first.json as { results: Result[] }).results;
    const pending = results.filter((r) => r.status === 'failed' && PENDING.test(r.error ?? ''));
    if (pending.length)
      console.warn(`importers not yet on this branch; pending: ${pending.map((r) => r.error).join(' | ')}`);
    expect(results.filter((r) => r.status === 'failed' && !pending.includes(r))).toEqual([]);
    expect(first.code).toBe(pending.length ? 1 : 0);

    const imported = results.filter((r) => r.status === 'imported');
    if (pending.length === 0) expect(imported.length).toBeGreaterThanOrEqual(6);
    const docs = (exhibit(archive, 'docs').json as { documents: DocumentRecord[] }).documents;
    expect(docs).toHaveLength(imported.length);
    for (const [key, entry] of Object.entries(manifest.documents)) {
      const fileName = key.split('#').at(-1);
      const doc = docs.find((d) => d.fileName === fileName);
      if (!doc && pending.some((r) => r.path.endsWith(key.split('#')[0] ?? key))) continue;
      expect(doc, key).toBeDefined();
      expect(
        { type: doc?.type, title: doc?.title, authors: doc?.authors, date: doc?.date, organization: doc?.organization },
        key,
      ).toEqual({
        type: entry.type,
        title: entry.title,
        authors: entry.authors,
        date: entry.date,
        organization: entry.organization,
      });
    }
    for (const type of ['memo', 'article']) expect(docs.map((d) => d.type)).toContain(type);
    if (pending.length === 0)
      for (const type of ['letter', 'statement']) expect(docs.map((d) => d.type)).toContain(type);

    const again = exhibit(archive, 'sample');
    const second = (again.json as { results: Result[] }).results;
    expect(second.filter((r) => r.status === 'imported')).toEqual([]);
    const duplicates = second.filter((r) => r.status === 'duplicate');
    // Attachments are not reported again: their email is a duplicate as a whole.
    expect(duplicates.map((r) => r.documentId).sort()).toEqual(
      imported
        .filter((r) => !r.path.includes('#'))
        .map((r) => r.documentId)
        .sort(),
    );
    expect((exhibit(archive, 'docs').json as { documents: unknown[] }).documents).toHaveLength(docs.length);
  });

  it('keeps the memo’s two pages apart: the directive is on page 2, the quoted passage on page 1', () => {
    const archive = join(tempDir(), 'case.exhibit');
    exhibit(archive, 'sample');
    const docs = (exhibit(archive, 'docs').json as { documents: DocumentRecord[] }).documents;
    const memo = docs.find((d) => d.type === 'memo');
    expect(memo?.pageCount).toBe(2);
    const page = (n: number) =>
      flat(
        (exhibit(archive, 'show', String(memo?.id), '--page', String(n)).json as { pages: { text: string }[] }).pages[0]
          ?.text ?? '',
      );
    expect(page(2)).toContain(MEMO_DIRECTIVE);
    expect(page(1)).not.toContain(MEMO_DIRECTIVE);
    expect(page(1)).toContain(MEMO_PASSAGE);

    // "Where else does this passage appear?": every other document but the fact sheet quotes it, nearly verbatim.
    const fragment = loose('has not evaluated the accuracy, data security or legal basis');
    const quoting = docs.filter((d) => {
      const shown = exhibit(archive, 'show', String(d.id)).json as { pages: { text: string }[] };
      return loose(shown.pages.map((p) => p.text).join(' ')).includes(fragment);
    });
    expect(quoting.length).toBe(docs.filter((d) => d.type !== 'other').length);
    expect(quoting.length).toBeGreaterThanOrEqual(2);
  });
});
