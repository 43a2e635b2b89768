/**
 * The text being written out of a page, with the white space between pieces decided
 * lazily: blocks ask for a separation and the widest one asked for is written only when
 * more text follows, so no page starts or ends with blank lines and runs never pile up.
 */
import { stripControls } from './decode-text.js';

/** Separation pending before the next text: none, a space, a tab, a line break, a blank line. */
const GAP_TEXT = ['', ' ', '\t', '\n', '\n\n'] as const;
export type Gap = 0 | 1 | 2 | 3 | 4;
export const SPACE: Gap = 1;
export const TAB: Gap = 2;
export const LINE: Gap = 3;
export const PARAGRAPH: Gap = 4;

/** One line of text with every run of white space (no-break spaces too) made one space. */
export function collapseWhitespace(text: string): string {
  return stripControls(text)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

export class SpacedText {
  private readonly out: string[] = [];
  private written = false;
  private gap: Gap = 0;

  /** The text written so far, trailing blanks and runs of blank lines trimmed. */
  text(): string {
    return this.out
      .join('')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }

  /** Asks for at least `level` of separation before the next text. */
  separate(level: Gap): void {
    if (level > this.gap) this.gap = level;
  }

  /** A <br>: a line break now, unless nothing has been written yet. */
  lineBreak(): void {
    if (!this.written) return;
    if (this.gap >= LINE) this.out.push(GAP_TEXT[this.gap]);
    this.gap = 0;
    this.out.push('\n');
  }

  /** Text inside <pre> and its kin: white space kept as written, line ends made \n. */
  writePreformatted(raw: string): void {
    this.emit(stripControls(raw).replace(/\r\n?/g, '\n'));
  }

  /** Ordinary text: runs of white space become one space, and a space at either edge a pending gap. */
  writeFlowing(raw: string): void {
    const text = stripControls(raw).replace(/[\s\u00a0]+/g, ' ');
    if (text === ' ') {
      this.separate(SPACE);
      return;
    }
    if (text.startsWith(' ')) this.separate(SPACE);
    this.emit(text.trim());
    if (text.endsWith(' ')) this.separate(SPACE);
  }

  private emit(text: string): void {
    if (text === '') return;
    if (this.written && this.gap !== 0) this.out.push(GAP_TEXT[this.gap]);
    this.gap = 0;
    this.out.push(text);
    this.written = true;
  }
}
