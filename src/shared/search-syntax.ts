/**
 * The search box's language, parsed here; the core rewrites it into an FTS5 query, so no
 * user text reaches MATCH unchecked: every word and phrase goes out as an FTS5 string.
 *
 *   word            the word itself (no stemming, no prefix: `ban` finds "ban", "BAN", "Bán", never "banned")
 *   "two words"     a phrase;  "two wor"* ends in a prefix
 *   word*           a prefix (at least 3 letters)
 *   a b, a AND b    both;  a OR b  either;  a NOT b, a -b  a without b;  ( ) groups
 *   NEAR(a b, 5)    a and b within 5 words of each other (default 10);  also  a NEAR b,  a NEAR/5 b
 *
 * Operators are upper case; "and", "or", "not", "near" in lower case are plain words.
 * A query that cannot be read throws a SearchSyntaxError saying why. Pure code: the core
 * rewrites the parsed query for FTS5 (main/archive/search/query.ts), the renderer reads
 * the same words from it to find on the page.
 */
export const MAX_QUERY_LENGTH = 1000;
export const MAX_TERMS = 64;
export const MIN_PREFIX = 3;
export const DEFAULT_NEAR = 10;

/** A parsed query. */
export type QueryNode =
  | { kind: 'term'; text: string; prefix: boolean; phrase: boolean }
  | { kind: 'near'; terms: QueryNode[]; distance: number }
  | { kind: 'and'; include: QueryNode[]; exclude: QueryNode[] }
  | { kind: 'or'; either: QueryNode[] };

type Token =
  | { type: 'word'; text: string; prefix: boolean; at: number }
  | { type: 'phrase'; text: string; prefix: boolean; at: number }
  | { type: 'and' | 'or' | 'not' | 'minus' | 'open' | 'close' | 'comma'; at: number }
  | { type: 'near'; distance: number | null; call: boolean; at: number };

const WORD_CHARS = /[\p{L}\p{N}\p{Co}]/u;

/** A query that cannot be read; the message says where and why. */
export class SearchSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchSyntaxError';
  }
}

function fail(message: string): never {
  throw new SearchSyntaxError(message);
}

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const boundary = (c: string | undefined) => c === undefined || /[\s()",]/.test(c);
  while (i < input.length) {
    const c = input[i] ?? '';
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(') {
      tokens.push({ type: 'open', at: i++ });
    } else if (c === ')') {
      tokens.push({ type: 'close', at: i++ });
    } else if (c === ',') {
      tokens.push({ type: 'comma', at: i++ });
    } else if (c === '"' || c === '\u201C' || c === '\u201D') {
      const at = i;
      let j = i + 1;
      while (j < input.length && !['"', '\u201C', '\u201D'].includes(input[j] ?? '')) j++;
      if (j >= input.length) fail(`the phrase starting at character ${at + 1} has no closing quote (")`);
      const text = input.slice(i + 1, j);
      i = j + 1;
      const prefix = input[i] === '*';
      if (prefix) i++;
      tokens.push({ type: 'phrase', text, prefix, at });
    } else if (
      c === '-' &&
      /^[^\s),]/.test(input[i + 1] ?? ' ') &&
      (tokens.length === 0 || /[\s(]/.test(input[i - 1] ?? ' '))
    ) {
      tokens.push({ type: 'minus', at: i++ });
    } else {
      const at = i;
      let j = i;
      while (j < input.length && !boundary(input[j])) j++;
      const raw = input.slice(i, j);
      i = j;
      if (raw === 'AND') tokens.push({ type: 'and', at });
      else if (raw === 'OR') tokens.push({ type: 'or', at });
      else if (raw === 'NOT') tokens.push({ type: 'not', at });
      else if (raw === 'NEAR' && input[i] === '(') tokens.push({ type: 'near', distance: null, call: true, at });
      else if (/^NEAR(\/\d+)?$/.test(raw))
        tokens.push({ type: 'near', distance: raw.length > 4 ? Number(raw.slice(5)) : null, call: false, at });
      else {
        const prefix = raw.endsWith('*');
        tokens.push({ type: 'word', text: prefix ? raw.replace(/\*+$/, '') : raw, prefix, at });
      }
    }
  }
  return tokens;
}

class Parser {
  #tokens: Token[];
  #i = 0;
  #terms = 0;

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  parse(): QueryNode | null {
    if (this.#tokens.length === 0) return null;
    const node = this.#or();
    const extra = this.#tokens[this.#i];
    if (extra)
      fail(
        extra.type === 'close'
          ? `a ")" at character ${extra.at + 1} closes nothing`
          : `unexpected text at character ${extra.at + 1}`,
      );
    return node;
  }

  #peek(): Token | undefined {
    return this.#tokens[this.#i];
  }

