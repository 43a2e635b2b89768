/**
 * A page that lists dated items (a newsroom's index of releases, a news list): its dates
 * are its items', not its own, and it is not itself a release. Told by its structure: many
 * lines near the top that are an item's title with a date at its start or end, and no lead
 * paragraph before them.
 */
import { faceOf, TOP_CHARS } from './face-cache.js';
import type { InferInput } from './types.js';

/** A date in digits with a two- or four-digit year: "04/30/13", "4.30.2013". */
const DIGIT_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b|\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})$/;
/** How many dated item lines make a listing, and how long a line may be before it is a paragraph. */
const ITEMS = 5;
const PARAGRAPH = 200;

const listings = new WeakMap<InferInput, boolean>();

export function isListing(input: InferInput): boolean {
  const known = listings.get(input);
  if (known !== undefined) return known;
  const face = faceOf(input);
  const top = face.text.slice(0, TOP_CHARS);
  let items = 0;
  const values = new Set<string>();
  let dates = 0;
  let start = 0;
  let listing = false;
  while (start < top.length && !listing) {
    const end = top.indexOf('\n', start) < 0 ? top.length : top.indexOf('\n', start);
    const line = top.slice(start, end).trim();
    if (line.length > PARAGRAPH) break;
    // The dates of the top that open or close this line, beside at least three words of an item's title.
    while (dates < face.topDates.length && (face.topDates[dates]?.index ?? Infinity) < start) dates++;
    let dated: string | null = DIGIT_DATE.exec(line)?.[0] ?? null;
    for (let d = dates; d < face.topDates.length && (face.topDates[d]?.index ?? Infinity) < end; d++) {
      const found = face.topDates[d];
      if (!found) break;
      const before = top.slice(start, found.index).trim();
      const after = top.slice(found.index + found.length, end).trim();
      if (before === '' || after === '') dated = found.value;
    }
    const words = line.split(/\s+/).length;
    if (dated && words >= 5) {
      items++;
      values.add(dated);
      listing = items >= ITEMS && values.size >= 3;
    }
    start = end + 1;
  }
  listings.set(input, listing);
  return listing;
}
