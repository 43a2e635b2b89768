/**
 * What kind of document this is, from its structure and words. Press releases are
 * 'statement': DocumentType has no 'press-release' of its own.
 */
import type { DocumentType } from '../../../shared/document.js';
import { letterSignal } from './letter-rules.js';
import { faceOf } from './face-cache.js';
import { isListing } from './listing.js';
import { findOnPage } from './page-text.js';
import { faceText, finding, type Finding, type InferInput } from './types.js';

function typed(input: InferInput, type: DocumentType, confidence: number, rule: string, words?: string): Finding {
  return finding('type', type, confidence, rule, words ? findOnPage(faceText(input), 1, words) : null);
}

function firstMatch(text: string, pattern: RegExp): string | undefined {
  return pattern.exec(text)?.[0];
}

/** Speaker turns ("MR. MERCER:", "JUSTICE SCALIA:", "Q.", "A.") or a hearing's front matter. */
function transcriptSignal(text: string): string | undefined {
  const turns =
    // Anchored on a line break, not on ^ in multiline mode: the engine then skips to each line's start.
    `\n${text}`.match(/\n[ \t]*(?:(?:MR|MS|MRS|DR)\.\s+[A-Z]+:|(?:CHIEF\s+)?JUSTICE\s+[A-Z]+:|[QA][.:]\s)/g) ?? [];
  if (turns.length >= 3) return turns[0]?.trim();
  return firstMatch(
    text,
    /oral\s+argument|above-entitled matter|PROCEEDINGS|\bMARKUP\b|HEARING\s+BEFORE|BEFORE THE\s+(SUB)?COMMITTEE|TRANSCRIPT OF/,
  );
}

