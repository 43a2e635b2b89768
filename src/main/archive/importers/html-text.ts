/**
 * Readable text out of HTML with htmlparser2's tokenizer. No DOM and no element stack are
 * kept (htmlparser2's Parser shifts an array per element, quadratic in nesting depth):
 * counters say whether we are inside a dropped element, so 100,000 nested elements cost
 * linear time and no recursion. Scripts, styles, embedded content and attributes never
 * reach the text; block elements become line breaks. Nothing is ever fetched: links,
 * images and frames are only names here.
 */
import { Tokenizer, type QuoteType, type TokenizerCallbacks } from 'htmlparser2';
import { stripControls } from './decode-text.js';

/** Elements whose whole content is dropped (code, embedded objects, fallbacks). */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frameset',
  'object',
  'applet',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'noembed',
  'noframes',
  'datalist',
]);

/** What may stand inside <head>; anything else means the body has begun. */
const HEAD_CONTENT = new Set(['title', 'meta', 'link', 'style', 'script', 'base', 'noscript', 'template', 'object']);

/** Blocks that stand apart as paragraphs (a blank line around them). */
const PARAGRAPHS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'ul',
  'ol',
  'dl',
  'figure',
  'hr',
  'header',
  'footer',
  'section',
  'article',
  'aside',
  'nav',
  'main',
  'address',
  'details',
  'fieldset',
  'form',
  'listing',
  'xmp',
  'plaintext',
]);

/** Blocks that start on a line of their own. */
const LINES = new Set([
  'div',
  'li',
  'tr',
  'dt',
  'dd',
  'caption',
  'figcaption',
  'summary',
  'legend',
  'option',
  'optgroup',
  'center',
  'body',
  'html',
  'hgroup',
  'menu',
  'dir',
  'dialog',
  'search',
  'tbody',
  'thead',
  'tfoot',
  'textarea',
  'select',
]);

const CELLS = new Set(['td', 'th']);

/** Start tags that end SVG or MathML content (the HTML standard's "breakout" list), as do </p> and </br>. */
const BREAKOUT = new Set([
  'b',
  'big',
  'blockquote',
  'body',
  'br',
  'center',
  'code',
  'dd',
  'div',
  'dl',
  'dt',
  'em',
  'embed',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'hr',
  'i',
  'img',
  'li',
  'listing',
  'menu',
  'meta',
  'nobr',
  'ol',
  'p',
  'pre',
  'ruby',
  's',
  'small',
  'span',
  'strong',
  'strike',
  'sub',
  'sup',
  'table',
  'tt',
  'u',
  'ul',
  'var',
]);
const FOREIGN = ['svg', 'math'] as const;

/** Elements whose white space is kept as written. */
const PREFORMATTED = new Set(['pre', 'listing', 'xmp', 'plaintext', 'textarea']);

const MAX_TITLE = 500;
const MAX_META = 2000;
const MAX_ATTRIBUTE = 64 * 1024;

/** Separation pending before the next text: none, a space, a tab, a line break, a blank line. */
const GAP_TEXT = ['', ' ', '\t', '\n', '\n\n'] as const;
type Gap = 0 | 1 | 2 | 3 | 4;
const SPACE: Gap = 1;
const TAB: Gap = 2;
const LINE: Gap = 3;
const PARAGRAPH: Gap = 4;

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

/**
 * Whether script text stops inside the HTML standard's "double-escaped" state, where a
 * `</script>` does not end the script: old pages write `<!-- document.write("<script>
 * ...</script>") -->`, and htmlparser2 would end the script at the inner end tag.
 */
export function endsDoubleEscaped(script: string): boolean {
  let state: 'data' | 'escaped' | 'double' = 'data';
  for (const m of script.matchAll(/<!--|-->|<(\/?)script(?=[\s/>])/gi)) {
    if (m[0] === '<!--') {
      if (state === 'data') state = 'escaped';
    } else if (m[0] === '-->') {
      state = 'data';
    } else if (m[1]) {
      if (state === 'double') state = 'escaped';
    } else if (state === 'escaped') {
      state = 'double';
    }
  }
  return state === 'double';
}

function collapse(text: string): string {
  return stripControls(text)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Open-element counts by name, standing in for a stack. */
class Counter {
  private readonly counts = new Map<string, number>();
  total = 0;

  open(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.total++;
  }

  /** Closes every open `name`. */
  closeAll(name: string): void {
    this.total -= this.counts.get(name) ?? 0;
    this.counts.delete(name);
  }

  has(name: string): boolean {
    return (this.counts.get(name) ?? 0) > 0;
  }

  /** Closes one `name` if one is open (a stray end tag is ignored). */
  close(name: string): boolean {
    const n = this.counts.get(name) ?? 0;
    if (n === 0) return false;
    this.counts.set(name, n - 1);
    this.total--;
    return true;
  }
}

class TextCollector implements TokenizerCallbacks {
  private readonly out: string[] = [];
  private written = false;
  private gap: Gap = 0;
  private readonly skipped = new Counter();
  private readonly preformatted = new Counter();
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
    return this.out
      .join('')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }

  private slice(start: number, end: number): string {
    return this.html.slice(start, end);
  }

  private separate(level: Gap): void {
    if (level > this.gap) this.gap = level;
  }

  private emit(text: string): void {
    if (text === '') return;
    if (this.written && this.gap !== 0) this.out.push(GAP_TEXT[this.gap]);
    this.gap = 0;
    this.out.push(text);
    this.written = true;
  }

  private lineBreak(): void {
    if (!this.written) return;
    if (this.gap >= LINE) this.out.push(GAP_TEXT[this.gap]);
    this.gap = 0;
    this.out.push('\n');
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
    if (this.preformatted.total > 0) {
      this.emit(stripControls(raw).replace(/\r\n?/g, '\n'));
      return;
    }
    const text = stripControls(raw).replace(/[\s\u00a0]+/g, ' ');
    if (text === ' ') {
      this.separate(SPACE);
      return;
    }
    if (text.startsWith(' ')) this.separate(SPACE);
    this.emit(text.trim());
    if (text.endsWith(' ')) this.separate(SPACE);
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
    if (name === 'br') this.lineBreak();
    else if (PARAGRAPHS.has(name)) this.separate(PARAGRAPH);
    else if (LINES.has(name)) this.separate(LINE);
    else if (CELLS.has(name)) this.separate(TAB);
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
      if (this.title === null) this.title = collapse(this.titleBuffer).slice(0, MAX_TITLE) || null;
      return;
    }
    if (name === 'br') this.lineBreak();
    else if (PARAGRAPHS.has(name)) this.separate(PARAGRAPH);
    else if (LINES.has(name)) this.separate(LINE);
    else if (CELLS.has(name)) this.separate(TAB);
    this.preformatted.close(name);
    if (name === 'h1' && this.h1Depth > 0) {
      this.h1Depth--;
      if (this.h1Depth === 0) {
        this.firstHeading = collapse(this.h1Buffer).slice(0, MAX_TITLE) || null;
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
