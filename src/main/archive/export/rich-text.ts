/**
 * Formatted text as plain runs: what a citation looks like (italic titles, small caps)
 * independent of any output format. citeproc writes HTML; it is read back into runs
 * here with a tiny, strict reader (known tags only, everything else is text), and each
 * writer then escapes runs for its own format. No citeproc markup reaches a file as is.
 */

export interface Span {
  text: string;
  italic?: boolean;
  bold?: boolean;
  smallCaps?: boolean;
  sup?: boolean;
  sub?: boolean;
}

type Style = Omit<Span, 'text'>;

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  '#38': '&',
  '#60': '<',
  '#62': '>',
};

function decodeEntity(body: string): string | null {
  const named = NAMED[body.toLowerCase()];
  if (named !== undefined) return named;
  const m = /^#(x[0-9a-f]+|\d+)$/i.exec(body);
  if (!m || !m[1]) return null;
  const code = m[1][0] === 'x' || m[1][0] === 'X' ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

function styleOfTag(name: string, attrs: string): Style | null {
  switch (name) {
    case 'i':
    case 'em':
      return { italic: true };
    case 'b':
    case 'strong':
      return { bold: true };
    case 'sup':
      return { sup: true };
    case 'sub':
      return { sub: true };
    case 'span': {
      const style: Style = {};
      if (/font-style:\s*normal/i.test(attrs)) style.italic = false;
      if (/font-style:\s*italic/i.test(attrs)) style.italic = true;
      if (/font-variant:\s*small-caps/i.test(attrs)) style.smallCaps = true;
      if (/font-weight:\s*bold/i.test(attrs)) style.bold = true;
      if (/font-weight:\s*normal/i.test(attrs)) style.bold = false;
      return style;
    }
    case 'div':
    case 'a':
      return {};
    default:
      return null;
  }
}

function sameStyle(a: Span, b: Style): boolean {
  return (
    !!a.italic === !!b.italic &&
    !!a.bold === !!b.bold &&
    !!a.smallCaps === !!b.smallCaps &&
    !!a.sup === !!b.sup &&
    !!a.sub === !!b.sub
  );
}

/** Reads citeproc's HTML output into runs, whitespace collapsed and trimmed. */
export function spansFromHtml(html: string): Span[] {
  const spans: Span[] = [];
  const stack: { name: string; style: Style }[] = [];
  const current = (): Style => Object.assign({}, ...stack.map((s) => s.style)) as Style;
  const push = (text: string) => {
    if (text === '') return;
    const style = current();
    const last = spans[spans.length - 1];
    if (last && sameStyle(last, style)) last.text += text;
    else spans.push({ text, ...Object.fromEntries(Object.entries(style).filter(([, v]) => v)) });
  };
  const token = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>|&([#a-zA-Z0-9]+);|[^<&]+|[<&]/g;
  for (const m of html.matchAll(token)) {
    const [whole, closing, tag, attrs, entity] = m;
    if (tag !== undefined) {
      const name = tag.toLowerCase();
      const style = styleOfTag(name, attrs ?? '');
      if (style === null) {
        push(whole);
      } else if (closing) {
        const at = stack.map((s) => s.name).lastIndexOf(name);
        if (at >= 0) stack.splice(at);
        if (name === 'div') push(' ');
      } else if (!/\/\s*$/.test(attrs ?? '')) {
        stack.push({ name, style });
      }
    } else if (entity !== undefined) {
      push(decodeEntity(entity) ?? whole);
    } else {
      push(whole);
    }
  }
  return tidy(spans);
}

/** Collapses runs of white space (citeproc's bibliography indents with newlines) and trims. */
function tidy(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const text = span.text.replace(/[ \t\r\n]+/g, ' ');
    const last = out[out.length - 1];
    const collapsed = last && last.text.endsWith(' ') && text.startsWith(' ') ? text.slice(1) : text;
    if (collapsed) out.push({ ...span, text: collapsed });
  }
  while (out.length && out[0] && out[0].text.trimStart() !== out[0].text) {
    const first = out[0];
    first.text = first.text.trimStart();
    if (first.text === '') out.shift();
  }
  while (out.length) {
    const last = out[out.length - 1] as Span;
    last.text = last.text.trimEnd();
    if (last.text !== '') break;
    out.pop();
  }
  return out;
}

/** The runs as plain text. */
export function plain(spans: readonly Span[]): string {
  return spans.map((s) => s.text).join('');
}

/** Plain text as one run. */
export function text(value: string): Span[] {
  return value === '' ? [] : [{ text: value }];
}
