/**
 * Undoing a tag deletion: the tags come back with their colour and description, on every
 * document and quote that still exists, in one transaction with one custody entry.
 */
import type { Archive } from '../archive.js';
import { recordHistory } from '../custody.js';
import { existingDocumentIds } from '../db/repos/documents.js';
import { existingFactIds, linkFactTag } from '../db/repos/facts.js';
import { existingQuoteIds } from '../db/repos/quotes.js';
import { linkTag } from '../db/repos/tag-links.js';
import { setTagLooks } from '../db/repos/tags.js';
import { objectKeys, type ObjectKey } from '../state-hash.js';
import { ensureTags, findTag, type DeletedTagDetail } from './tags.js';
import { normalizeColor, normalizeTagName } from './names.js';

/** Puts deleted tags back (what deleteTag's `detail` listed); returns how many links came back. */
export async function restoreTags(archive: Archive, tags: readonly DeletedTagDetail[]): Promise<number> {
  return archive.db.transaction().execute(async (trx) => {
    let links = 0;
    const restored: string[] = [];
    const touched: ObjectKey[] = [];
    for (const t of tags) {
      const name = normalizeTagName(t.name);
      await ensureTags(trx, [name]);
      const tag = await findTag(trx, name);
      if (!tag) continue;
      await setTagLooks(trx, tag.id, {
        color: tag.color ?? normalizeColor(t.color),
        description: tag.description ?? (t.description?.trim() || null),
      });
      // Items deleted since (a document emptied from the trash, a quote) stay without it.
      const documents = await existingDocumentIds(trx, t.documentIds);
      const quotes = t.quoteIds.length ? await existingQuoteIds(trx, t.quoteIds) : [];
      for (const documentId of documents) if (await linkTag(trx, 'document', documentId, tag.id)) links++;
      for (const quoteId of quotes) if (await linkTag(trx, 'quote', quoteId, tag.id)) links++;
      const facts = await existingFactIds(trx, t.factIds ?? []);
      for (const factId of facts) if (await linkFactTag(trx, factId, tag.id)) links++;
      restored.push(name);
      touched.push(...objectKeys({ documentIds: documents, quoteIds: quotes, factIds: facts }));
    }
    await recordHistory(trx, {
      action: 'tag-restore',
      subject: restored[0] ? `tag:${restored[0]}` : null,
      details: {
        tags: tags.map((t) => ({
          name: t.name,
          documentIds: t.documentIds,
          quoteIds: t.quoteIds,
          factIds: t.factIds ?? [],
        })),
        links,
      },
      touched,
    });
    return links;
  });
}
