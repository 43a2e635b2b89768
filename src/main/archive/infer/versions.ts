/**
 * Whether two documents are versions of one text, whatever their format. The measure:
 * Jaccard resemblance of the sets of word 5-grams ("shingles") of their normalised words
 * (lower case, letters and digits only, accents kept, a word hyphenated across a line end
 * joined), so line breaks, page furniture spacing, quotes and dashes do not count. Two
 * texts are versions at VERSION_THRESHOLD (0.95) or more. Shingles are hashed to 32 bits;
 * a signature of 128 minimum hashes estimates the same resemblance in constant space, for
 * comparing many documents (20,000 signatures take 10 MB).
 */

export const VERSION_THRESHOLD = 0.95;
const SHINGLE = 5;
const SIGNATURE_SIZE = 128;

/** The words the measure compares. */
export function normalisedWords(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .replace(/(\p{L})-\s*\n\s*(\p{L})/gu, '$1$2')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The hashed shingles of a text (a text shorter than one shingle is one shingle). */
export function shingles(text: string): Set<number> {
  const words = normalisedWords(text);
  const set = new Set<number>();
  if (words.length === 0) return set;
  const n = Math.min(SHINGLE, words.length);
  for (let i = 0; i + n <= words.length; i++) set.add(fnv1a(words.slice(i, i + n).join(' ')));
  return set;
}

/** |A ∩ B| / |A ∪ B| of the two texts' shingles; two empty texts are not versions. */
export function resemblance(a: string, b: string): number {
  const sa = shingles(a);
  const sb = shingles(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  let common = 0;
  for (const h of sa) if (sb.has(h)) common++;
  return common / (sa.size + sb.size - common);
}

export function sameText(a: string, b: string): boolean {
  return resemblance(a, b) >= VERSION_THRESHOLD;
}

/** A MinHash signature: for each of 128 hash functions, the smallest hash of any shingle. */
export function textSignature(text: string): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const h of shingles(text)) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      // A family of hash functions from one: multiply-xor with per-row odd constants.
      const v = (Math.imul(h ^ (0x9e3779b9 * (i + 1)), 0x85ebca6b | 1) ^ (i * 0xc2b2ae35)) >>> 0;
      if (v < (signature[i] ?? 0)) signature[i] = v;
    }
  }
  return signature;
}

/** The share of rows on which two signatures agree: an estimate of resemblance(). */
export function signatureResemblance(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) same++;
  return same / SIGNATURE_SIZE;
}
