/**
 * Undoing a tag deletion: the tags come back with their colour and description, on every
 * document and quote that still exists, in one transaction with one custody entry.
 */
import type { Archive } from '../archive.js';
import { recordHistory } from '../custody.js';
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
      await trx
        .updateTable('tags')
        .set({
          color: tag.color ?? normalizeColor(t.color),
          description: tag.description ?? (t.description?.trim() || null),
        })
        .where('id', '=', tag.id)
        .execute();
      // Items deleted since (a document emptied from the trash, a quote) stay without it.
      const documents = t.documentIds.length
        ? (
            await trx
              .selectFrom('documents')
              .select('id')
              .where('id', 'in', [...t.documentIds])
              .execute()
          ).map((r) => r.id)
        : [];
      const quotes = t.quoteIds.length
        ? (
            await trx
              .selectFrom('quotes')
              .select('id')
              .where('id', 'in', [...t.quoteIds])
              .execute()
          ).map((r) => r.id)
        : [];
      for (const documentId of documents) {
        const r = await trx
          .insertInto('document_tags')
          .values({ document_id: documentId, tag_id: tag.id })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        links += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
      for (const quoteId of quotes) {
        const r = await trx
          .insertInto('quote_tags')
          .values({ quote_id: quoteId, tag_id: tag.id })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        links += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
      restored.push(name);
      touched.push(...objectKeys({ documentIds: documents, quoteIds: quotes }));
    }
    await recordHistory(trx, {
      action: 'tag-restore',
      subject: restored[0] ? `tag:${restored[0]}` : null,
      details: { tags: tags.map((t) => ({ name: t.name, documentIds: t.documentIds, quoteIds: t.quoteIds })), links },
      touched,
    });
    return links;
  });
}
