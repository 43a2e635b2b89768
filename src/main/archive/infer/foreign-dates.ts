/**
 * Dates written in the other languages chrono reads (French, German, Spanish, Portuguese,
 * Italian, Dutch): "28 mars 2012", "15. März 2020", "3 de mayo de 2019" by chrono's own
 * locale parsers, and a month with its year ("Janvier 2021", "mayo de 2019"), which its
 * strict parsers do not read, by the table below. Only stretches that name such a month
 * are given to them: most pages name none, and pay nothing.
 */
import * as chrono from 'chrono-node';

/** Month names of those languages that English does not share, each with its month's number. */
const MONTH_NUMBERS: Record<string, number> = {};
const NAMES: string[][] = [
  ['janvier', 'januar', 'jänner', 'enero', 'janeiro', 'gennaio', 'januari'],
  ['février', 'fevrier', 'februar', 'febrero', 'fevereiro', 'febbraio', 'februari'],
  // "Mars" is an English name too: capitalised, it counts only alone on its line (see below).
  ['mars', 'märz', 'maerz', 'marzo', 'março', 'maart'],
  ['avril', 'abril', 'aprile'],
  ['mai', 'mayo', 'maio', 'maggio', 'mei'],
  ['juin', 'juni', 'junio', 'junho', 'giugno'],
  ['juillet', 'juli', 'julio', 'julho', 'luglio'],
  ['août', 'aout', 'agosto', 'augustus'],
  ['septembre', 'septiembre', 'setiembre', 'setembro', 'settembre'],
  ['octobre', 'oktober', 'octubre', 'outubro', 'ottobre'],
  ['novembre', 'noviembre', 'novembro'],
  ['décembre', 'decembre', 'dezember', 'diciembre', 'dezembro', 'dicembre'],
];
NAMES.forEach((names, i) => names.forEach((n) => (MONTH_NUMBERS[n] = i + 1)));

const ALTERNATION = Object.keys(MONTH_NUMBERS)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** A stretch that names one of these months. */
export const FOREIGN_MONTH = new RegExp(String.raw`(?<!\p{L})(?:${ALTERNATION})(?!\p{L})`, 'iu');
/** A month and its year, "de" between them as Spanish and Portuguese write it. */
const FOREIGN_MONTH_YEAR = new RegExp(
  String.raw`(?<!\p{L})(${ALTERNATION})\.?(?:[ \t]+de)?[ \t]{1,3}((?:18|19|20)\d\d)(?!\d)`,
  'giu',
);

const LOCALES = [chrono.fr, chrono.de, chrono.es, chrono.pt, chrono.it, chrono.nl];

/** chrono's results for `text` in the first of those languages that reads a date in it. */
export function foreignParse(text: string, reference: Date): chrono.ParsedResult[] {
  for (const locale of LOCALES) {
    const results = locale.strict.parse(text, reference);
    if (results.length) return results;
  }
  return [];
}

export interface MonthYear {
  month: number;
  year: number;
  index: number;
  length: number;
}

function aloneOnLine(text: string, start: number, end: number): boolean {
  const before = text.lastIndexOf('\n', start - 1);
  const after = text.indexOf('\n', end);
  return text.slice(before + 1, start).trim() === '' && text.slice(end, after < 0 ? text.length : after).trim() === '';
}

/** The months named with their year in `text` ("Janvier 2021"). */
export function foreignMonthYears(text: string): MonthYear[] {
  const out: MonthYear[] = [];
  for (const m of text.matchAll(FOREIGN_MONTH_YEAR)) {
    const word = m[1] ?? '';
    // "Mars 2020" in English text is a planet's name (and a rover's); alone on its line it is a date.
    if (word === 'Mars' && !aloneOnLine(text, m.index, m.index + m[0].length)) continue;
    const month = MONTH_NUMBERS[word.toLowerCase()];
    if (month) out.push({ month, year: Number(m[2]), index: m.index, length: m[0].length });
  }
  return out;
}
