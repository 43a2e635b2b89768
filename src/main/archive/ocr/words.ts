/**
 * A page's text from Tesseract's blocks: words joined by a space, lines by a newline,
 * paragraphs by a blank line, with each word's place in that text. Empty words are dropped.
 */
import type { Block } from 'tesseract.js';

/** A recognised word: where it stands in the page text, its box in image pixels, its confidence (0..100). */
export interface RecognisedWord {
  start: number;
  length: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  confidence: number;
}

export function pageTextFromBlocks(blocks: readonly Block[]): {
  text: string;
  words: RecognisedWord[];
  meanConfidence: number;
} {
  let text = '';
  const words: RecognisedWord[] = [];
  const paragraphs = blocks.flatMap((b) => b.paragraphs);
  for (const paragraph of paragraphs) {
    const lines = paragraph.lines.map((l) => l.words.filter((w) => w.text.trim() !== '')).filter((l) => l.length > 0);
    if (lines.length === 0) continue;
    if (text !== '') text += '\n\n';
    for (const [i, line] of lines.entries()) {
      if (i > 0) text += '\n';
      for (const [j, word] of line.entries()) {
        if (j > 0) text += ' ';
        const str = word.text.trim();
        const { x0, y0, x1, y1 } = word.bbox;
        words.push({ start: text.length, length: str.length, x0, y0, x1, y1, confidence: word.confidence });
        text += str;
      }
    }
  }
  const meanConfidence = words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : 0;
  return { text, words, meanConfidence: Math.round(meanConfidence * 10) / 10 };
}
