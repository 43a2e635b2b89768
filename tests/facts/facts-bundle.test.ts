/** A chronology inside an evidence bundle: facts in the manifest, and verify covering every quote a fact cites. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFact } from '../../src/main/archive/facts/facts.js';
import { exportFactsFromArchive } from '../../src/main/archive/export/export-facts.js';
import { verifyBundle } from '../../src/main/archive/export/verify.js';
import { tempDir } from '../helpers/archive.js';
import { caseArchive } from '../helpers/case-quotes.js';
import { unzip } from '../helpers/readers.js';
import { repack } from '../helpers/signing.js';

describe('a chronology bundle', () => {
  it('lists the facts with their sources, verifies, and names a fact whose quote is missing', async () => {
    const c = await caseArchive();
    const [first, second] = c.quotes;
    const fact = await createFact(c.archive, {
      date: '2020-11-13',
      statement: 'The memo took effect.',
      quotes: [
        { quoteId: first?.id ?? 0, role: 'supports' },
        { quoteId: second?.id ?? 0, role: 'contradicts' },
      ],
    });
    const path = join(tempDir(), 'chronology.zip');
    const made = await exportFactsFromArchive(c.archive, {}, path, { format: 'bundle', style: 'chicago' });
    expect([made.facts, made.quotes]).toEqual([1, 2]);
    const good = await verifyBundle(path);
    expect(good.problems).toEqual([]);
    const manifest = JSON.parse((await unzip(path)).entries.get('manifest.json')?.toString() ?? '{}') as {
      facts: unknown[];
      quotes: { id: number }[];
    };
    expect(manifest.facts).toEqual([
      expect.objectContaining({
        id: fact.id,
        date: '2020-11-13',
        sources: [
          { quoteId: first?.id, role: 'supports' },
          { quoteId: second?.id, role: 'contradicts' },
        ],
      }),
    ]);

    // The contradicting quote taken out of the manifest: the fact no longer stands on the bundle.
    const cut = await repack(path, join(tempDir(), 'cut.zip'), (entries) => {
      const edited = { ...manifest, quotes: manifest.quotes.filter((q) => q.id !== second?.id) };
      entries.set('manifest.json', Buffer.from(JSON.stringify(edited, null, 2)));
    });
    const report = await verifyBundle(cut);
    expect(report.problems.filter((p) => p.kind === 'fact')).toEqual([
      {
        kind: 'fact',
        quoteId: second?.id,
        message: `fact ${fact.id} (2020-11-13): cites quote ${second?.id}, which is not in the bundle`,
      },
    ]);
  });
});
