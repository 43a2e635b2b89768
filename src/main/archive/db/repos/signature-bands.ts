/**
 * The signature_bands table: locality-sensitive hashing over the documents' signatures.
 * Two documents sharing any band's key are candidates for versions; the primary key's
 * index finds them without comparing a new document with every other. Its rows are written
 * by triggers on text_signatures (migration 0006), from the band keys stored with a signature,
 * and read by the statement that stores one (text-signatures.ts).
 */

/** band × 2³² + hash: the band and its 31-bit hash in one integer, well within 2⁵³. */
export const bandKeys = (bandHashes: readonly number[]): number[] =>
  bandHashes.map((hash, band) => band * 2 ** 32 + hash);
