/**
 * An ALL-CAPS headline in sentence case, using the body to tell names and acronyms apart:
 * a word the body writes capitalised stays capitalised, one it writes in capitals stays so.
 */

const WORD = /[\p{L}][\p{L}'’.-]*/gu;
const WORD_CHAR = /[\p{L}'’.-]/u;

/**
 * The body's most frequent spelling of each of the headline's words (only those: the body
 * may be long). Found with indexOf in the lower-cased body, whose offsets are the body's
 * where lower-casing keeps every character's length (else a word-by-word scan).
 */
const BODY_CHARS = 4000;
function bodyForms(body: string, headline: string): Map<string, string> {
  const text = body.slice(0, BODY_CHARS);
  const lower = text.toLowerCase();
  // Function words are never taken from the body (and are its most frequent words).
  const wanted = new Set((headline.toLowerCase().match(WORD) ?? []).filter((w) => !FUNCTION_WORDS.has(w)));
  const counts = new Map<string, Map<string, number>>();
  const count = (key: string, form: string) => {
    const forms = counts.get(key) ?? new Map<string, number>();
    forms.set(form, (forms.get(form) ?? 0) + 1);
    counts.set(key, forms);
  };
  if (lower.length === text.length) {
    for (const key of wanted)
      for (let at = lower.indexOf(key); at >= 0; at = lower.indexOf(key, at + 1)) {
        const end = at + key.length;
        if (!WORD_CHAR.test(text[at - 1] ?? ' ') && !WORD_CHAR.test(text[end] ?? ' ')) count(key, text.slice(at, end));
      }
  } else {
    for (const m of text.matchAll(WORD)) if (wanted.has(m[0].toLowerCase())) count(m[0].toLowerCase(), m[0]);
  }
  const best = new Map<string, string>();
  for (const [key, forms] of counts) {
    const sorted = [...forms].sort((x, y) => y[1] - x[1]);
    if (sorted[0]) best.set(key, sorted[0][0]);
  }
  return best;
}

export function isAllCaps(text: string): boolean {
  // Most text is in mixed case: say so before stripping it to its letters.
  if (text !== text.toUpperCase()) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters !== letters.toLowerCase();
}

/** Acronyms a headline writes in capitals that carry vowels, so the no-vowel test misses them. */
const ACRONYMS = new Set(
  'U.S. US USA UK UN EU FBI CIA NASA NATO FEMA EPA IRS AMT VA DOD DOJ DHS HUD USDA NIH CDC FDA FAA FCC SEC NSA ATF DEA ICE AIDS HIV OPEC WTO IMF ANWR NAFTA CAFTA AP MS-13'.split(
    ' ',
  ),
);
/** Words that are never names nor acronyms inside a headline. */
const FUNCTION_WORDS = new Set(
  'a an and as at but by for from in into of on onto or over per than the to under upon via with'.split(' '),
);
/** Titles a caps headline abbreviates: "SEN." is "Sen.". */
const TITLES: Record<string, string> = {
  'sen.': 'Sen.',
  'sens.': 'Sens.',
  'rep.': 'Rep.',
  'reps.': 'Reps.',
  'gov.': 'Gov.',
  'dr.': 'Dr.',
};

/** A word in capitals that stays so: a listed acronym, or up to four letters with no vowel ("LNG", "CJS"). */
function isAcronym(word: string): boolean {
  return ACRONYMS.has(word) || (/^[A-Z]{2,4}$/.test(word) && !/[AEIOUY]/.test(word));
}

export function sentenceCase(headline: string, body: string): string {
  const forms = bodyForms(body.slice(0, BODY_CHARS + headline.length).replace(headline, ' '), headline);
  let first = true;
  return headline
    .replace(/[\p{L}][\p{L}'’.-]*/gu, (word) => {
      const lower = word.toLowerCase();
      const known = forms.get(lower);
      let out = lower;
      if (TITLES[lower]) out = TITLES[lower];
      else if (isAcronym(word)) out = word;
      // The body's own spelling: a name it capitalises, an acronym it writes in capitals.
      // (A function word is never an acronym, whatever a caps heading in the body says.)
      else if (
        known &&
        known !== known.toLowerCase() &&
        (known !== known.toUpperCase() || known.length <= 5) &&
        !FUNCTION_WORDS.has(lower)
      )
        out = known;
      else if (/\./.test(word) && word.length <= 5) out = word;
      if (first) out = out.charAt(0).toUpperCase() + out.slice(1);
      first = false;
      return out;
    })
    .replace(/([:?!]\s+)(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}
