/**
 * An ALL-CAPS headline in sentence case, using the body to tell names and acronyms apart:
 * a word the body writes capitalised stays capitalised, one it writes in capitals stays so.
 */

function bodyForms(body: string): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const m of body.slice(0, 20_000).matchAll(/[\p{L}][\p{L}'’.-]*/gu)) {
    const word = m[0];
    const key = word.toLowerCase();
    const forms = counts.get(key) ?? new Map<string, number>();
    forms.set(word, (forms.get(word) ?? 0) + 1);
    counts.set(key, forms);
  }
  const best = new Map<string, string>();
  for (const [key, forms] of counts) {
    const sorted = [...forms].sort((a, b) => b[1] - a[1]);
    if (sorted[0]) best.set(key, sorted[0][0]);
  }
  return best;
}

export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Acronyms a headline writes in capitals that carry vowels, so the no-vowel test misses them. */
const ACRONYMS = new Set(
  'U.S. US USA UK UN EU FBI CIA NASA NATO FEMA EPA IRS AMT VA DOD DOJ DHS HUD USDA NIH CDC FDA FAA FCC SEC NSA ATF DEA ICE AIDS HIV OPEC WTO IMF ANWR NAFTA CAFTA AP MS-13'.split(
    ' ',
  ),
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
  const forms = bodyForms(body.replace(headline, ' '));
  let first = true;
  return headline
    .replace(/[\p{L}][\p{L}'’.-]*/gu, (word) => {
      const lower = word.toLowerCase();
      const known = forms.get(lower);
      let out = lower;
      if (TITLES[lower]) out = TITLES[lower];
      else if (isAcronym(word)) out = word;
      // The body's own spelling: a name it capitalises, an acronym it writes in capitals.
      else if (known && known !== known.toLowerCase() && (known !== known.toUpperCase() || known.length <= 5))
        out = known;
      else if (/\./.test(word) && word.length <= 5) out = word;
      if (first) out = out.charAt(0).toUpperCase() + out.slice(1);
      first = false;
      return out;
    })
    .replace(/([:?!]\s+)(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}
