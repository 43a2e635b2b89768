/**
 * Linking across the archive (entity-store/link.ts): a surname alone joins the one full name
 * of its family, an ambiguous one stays apart with suggestions, and a document naming a new
 * full name that takes in a surname entity, beside a second full name of that family, links
 * every mention to an entity that exists (seen failing on 16 of the 20,000 bench releases).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/main/archive/entity-store/extract.js';
import { getEntity, listEntities } from '../../src/main/archive/entity-store/read.js';
import { importPaths } from '../../src/main/archive/import/import-files.js';
import { tempArchive } from '../helpers/archive.js';

async function archiveWith(texts: string[]) {
  const archive = await tempArchive();
  const paths = texts.map((text, i) => {
    const path = join(archive.dir, `note-${i + 1}.txt`);
    writeFileSync(path, text);
    return path;
  });
  const results = await importPaths(archive, paths, { infer: false });
  return { archive, ids: results.map((r) => r.documentId ?? 0) };
}

describe('linking people across the archive', () => {
  it('gives a surname alone to the one full name of that family in the archive', async () => {
    const { archive } = await archiveWith([
      'The spokesman, Mr. Pell, declined to comment on the contract.',
      'The company was founded by Jonah Pell in 2017.',
    ]);
    const report = await extractEntities(archive);
    expect(report.failures).toEqual([]);
    const people = await listEntities(archive.db, { type: 'person' });
    expect(people.map((p) => p.name)).toEqual(['Jonah Pell']);
    expect(people[0]).toMatchObject({ aliases: ['Pell'], documents: 2 });
  });

  it('keeps an ambiguous surname apart, with suggestions, and links every mention to an entity that exists', async () => {
    const { archive, ids } = await archiveWith([
      'The spokesman, Mr. Pell, declined to comment on the contract.',
      'The letter was signed by Jonah Pell and by Mara Pell. Asked about it, Mr. Pell declined to comment.',
    ]);
    const report = await extractEntities(archive);
    expect(report.failures).toEqual([]);
    const people = await listEntities(archive.db, { type: 'person' });
    expect(people.map((p) => p.name).sort()).toEqual(['Jonah Pell', 'Mara Pell', 'Pell']);
    // The second document's "Mr. Pell" could be either: it stays apart, offered as a merge with both.
    const pell = people.find((p) => p.name === 'Pell');
    const detail = await getEntity(archive.db, pell?.id ?? 0);
    expect(detail.documentList.map((d) => d.id)).toEqual([ids[1]]);
    expect(detail.suggestions.map((s) => s.name).sort()).toEqual(['Jonah Pell', 'Mara Pell']);
  });
});
