/**
 * The rows that find a document's versions follow its signature: re-reading a document
 * replaces them, emptying the trash removes them, and nothing is left behind for a
 * document the archive no longer holds.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { emptyTrash, importBytes, trashDocument } from '../../src/main/archive/index.js';
import { reinferDocument } from '../../src/main/archive/inference/reinfer.js';
import { tempArchive } from '../helpers/archive.js';

const RELEASE = `FOR IMMEDIATE RELEASE
March 3, 2008
Senator Announces Funding for Rural Water Systems
WASHINGTON, D.C. -- The Senator today announced that the Department of Agriculture has awarded
grants to rural water systems across the state, bringing clean drinking water to families in
small towns that have waited years for repairs to aging pipes and treatment plants.`;

describe('signature bands', () => {
  it('are replaced on re-reading and removed with the document', async () => {
    const archive = await tempArchive();
    const bands = async (id: number) =>
      (
        await sql<{
          n: number;
        }>`SELECT count(*) AS n FROM signature_bands WHERE document_id = ${id}`.execute(archive.db)
      ).rows[0]?.n;
    const [first] = await importBytes(archive, new TextEncoder().encode(RELEASE), 'release.txt');
    const [second] = await importBytes(archive, new TextEncoder().encode(`${RELEASE}\n`), 'release-copy.txt');
    const a = first!.documentId!;
    const b = second!.documentId!;
    expect(await bands(a)).toBe(8);
    await reinferDocument(archive, a);
    expect(await bands(a)).toBe(8);
    await trashDocument(archive, a);
    expect(await emptyTrash(archive)).toBe(1);
    expect(await bands(a)).toBe(0);
    expect(await bands(b)).toBe(8);
  });
});
