/**
 * Readable text out of HTML with htmlparser2's tokenizer. No DOM and no element stack are
 * kept (htmlparser2's Parser shifts an array per element, quadratic in nesting depth):
 * counters say whether we are inside a dropped element, so 100,000 nested elements cost
 * linear time and no recursion. Scripts, styles, embedded content and attributes never
 * reach the text; block elements become line breaks. Nothing is ever fetched: links,
 * images and frames are only names here.
 */
import { Tokenizer, type QuoteType, type TokenizerCallbacks } from 'htmlparser2';
import { BREAKOUT, FOREIGN, HEAD_CONTENT, PREFORMATTED, SKIPPED, blockGap } from './html-element-kinds.js';
import { OpenElementCounter } from './open-element-counter.js';
import { endsDoubleEscaped } from './script-end.js';
import { SpacedText, collapseWhitespace } from './spaced-text.js';

const MAX_TITLE = 500;
const MAX_META = 2000;
const MAX_ATTRIBUTE = 64 * 1024;

/** A page's readable text and what it says of itself, for the importers to turn into metadata. */
export interface HtmlText {
  text: string;
  /** The first <title>, white space collapsed. */
  title: string | null;
  /** The first non-empty <h1>, white space collapsed. */
  firstHeading: string | null;
  /** <meta> content by lower-cased name, property or itemprop (first one wins). */
  meta: Map<string, string>;
  /** <link rel="canonical"> href. */
  canonical: string | null;
}

class TextCollector implements TokenizerCallbacks {
  private readonly output = new SpacedText();
  private readonly skipped = new OpenElementCounter();
  private readonly preformatted = new OpenElementCounter();
  private inHead = false;
  private inTitle = false;
  private titleBuffer = '';
  private h1Depth = 0;
  private h1Buffer = '';
  /** Text of the script being read, to find where it really ends. */
  private scriptText: string | null = null;
  /** The script's inner `</script>` has been seen; the next one ends it. */
  private scriptEndsLater = false;
  private tagName = '';
  private attribs: Record<string, string> = {};
  private attribName = '';
  private attribValue = '';
  title: string | null = null;
  firstHeading: string | null = null;
  readonly meta = new Map<string, string>();
  canonical: string | null = null;

  constructor(private readonly html: string) {}

  text(): string {
    return this.output.text();
  }

  private slice(start: number, end: number): string {
    return this.html.slice(start, end);
  }

  private addText(raw: string): void {
    if (this.scriptText !== null) this.scriptText += raw;
    if (this.skipped.total > 0) return;
    if (this.inTitle) {
      if (this.title === null && this.titleBuffer.length < MAX_TITLE * 4) this.titleBuffer += raw;
      return;
    }
    if (this.inHead) {
      if (raw.trim() === '') return;
      this.inHead = false;
    }
    if (this.h1Depth > 0 && this.h1Buffer.length < MAX_TITLE * 4) this.h1Buffer += raw;
    if (this.preformatted.total > 0) this.output.writePreformatted(raw);
    else this.output.writeFlowing(raw);
  }

  /** Leaves SVG or MathML on an HTML element that cannot stand in it, as browsers do. */
  private breakOut(): void {
    for (const name of FOREIGN) this.skipped.closeAll(name);
  }

  private inForeign(): boolean {
    return FOREIGN.some((name) => this.skipped.has(name));
  }

