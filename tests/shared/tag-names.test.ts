/** Tag nesting, one rule for the core and the renderer: the database's, ASCII case only. */
import { describe, expect, it } from 'vitest';
import { addTags, listTags, renameTag } from '../../src/main/archive/index.js';
import { isWithin, sameTag } from '../../src/shared/tag-names.js';
import { tempArchive } from '../helpers/archive.js';
import { addTextDocument } from '../helpers/documents.js';

describe('tag nesting', () => {
  it('tells a tag’s children from look-alikes, ignoring ASCII case only', () => {
    expect(isWithin('agency/PAPD/units', 'agency/PAPD')).toBe(true);
    expect(isWithin('agency/PAPD', 'agency/PAPD')).toBe(true);
    expect(isWithin('agency/PAPDX', 'agency/PAPD')).toBe(false);
    expect(isWithin('agency', 'agency/PAPD')).toBe(false);
    expect(isWithin('AGENCY/papd', 'agency/PAPD')).toBe(true);
    // COLLATE NOCASE folds A-Z only: "Ärzte" and "ärzte" are two tags in the archive.
    expect(isWithin('ärzte/Berlin', 'Ärzte')).toBe(false);
    expect(sameTag('LAPD', 'lapd')).toBe(true);
    expect(sameTag('Ärzte', 'ärzte')).toBe(false);
  });

  it('lets a tag be renamed under a name the database holds apart from it', async () => {
    const a = await tempArchive();
    const doc = await addTextDocument(a, 'Text.');
    await addTags(a, ['Ärzte'], { documentIds: [doc] });
    await expect(renameTag(a, 'agency', 'agency/sub')).rejects.toMatchObject({ code: 'not-found' });
    await renameTag(a, 'Ärzte', 'ärzte/Berlin');
    expect((await listTags(a.db)).map((t) => t.name)).toEqual(['ärzte', 'ärzte/Berlin']);
  });
});
