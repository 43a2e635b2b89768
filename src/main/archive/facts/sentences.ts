/**
 * A page's text cut into sentences, each with its offsets in the page, for suggesting
 * facts. A sentence ends at ".", "!" or "?" before white space and a capital, a digit or
 * an opening quote, or at a blank line; a line break alone (a PDF's line end) does not
 * end one. Abbreviations that commonly end in a dot ("Mr.", "Jan.", "No.") do not either.
 */

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Words whose dot is no sentence end, lower-cased. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st sen rep gov gen lt col sgt capt det jr sr inc corp co ltd no vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s a.m p.m e.g i.e'.split(
    ' ',
  ),
);

const BREAK = /([.!?])["”’)\]]*(?=\s+["“‘(]?[A-Z0-9])|\n[ \t]*\n/g;
/** A memo's or letter's labelled line: "DATE: November 13, 2020", "TO: All personnel". */
const LABEL = /^[ \t]*[A-Z][A-Za-z]{0,15}(?: [A-Z][A-Za-z]{0,15}){0,2}:/;

/**
 * Whether the line break at `at` ends a sentence: the line before is a labelled line, or
 * ends on a capital or a digit (a heading, a byline's date) and a capital follows. A line
 * that wraps a sentence ends on a small letter or a comma.
 */
function lineBreakEnds(text: string, lineStart: number, at: number): boolean {
  const next = text.slice(at + 1, at + 40);
  if (!/^[ \t]*["“‘(]?[A-Z0-9]/.test(next)) return false;
  const line = text.slice(lineStart, at);
  return LABEL.test(line) || LABEL.test(next) || /[A-Z0-9][ \t]*$/.test(line);
}

/** Where sentences end in `text`: after the end mark, or at the line break. */
function breaksOf(text: string): number[] {
  const ends: number[] = [];
  for (const m of text.matchAll(BREAK)) {
    if (m[1] === '.') {
      const word = /([\w.]+)$/.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1]?.toLowerCase() ?? '';
      // "Mr." or a single initial ("Eleanor M. Vance") does not end a sentence.
      if (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word)) continue;
    }
    ends.push(m[1] ? m.index + m[0].length : m.index);
  }
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    if (lineBreakEnds(text, lineStart, at)) ends.push(at);
    lineStart = at + 1;
  }
  return [...new Set(ends)].sort((a, b) => a - b);
}

/** The sentences of `text`, trimmed, in order. */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  for (const end of [...breaksOf(text), text.length]) {
    let s = from;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    from = Math.max(from, end);
  }
  return out;
}
