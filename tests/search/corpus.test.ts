import { describe, expect, it } from 'vitest';
import { createQuote, getPages, importPaths, search, updateMetadata } from '../../src/main/archive/index.js';
import { corpus, tempArchive } from '../helpers/archive.js';

/** Words (6+ ASCII letters) that occur on exactly one page of the stored text, with that page. */
function singlePageWords(pages: { number: number; text: string }[]): Map<string, number> {
  const seen = new Map<string, Set<number>>();
  for (const p of pages) {
    // Split the way the index does: any character that is not a letter or digit separates words.
    for (const word of p.text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (!/^[a-z]{6,}$/.test(word)) continue;
      seen.set(word, (seen.get(word) ?? new Set()).add(p.number));
    }
  }
  const result = new Map<string, number>();
  for (const [word, on] of seen) if (on.size === 1) result.set(word, [...on][0] ?? 0);
  return result;
}

describe('hits on real documents land on the right page', () => {
  it.each([['pdf-good/pdfplumber__federal-register-2020-17221.pdf'], ['pdf-good/debian__project-history.en.pdf']])(
    '%s',
    async (file) => {
      const a = await tempArchive();
      const [result] = await importPaths(a, [corpus(file)]);
      const id = result?.documentId ?? 0;
      const pages = await getPages(a.db, id);
      const words = [...singlePageWords(pages)];
      // A spread of words across the document, not just its first pages.
      const sample = words.filter((_, i) => i % Math.max(1, Math.floor(words.length / 12)) === 0).slice(0, 12);
      expect(new Set(sample.map(([, page]) => page)).size).toBeGreaterThan(3);
      for (const [word, page] of sample) {
        const found = await search(a.db, word, { kinds: ['page'] });
        expect({ word, pages: found.hits.map((h) => h.page) }).toEqual({ word, pages: [page] });
        expect(found.hits[0]?.snippet.toLowerCase()).toContain(`<mark>${word}</mark>`);
      }
    },
  );
});

describe('page labels from the PDF and from the user', () => {
  it('shows the PDF’s /PageLabels (roman front matter) for quotes and hits, and the user’s offset over them', async () => {
    const a = await tempArchive();
    const [result] = await importPaths(a, [corpus('pdf-good/debian__project-history.en.pdf')]);
    const id = result?.documentId ?? 0;
    // Physical page 3 is printed "iii"; physical page 24 is printed "18".
    const front = await createQuote(a, { documentId: id, text: 'COLLABORATORS', page: 3 });
    expect(front).toMatchObject({ page: 3, pageLabel: 'iii' });
    const died = await createQuote(a, { documentId: id, text: 'the founder of the Debian Project and its community' });
    expect(died).toMatchObject({ page: 24, pageLabel: '18' });
    const hit = (await search(a.db, '"founder of the Debian Project and its community"', { kinds: ['page'] })).hits[0];
    expect(hit).toMatchObject({ page: 24, pageLabel: '18' });
    await updateMetadata(a, id, { pageLabelOffset: 100 });
    expect(
      (await search(a.db, '"founder of the Debian Project and its community"', { kinds: ['quote'] })).hits[0],
    ).toMatchObject({
      page: 24,
      pageLabel: '124',
    });
  });
});