  private openElement(name: string, attribs: Record<string, string>, selfClosing: boolean): void {
    // htmlparser2's tokenizer reads a script as raw text up to `</script>`, like browsers.
    if (name === 'script') {
      if (this.scriptEndsLater) return;
      this.scriptText = '';
    }
    if (this.skipped.total > 0 && BREAKOUT.has(name) && this.inForeign()) this.breakOut();
    if (this.skipped.total > 0) {
      if (SKIPPED.has(name) && !selfClosing) this.skipped.open(name);
      return;
    }
    if (name === 'head') {
      this.inHead = true;
      return;
    }
    if (this.inHead && !HEAD_CONTENT.has(name)) this.inHead = false;
    if (name === 'meta') {
      const key = (attribs['name'] ?? attribs['property'] ?? attribs['itemprop'] ?? '').trim().toLowerCase();
      const content = attribs['content'];
      if (key && content !== undefined && !this.meta.has(key)) this.meta.set(key, content.slice(0, MAX_META));
      return;
    }
    if (name === 'link') {
      const rel = (attribs['rel'] ?? '').toLowerCase().split(/\s+/);
      if (rel.includes('canonical') && this.canonical === null && attribs['href'])
        this.canonical = attribs['href'].trim();
      return;
    }
    if (SKIPPED.has(name)) {
      // <svg/> and <math/> are complete; any other self-closing slash means nothing in HTML.
      if (!(selfClosing && (name === 'svg' || name === 'math'))) this.skipped.open(name);
      return;
    }
    if (name === 'title') {
      this.inTitle = true;
      return;
    }
    if (this.inHead) return;
    if (name === 'br') this.output.lineBreak();
    else this.output.separate(blockGap(name));
    if (PREFORMATTED.has(name)) this.preformatted.open(name);
    if (name === 'h1' && this.firstHeading === null) this.h1Depth++;
  }

  private closeElement(name: string): void {
    if (name === 'script') {
      if (this.scriptText !== null && endsDoubleEscaped(this.scriptText)) {
        this.scriptText = null;
        this.scriptEndsLater = true;
        return;
      }
      this.scriptText = null;
      this.scriptEndsLater = false;
    }
    if (this.skipped.total > 0 && (name === 'p' || name === 'br') && this.inForeign()) this.breakOut();
    if (this.skipped.total > 0) {
      this.skipped.close(name);
      return;
    }
    if (name === 'head') {
      this.inHead = false;
      return;
    }
    if (name === 'title') {
      this.inTitle = false;
      if (this.title === null) this.title = collapseWhitespace(this.titleBuffer).slice(0, MAX_TITLE) || null;
      return;
    }
    if (name === 'br') this.output.lineBreak();
    else this.output.separate(blockGap(name));
    this.preformatted.close(name);
    if (name === 'h1' && this.h1Depth > 0) {
      this.h1Depth--;
      if (this.h1Depth === 0) {
        this.firstHeading = collapseWhitespace(this.h1Buffer).slice(0, MAX_TITLE) || null;
        this.h1Buffer = '';
      }
    }
  }

  // Tokenizer callbacks. Indices point into `html`, which is written in one piece.
  onopentagname(start: number, end: number): void {
    this.tagName = this.slice(start, end).toLowerCase();
    this.attribs = {};
  }
  onattribname(start: number, end: number): void {
    this.attribName = this.slice(start, end).toLowerCase();
    this.attribValue = '';
  }
  onattribdata(start: number, end: number): void {
    if (this.attribValue.length < MAX_ATTRIBUTE) this.attribValue += this.slice(start, end);
  }
  onattribentity(codepoint: number): void {
    if (this.attribValue.length < MAX_ATTRIBUTE) this.attribValue += String.fromCodePoint(codepoint);
  }
  onattribend(_quote: QuoteType, _end: number): void {
    if (!Object.hasOwn(this.attribs, this.attribName)) this.attribs[this.attribName] = this.attribValue;
    this.attribValue = '';
  }
  onopentagend(_end: number): void {
    this.openElement(this.tagName, this.attribs, false);
  }
  onselfclosingtag(_end: number): void {
    this.openElement(this.tagName, this.attribs, true);
  }
  onclosetag(start: number, end: number): void {
    this.closeElement(this.slice(start, end).toLowerCase());
  }
  ontext(start: number, end: number): void {
    this.addText(this.slice(start, end));
  }
  ontextentity(codepoint: number, _end: number): void {
    this.addText(String.fromCodePoint(codepoint));
  }
  oncdata(): void {}
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {}
}

/** Extracts the readable text and the few facts a page states about itself. */
export function htmlToText(html: string): HtmlText {
  const collector = new TextCollector(html);
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, collector);
  tokenizer.write(html);
  tokenizer.end();
  return {
    text: collector.text(),
    title: collector.title,
    firstHeading: collector.firstHeading,
    meta: collector.meta,
    canonical: collector.canonical,
  };
}
