/** Migration 0009 (facts) on an archive written at schema 8: everything kept, facts usable, check clean. */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchive, listDocuments, listQuotes, openArchive } from '../../src/main/archive/index.js';
import { createFact, listFacts } from '../../src/main/archive/facts/facts.js';
import { ROOT, tempDir } from '../helpers/archive.js';

describe('migration facts', () => {
  it('upgrades a schema-8 archive: its documents and quotes kept, facts stored and checked', async () => {
    const path = join(tempDir(), 'old.exhibit');
    copyFileSync(join(ROOT, 'tests/fixtures/archives/schema-8.exhibit'), path);
    const archive = await openArchive(path, { mode: 'write' });
    try {
      expect((await listDocuments(archive.db)).length).toBeGreaterThan(0);
      const [quote] = await listQuotes(archive.db);
      expect(await listFacts(archive.db)).toEqual([]);
      const fact = await createFact(archive, {
        date: '2020-11-13',
        statement: 'The interim ban took effect.',
        quotes: [{ quoteId: quote?.id ?? 0, role: 'supports' }],
      });
      expect(fact.unsupported).toBe(false);
      expect((await checkArchive(archive)).problems).toEqual([]);
    } finally {
      await archive.close();
    }
  });
});
