/**
 * Work on a document's face that several rules need, done once per document: the head's
 * end, the lower-cased top of the page, and the dates near the top (chrono is the largest
 * single cost of inference, and four date rules read the same stretch). Kept beside the
 * input it was computed from, and dropped with it.
 */
import { headEnd } from './head.js';
import { datesIn, type FoundDate } from './read-date.js';
import { faceText, type InferInput } from './types.js';

/** How far into the first page the shared dates are read: past a site's navigation. */
export const TOP_CHARS = 4000;

export interface Face {
  text: string;
  /** Where the head (the first HEAD_CHARS characters of writing) ends. */
  headEnd: number;
  /** Every date in the top of the page (TOP_CHARS, or the head if longer), in order. */
  topDates: FoundDate[];
  /** The top of the page lower-cased, or null where lower-casing changes its length (offsets would not match). */
  lowerTop: string | null;
}

const RELEASE_WORDS = /for immediate release|news release|press release|embargoed until/;

const faces = new WeakMap<InferInput, Face>();

export function faceOf(input: InferInput): Face {
  const cached = faces.get(input);
  if (cached) return cached;
  const text = faceText(input);
  const end = headEnd(text);
  const top = text.slice(0, Math.max(TOP_CHARS, end));
  const lower = top.toLowerCase();
  // Past the head, the rules read only dates that open or close a line (a date alone, a
  // listing's items) or follow a release's words: other stretches are not parsed.
  const release = lower.search(RELEASE_WORDS);
  const wanted = (from: number, to: number) =>
    from < end || (release >= 0 && from < release + 120 && to > release) || top.slice(from, to).search(/[\n\t]/) >= 0;
  const face = {
    text,
    headEnd: end,
    topDates: datesIn(top, wanted),
    lowerTop: lower.length === top.length ? lower : null,
  };
  faces.set(input, face);
  return face;
}

/** The dates of the top that lie wholly within [from, to). */
export function datesBetween(face: Face, from: number, to: number): FoundDate[] {
  return face.topDates.filter((d) => d.index >= from && d.index + d.length <= to);
}
