/** Taking quotes out of facts when their documents leave the archive for good. */
import { recordHistory } from '../custody.js';
import type { Trx } from '../db/repos/db.js';
import { deleteFactLinks, factLinksOfDocuments } from '../db/repos/facts.js';

/**
 * Takes the quotes of documents about to be deleted for good out of every fact that cites
 * them, in the caller's transaction, with a custody entry per fact naming each quote, its
 * role and its text. Without this the database refuses the deletion (ON DELETE RESTRICT).
 */
export async function releaseFromFacts(trx: Trx, documentIds: readonly number[]): Promise<number> {
  const links = await factLinksOfDocuments(trx, documentIds);
  const byFact = new Map<number, typeof links>();
  for (const link of links) byFact.set(link.fact_id, [...(byFact.get(link.fact_id) ?? []), link]);
  for (const [factId, released] of byFact) {
    await deleteFactLinks(
      trx,
      factId,
      released.map((r) => r.quote_id),
    );
    await recordHistory(trx, {
      action: 'fact-unlink',
      subject: `fact:${factId}`,
      details: {
        reason: 'document deleted for good',
        quotes: released.map((r) => ({ quoteId: r.quote_id, documentId: r.document_id, role: r.role, text: r.text })),
      },
    });
  }
  return links.length;
}
