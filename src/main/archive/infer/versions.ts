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

/** A 32-bit hash of a word (FNV-1a over its UTF-16 units). */
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finaliser: every input bit moves every output bit. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Calls `visit` with the hash of each shingle of the text (a text shorter than one shingle
 * is one shingle), combining its words' hashes in order rather than joining the words into
 * a string: import reads every document's shingles, and strings cost more than the hashing.
 */
function eachShingle(text: string, visit: (hash: number) => void): void {
  const words = normalisedWords(text).map(wordHash);
  if (words.length === 0) return;
  const n = Math.min(SHINGLE, words.length);
  for (let i = 0; i + n <= words.length; i++) {
    let hash = 0;
    for (let k = 0; k < n; k++) hash = Math.imul((hash << 5) | (hash >>> 27), 0x9e3779b1) ^ (words[i + k] ?? 0);
    visit(mix(hash));
  }
}

/** The hashed shingles of a text. */
export function shingles(text: string): Set<number> {
  const set = new Set<number>();
  eachShingle(text, (hash) => set.add(hash));
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

const EMPTY = 0xffffffff;
const BIN_BITS = Math.log2(SIGNATURE_SIZE);

/**
 * A MinHash signature by one-permutation hashing with optimal densification (Shrivastava,
 * ICML 2017): each shingle is hashed once, its hash's top bits pick one of 128 bins and the
 * bin keeps the smallest of the rest; an empty bin (a text of few shingles) takes the value
 * of the first filled bin met along a probe sequence fixed by its own number, the same for
 * every text. Equal bins estimate the Jaccard resemblance as 128 independent minimum hashes
 * do, for one hash per shingle instead of 128.
 */
export function textSignature(text: string): Uint32Array {
  const bins = new Uint32Array(SIGNATURE_SIZE).fill(EMPTY);
  eachShingle(text, (hash) => {
    const bin = hash >>> (32 - BIN_BITS);
    const value = Math.min(mix(hash ^ 0x9e3779b9), EMPTY - 1);
    if (value < (bins[bin] ?? EMPTY)) bins[bin] = value;
  });
  if (bins.every((v) => v === EMPTY)) return bins;
  const signature = bins.slice();
  for (let bin = 0; bin < SIGNATURE_SIZE; bin++) {
    for (let attempt = 1; signature[bin] === EMPTY; attempt++) {
      const from = mix(Math.imul(bin + 1, 0x27d4eb2f) ^ attempt) >>> (32 - BIN_BITS);
      signature[bin] = bins[from] ?? EMPTY;
    }
  }
  return signature;
}

/** The share of rows on which two signatures agree: an estimate of resemblance(). */
export function signatureResemblance(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i] && a[i] !== EMPTY) same++;
  return same / SIGNATURE_SIZE;
}