/** An official's title, as releases write it: "U.S. Senator", "SEN.", "Sen ", "Republican Leader", "District Attorney". */
const OFFICIAL =
  /\b(?:SENS?\b\.?|Sens?\b\.?|SENATORS?|Senators?|REPS?\b\.?|Reps?\b\.?|Representatives?|Congress(?:wo)?man|Governor|Gov\.|Mayor|(?:Majority|Minority|Republican|Democratic)\s+Leader|District Attorney|State'?s Attorney|Attorney General)\s+[A-Z]/;
/** What officials do in a release's lead. */
const RELEASE_VERB =
  /\b(?:today|announce[ds]?|applaud(?:ed|s)?|praised?|said|says|introduced?|urged?|urges|call(?:ed|s)|join(?:ed|s)|secured?|secures|released|sent|welcomed?|hailed|unveil(?:ed|s)?|expressed|issued|spoke|hosted|seeks?|sought|questions|comment(?:ed|s)?|testified|voted|won|received)\b/i;

/** An official named with a release's verb: "U.S. Senator Mark Pryor announced today". */
function releaseLead(head: string): string | undefined {
  const official = firstMatch(head, OFFICIAL);
  return official && RELEASE_VERB.test(head) ? official : undefined;
}

/** A report by its structure: several pages with a contents list, chapters, an abstract or a revision history. */
function reportSignal(input: InferInput): string | undefined {
  if (input.pages.length < 3) return undefined;
  const front = input.pages
    .slice(0, 3)
    .map((p) => p.text)
    .join('\n')
    .slice(0, 12_000);
  return firstMatch(
    front,
    /\b(?:table of contents|contents|executive summary|abstract|introduction|revision history|chapter 1|summary)\b/i,
  );
}

const RELEASE_WORDS = [
  'for immediate release',
  'press release',
  'news release',
  'media advisory',
  'statement attributable to',
];

/** The first of a release's words in the head, as written: found in the shared lower-cased top (a case-blind alternation is slow). */
function releaseWords(input: InferInput, head: string): string | undefined {
  const lower = faceOf(input).lowerTop?.slice(0, head.length) ?? head.toLowerCase();
  let first: { at: number; length: number } | undefined;
  for (const words of RELEASE_WORDS) {
    const at = lower.indexOf(words);
    if (at >= 0 && (!first || at < first.at)) first = { at, length: words.length };
  }
  return first && head.slice(first.at, first.at + first.length);
}

export function inferType(input: InferInput): Finding[] {
  const text = faceText(input);
  const head = text.slice(0, 1500);
  const release = releaseWords(input, head);
  if (input.format === 'email') {
    if (release) return [typed(input, 'statement', 0.85, 'email-carrying-release', release)];
    return [typed(input, 'email', 0.95, 'email-format')];
  }
  const memo = firstMatch(`\n${head}`, /\n\s*MEMO(?:RANDUM)?\b/)?.trim();
  const memoLines = head.match(/^\s*(to|from|subject|date|re)\s*:/gim)?.length ?? 0;
  if (memo || memoLines >= 3) return [typed(input, 'memo', memo ? 0.95 : 0.85, 'memo-header', memo)];
  const transcript = transcriptSignal(text.slice(0, 8000));
  if (transcript) return [typed(input, 'transcript', 0.85, 'transcript-structure', transcript)];
  // An index of releases says "Press Releases" above its items: it is a list, not a release.
  if (isListing(input)) return [typed(input, 'other', 0.8, 'listing-of-dated-items')];
  if (release) return [typed(input, 'statement', 0.9, 'release-words', release)];
  const carried = firstMatch(head, /\b(?:sent|released|issued|made) the following (?:letter|statement|remarks)/i);
  if (carried) return [typed(input, 'statement', 0.85, 'release-carrying-letter', carried)];
  // A wire story reposted by an office is an article, whoever reposted it.
  const wire = firstMatch(
    `\n${head}`,
    /\((?:AP|Reuters|AFP)\)|Associated Press Writer|\n\s*By\s+[A-Z][^\n]{2,40}(?:·|\n)/,
  )?.trim();
  if (wire) return [typed(input, 'article', 0.8, 'byline', wire)];
  const dear = /(^|\n|\s)Dear\s+([A-Z][^\n:,]{1,60})[:,]/.exec(text.slice(0, 1500));
  // A release that quotes a letter: the official and the release's verb stand before the salutation.
  const official = releaseLead(head.slice(0, dear ? dear.index : head.length));
  if (official) return [typed(input, 'statement', 0.8, 'release-lead', official)];
  if (dear && !/^(?:Friends?|Colleagues?|Neighbou?rs?|Constituents?|Supporters?|Fellow)\b/i.test(dear[2] ?? ''))
    return [typed(input, 'letter', 0.85, 'letter-salutation', dear[0].trim())];
  // A letter by its structure, whatever its language: a salutation, and a closing line above a signature.
  const letter = letterSignal(input);
  if (letter) return [typed(input, 'letter', 0.85, 'letter-structure', letter)];
  if (dear && /\b(?:SEN\.?|Sen\.|Senator|Rep\.|Congress(?:wo)?man)\s+[A-Z]/.test(head))
    return [typed(input, 'statement', 0.75, 'newsletter-to-constituents', dear[0].trim())];
  const statement = firstMatch(head.slice(0, 300), /\b(?:statement|comments?|remarks) (by|of|from|on)\b/i);
  if (statement) return [typed(input, 'statement', 0.85, 'statement-heading', statement)];
  const law = firstMatch(
    text.slice(0, 3000),
    /\bBe it enacted\b|^\s*(?:An Act|A BILL|AN ACT)\s*$|CONCURRENT RESOLUTION|^\s*(?:Proposed Rules|Rules and Regulations)\s*$|\bFEDERAL REGISTER\b/m,
  );
  if (law) return [typed(input, 'other', 0.75, 'legislation-text', law)];
  const face = input.face;
  if (face && (face.meta['og:type'] === 'article' || face.meta['article:published_time'] || face.jsonLd.datePublished))
    return [typed(input, 'article', 0.85, 'html-article-meta')];
  // A paper, a draft standard, a report: an abstract, or a title that names it a report (in the languages dates are read in).
  const abstract = firstMatch(
    text.slice(0, 3000),
    /^[ \t]*(?:Abstract|ABSTRACT|Executive Summary|EXECUTIVE SUMMARY)[ \t]*$/m,
  );
  if (abstract) return [typed(input, 'report', 0.75, 'abstract-heading', abstract)];
  const named = firstMatch(
    text.slice(0, 300),
    /^[^\n]{0,80}\b(?:Report|REPORT|Rapport|RAPPORT|Bericht|BERICHT|Informe|INFORME|Relatório|Relazione)\b(?! (?:on|that|shows|finds|says))[^\n]{0,80}$/m,
  );
  // Chinese and Japanese write "report" without spaces around it: "2018 年第一季度报告", "年次報告書".
  const cjkNamed = named ?? firstMatch(text.slice(0, 300), /^[^\n]{0,80}(?:报告|報告)[^\n]{0,40}$/m);
  if (cjkNamed && input.format !== 'html' && input.format !== 'text')
    return [typed(input, 'report', 0.7, 'report-title', cjkNamed)];
  if (input.format === 'html') return [typed(input, 'article', 0.6, 'web-page')];
  const report = reportSignal(input);
  if (report) return [typed(input, 'report', 0.7, 'report-structure', report)];
  return [typed(input, 'other', 0.5, 'no-type-signal')];
}