  #or(): QueryNode | null {
    const either: QueryNode[] = [];
    let node = this.#and();
    if (node) either.push(node);
    while (this.#peek()?.type === 'or') {
      const at = this.#tokens[this.#i++]?.at ?? 0;
      node = this.#and();
      if (!node) fail(`OR at character ${at + 1} needs something on its right`);
      if (either.length === 0) fail(`OR at character ${at + 1} needs something on its left`);
      either.push(node);
    }
    if (either.length <= 1) return either[0] ?? null;
    return { kind: 'or', either };
  }

  #and(): QueryNode | null {
    const include: QueryNode[] = [];
    const exclude: QueryNode[] = [];
    let sawAny = false;
    for (;;) {
      const t = this.#peek();
      if (!t || t.type === 'or' || t.type === 'close' || t.type === 'comma') break;
      if (t.type === 'and') {
        if (!sawAny) fail(`AND at character ${t.at + 1} needs something on its left`);
        this.#i++;
        const next = this.#peek();
        if (!next || next.type === 'or' || next.type === 'close')
          fail(`AND at character ${t.at + 1} needs something on its right`);
        continue;
      }
      let negate = false;
      if (t.type === 'not' || t.type === 'minus') {
        negate = true;
        this.#i++;
        const next = this.#peek();
        if (!next || ['or', 'and', 'close', 'not', 'minus', 'comma'].includes(next.type)) {
          fail(`${t.type === 'not' ? 'NOT' : '"-"'} at character ${t.at + 1} needs a word, phrase or group after it`);
        }
      }
      const node = this.#near();
      sawAny = true;
      if (node) (negate ? exclude : include).push(node);
    }
    if (include.length === 0 && exclude.length > 0) fail('a search cannot only exclude words; add a word to find');
    if (include.length === 0) return null;
    if (include.length === 1 && exclude.length === 0) return include[0] ?? null;
    return { kind: 'and', include, exclude };
  }

  /** A primary, or primaries joined by infix NEAR. */
  #near(): QueryNode | null {
    const first = this.#primary();
    let t = this.#peek();
    if (t?.type !== 'near' || t.call) return first;
    const terms: QueryNode[] = [];
    let distance = DEFAULT_NEAR;
    const operand = (node: QueryNode | null, at: number) => {
      if (!node) return;
      if (node.kind !== 'term') fail(`NEAR at character ${at + 1} joins words or phrases, not groups`);
      terms.push(node);
    };
    operand(first, t.at);
    while (t?.type === 'near' && !t.call) {
      this.#i++;
      if (t.distance !== null) distance = t.distance;
      operand(this.#primary(), t.at);
      t = this.#peek();
    }
    return terms.length >= 2 ? { kind: 'near', terms, distance } : (terms[0] ?? null);
  }

  #term(text: string, prefix: boolean, phrase: boolean, at: number): QueryNode | null {
    const letters = [...text].filter((c) => WORD_CHARS.test(c)).length;
    if (letters === 0) {
      if (prefix) fail(`"${text}*" at character ${at + 1}: a prefix needs at least ${MIN_PREFIX} letters before the *`);
      return null;
    }
    if (prefix) {
      const last =
        text
          .split(/[^\p{L}\p{N}\p{Co}]+/u)
          .filter(Boolean)
          .pop() ?? '';
      if ([...last].length < MIN_PREFIX)
        fail(`"${text}*" at character ${at + 1}: a prefix needs at least ${MIN_PREFIX} letters before the *`);
    }
    if (++this.#terms > MAX_TERMS) fail(`more than ${MAX_TERMS} words`);
    return { kind: 'term', text, prefix, phrase };
  }

  #primary(): QueryNode | null {
    const t = this.#tokens[this.#i++];
    if (!t) fail('the search ends too early');
    switch (t.type) {
      case 'word':
        return this.#term(t.text, t.prefix, false, t.at);
      case 'phrase':
        return this.#term(t.text, t.prefix, true, t.at);
      case 'open': {
        const node = this.#or();
        const close = this.#tokens[this.#i++];
        if (close?.type !== 'close') fail(`the "(" at character ${t.at + 1} is not closed`);
        return node;
      }
      case 'near': {
        if (!t.call) fail(`NEAR at character ${t.at + 1} needs a word or phrase on its left`);
        this.#i++; // "("
        const terms: QueryNode[] = [];
        let distance = DEFAULT_NEAR;
        for (;;) {
          const u = this.#tokens[this.#i];
          if (!u) fail(`the NEAR( at character ${t.at + 1} is not closed`);
          if (u.type === 'close') {
            this.#i++;
            break;
          }
          if (u.type === 'comma') {
            this.#i++;
            const n = this.#tokens[this.#i++];
            if (n?.type !== 'word' || !/^\d+$/.test(n.text))
              fail(`NEAR at character ${t.at + 1}: after the comma comes a distance in words, e.g. NEAR(a b, 5)`);
            distance = Number(n.text);
            continue;
          }
          if (u.type !== 'word' && u.type !== 'phrase')
            fail(`NEAR at character ${t.at + 1} takes words and phrases only`);
          this.#i++;
          const node = this.#term(u.text, u.prefix, u.type === 'phrase', u.at);
          if (node) terms.push(node);
        }
        if (terms.length < 2) return terms[0] ?? null;
        return { kind: 'near', terms, distance };
      }
      case 'close':
        return fail(`a ")" at character ${t.at + 1} closes nothing`);
      case 'and':
      case 'or':
        return fail(`${t.type.toUpperCase()} at character ${t.at + 1} needs something on its left`);
      default:
        fail(`unexpected "${t.type}" at character ${t.at + 1}`);
    }
  }
}

/** Parses the search box's text; null when it holds no word to search for. */
export function parseQuery(input: string): QueryNode | null {
  if (input.length > MAX_QUERY_LENGTH) fail(`longer than ${MAX_QUERY_LENGTH} characters`);
  return new Parser(lex(input)).parse();
}

/** The words and phrases a query looks for (not those it excludes), for highlighting and sources. */
export function queryTerms(node: QueryNode | null): { text: string; prefix: boolean }[] {
  if (!node) return [];
  switch (node.kind) {
    case 'term':
      return [{ text: node.text, prefix: node.prefix }];
    case 'near':
      return node.terms.flatMap(queryTerms);
    case 'or':
      return node.either.flatMap(queryTerms);
    case 'and':
      return node.include.flatMap(queryTerms);
  }
}
