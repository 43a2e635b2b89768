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

export function sentenceCase(headline: string, body: string): string {
  const forms = bodyForms(body.replace(headline, ' '));
  let first = true;
  return headline
    .replace(/[\p{L}][\p{L}'’.-]*/gu, (word) => {
      const known = forms.get(word.toLowerCase());
      let out = word.toLowerCase();
      if (known && known !== known.toLowerCase()) out = known;
      else if (/\./.test(word) && word.length <= 5) out = word;
      if (first) out = out.charAt(0).toUpperCase() + out.slice(1);
      first = false;
      return out;
    })
    .replace(/([:?!]\s+)(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}
