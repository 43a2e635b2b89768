import { describe, expect, it } from 'vitest';
import { createQuote, quoteSources, trashDocument } from '../../src/main/archive/index.js';
import { tempArchive } from '../helpers/archive.js';
import { addTextDocument } from '../helpers/documents.js';

const PASSAGE =
  'Officers did not use facial recognition technology at any point during the demonstrations on Friday, the department said.';

describe('where else a passage appears', () => {
  it('lists other documents holding it exactly or nearly, with page and similarity, most similar first', async () => {
    const a = await tempArchive();
    const origin = await addTextDocument(a, `Press release.\n${PASSAGE}\nEnds.`, { title: 'Release' });
    const rewrapped = await addTextDocument(
      a,
      [
        'Cover page.',
        `Wire copy: Officers did not use facial\nrecognition technology at any point during the\ndemonstrations on Friday, the department said.`,
      ],
      { title: 'Wire' },
    );
    const dropped = await addTextDocument(
      a,
      `Report. Officers did not use facial recognition technology at any point during the demonstrations, the department said.`,
      { title: 'Report' },
    );
    const split = await addTextDocument(
      a,
      [
        'Some lines. Officers did not use facial recognition',
        'technology at any point during the demonstrations on Friday, the department said. More.',
      ],
      { title: 'Split' },
    );
    await addTextDocument(
      a,
      'The department said officers used technology on Friday during demonstrations at one point.',
      { title: 'Unrelated' },
    );
    const trashed = await addTextDocument(a, PASSAGE, { title: 'Trashed copy' });
    await trashDocument(a, trashed);

    const q = await createQuote(a, { documentId: origin, text: PASSAGE });
    const sources = await quoteSources(a.db, q.id);
    expect(sources.map((s) => [s.documentId, s.page, s.pageEnd])).toEqual([
      [rewrapped, 2, 2],
      [split, 1, 2],
      [dropped, 1, 1],
    ]);
    expect(sources[0]?.similarity).toBe(1);
    expect(sources[1]?.similarity).toBe(1);
    // "on Friday" dropped: 2 words of 18.
    expect(sources[2]?.similarity).toBeCloseTo(1 - 2 / 18, 3);
    expect(sources[0]?.title).toBe('Wire');
    expect(sources[0]?.text.startsWith('Officers did not use facial\nrecognition')).toBe(true);
    expect(sources[1]?.text).toContain('recognition\ntechnology');

    // A stricter threshold leaves out the near match.
    expect((await quoteSources(a.db, q.id, { minSimilarity: 0.95 })).map((s) => s.documentId)).toEqual([
      rewrapped,
      split,
    ]);
  });

  it('finds nothing when no other document has the passage', async () => {
    const a = await tempArchive();
    const doc = await addTextDocument(a, PASSAGE);
    await addTextDocument(a, 'Something else entirely about budgets.');
    const q = await createQuote(a, { documentId: doc, text: 'facial recognition technology' });
    expect(await quoteSources(a.db, q.id)).toEqual([]);
  });
});
