/**
 * What HTML elements mean for readable text: which are dropped whole, which stand apart as
 * paragraphs, lines or cells, which keep their white space, and which end SVG or MathML.
 */
import { LINE, PARAGRAPH, TAB, type Gap } from './spaced-text.js';

/** Elements whose whole content is dropped (code, embedded objects, fallbacks). */
export const SKIPPED = new Set([
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
export const HEAD_CONTENT = new Set([
  'title',
  'meta',
  'link',
  'style',
  'script',
  'base',
  'noscript',
  'template',
  'object',
]);

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
export const BREAKOUT = new Set([
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
export const FOREIGN = ['svg', 'math'] as const;

/** Elements whose white space is kept as written. */
export const PREFORMATTED = new Set(['pre', 'listing', 'xmp', 'plaintext', 'textarea']);

/** The separation a block element puts around itself (none for inline elements). */
export function blockGap(name: string): Gap {
  if (PARAGRAPHS.has(name)) return PARAGRAPH;
  if (LINES.has(name)) return LINE;
  if (CELLS.has(name)) return TAB;
  return 0;
}
