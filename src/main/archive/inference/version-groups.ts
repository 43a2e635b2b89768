/**
 * Grouping a document with its versions: documents whose texts resemble at VERSION_THRESHOLD
 * or more (the MinHash estimate of the Jaccard resemblance of word 5-gram shingles,
 * infer/versions.ts), whatever their format. Candidates come from locality-sensitive
 * hashing: the first 64 of the signature's 128 values are cut into 8 bands of 8, each band
 * hashed; two documents sharing a band are compared on all 128. Two texts at resemblance
 * 0.95 share a band with probability 1 − (1 − 0.95⁸)⁸ > 0.9998, at 0.9 0.99, at 0.5 3%, so
 * a new document is compared with a handful of others, not with every document in the
 * archive. Eight bands, not sixteen: each band is a row written at import, in an index
 * that grows with the archive.
 */
import type { Trx } from '../db/repos/db.js';
import { setVersionGroup, versionGroupsOf } from '../db/repos/documents.js';
import { bandKeys } from '../db/repos/signature-bands.js';
import { putSignature, signaturesOf } from '../db/repos/text-signatures.js';
import { signatureResemblance, textSignature, VERSION_THRESHOLD } from '../infer/index.js';

const BANDS = 8;
const ROWS = 8;

/** One 31-bit hash per band (FNV-1a over the band's values), so it fits SQLite's integer as is. */
export function bandHashes(signature: Uint32Array): number[] {
  if (signature.every((v) => v === 0xffffffff)) return [];
  const hashes: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let hash = 0x811c9dc5;
    for (let row = 0; row < ROWS; row++) {
      const value = signature[band * ROWS + row] ?? 0;
      for (let shift = 0; shift < 32; shift += 8) {
        hash ^= (value >>> shift) & 0xff;
        hash = Math.imul(hash, 0x01000193);
      }
    }
    hashes.push(hash >>> 1);
  }
  return hashes;
}

/** The MinHash signature of a document's text, its pages joined as they are searched. */
export const pagesSignature = (pageTexts: readonly string[]): Uint32Array => textSignature(pageTexts.join('\n'));

/**
 * Stores (or replaces) a document's signature and puts it in the group of its closest version, if any.
 * Returns the group's id, or null. Runs in the caller's transaction.
 */
export async function groupVersions(trx: Trx, documentId: number, signature: Uint32Array): Promise<number | null> {
  const bands = bandHashes(signature);
  const candidates = await putSignature(trx, documentId, signature, bandKeys(bands));
  if (candidates.length === 0) return null;
  let best: { id: number; resemblance: number } | null = null;
  for (const [id, other] of await signaturesOf(trx, candidates)) {
    const resemblance = signatureResemblance(signature, other);
    if (resemblance >= VERSION_THRESHOLD && (!best || resemblance > best.resemblance)) best = { id, resemblance };
  }
  if (!best) return null;
  const group = (await versionGroupsOf(trx, [best.id])).get(best.id) ?? Math.min(best.id, documentId);
  await setVersionGroup(trx, [best.id, documentId], group);
  return group;
}
