/**
 * A quote flowed as prose for reading views and prose exports (DOCX, PDF, HTML,
 * Markdown). The stored text keeps the source's own line ends (that is evidence); read
 * as prose, a line end inside a paragraph is a space, a hyphen ending a line inside a
 * word joins the word's parts (the hyphen kept, the line end gone: the anchoring's
 * rule, src/shared/line-ends.ts), and a blank line still separates paragraphs.
 * Only white space changes: every other character is the source's.
 */
import { isLineBreak, lineHyphenEnd } from './line-ends.js';

/** Every kind of line end but the paragraph separator, to be read as "\n". */
const LINE_END = /\r\n?|[\u2028\v\f]/g;
/** Two or more line ends with only white space between them, or a paragraph separator. */
const PARAGRAPH_BREAK = /\n[^\S\n\u2029]*\n\s*|\s*\u2029\s*/;

const SPACE = /\s/;

/** One paragraph's lines flowed into one line. */
function flowLines(paragraph: string): string {
  let out = '';
  let previous = '';
  let i = 0;
  while (i < paragraph.length) {
    const c = paragraph[i] ?? '';
    const joined = lineHyphenEnd(paragraph, i, previous);
    if (joined >= 0) {
      out += c;
      previous = c;
      i = joined;
      continue;
    }
    if (SPACE.test(c)) {
      let j = i;
      let breaks = false;
      while (j < paragraph.length && SPACE.test(paragraph[j] ?? '')) breaks ||= isLineBreak(paragraph[j++]);
      // A line end and the spaces around it read as one space; spaces alone are the source's.
      out += breaks ? ' ' : paragraph.slice(i, j);
      previous = ' ';
      i = j;
      continue;
    }
    out += c;
    previous = c;
    i++;
  }
  return out.trim();
}

/** The quote's paragraphs, each flowed into one line (none empty). */
export function proseParagraphs(text: string): string[] {
  return text
    .replace(LINE_END, '\n')
    .split(PARAGRAPH_BREAK)
    .map(flowLines)
    .filter((p) => p !== '');
}

/** The quote flowed as prose: paragraphs separated by one blank line ("\n\n"). */
export function flowAsProse(text: string): string {
  return proseParagraphs(text).join('\n\n');
}
