/**
 * What kind of document this is, from its structure and words. Press releases are
 * 'statement': DocumentType has no 'press-release' of its own.
 */
import type { DocumentType } from '../../../shared/document.js';
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
    text.match(/^\s*(?:MR|MS|MRS|DR)\.\s+[A-Z]+:|^\s*(?:CHIEF\s+)?JUSTICE\s+[A-Z]+:|^\s*[QA][.:]\s/gm) ?? [];
  if (turns.length >= 3) return turns[0]?.trim();
  return firstMatch(
    text,
    /oral\s+argument|above-entitled matter|PROCEEDINGS|\bMARKUP\b|HEARING\s+BEFORE|BEFORE THE\s+(SUB)?COMMITTEE|TRANSCRIPT OF/,
  );
}

/** An official named with a release's verb: "U.S. Senator Mark Pryor announced today". */
function releaseLead(head: string): string | undefined {
  const official = firstMatch(
    head,
    /\b(?:SENS?\.?|Sen\.|Senators?|Sens\.|Rep\.|Congress(?:wo)?man|Governor|District Attorney)\s+[A-Z]/,
  );
  const verb =
    /\b(today|announced?|announces|said|applaud(?:ed|s)?|praised?|introduced?|urged?|urges|called|calls|seeks?|questions)\b/i;
  return official && verb.test(head) ? official : undefined;
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

export function inferType(input: InferInput): Finding[] {
  const text = faceText(input);
  const head = text.slice(0, 1500);
  const release = firstMatch(
    head,
    /for immediate release|press release|news release|media advisory|statement attributable to/i,
  );
  if (input.format === 'email') {
    if (release) return [typed(input, 'statement', 0.85, 'email-carrying-release', release)];
    return [typed(input, 'email', 0.95, 'email-format')];
  }
  const memo = firstMatch(head, /^\s*MEMORANDUM\b|^\s*MEMO\b/m);
  const memoLines = head.match(/^\s*(to|from|subject|date|re)\s*:/gim)?.length ?? 0;
  if (memo || memoLines >= 3) return [typed(input, 'memo', memo ? 0.95 : 0.85, 'memo-header', memo)];
  const transcript = transcriptSignal(text.slice(0, 8000));
  if (transcript) return [typed(input, 'transcript', 0.85, 'transcript-structure', transcript)];
  if (release) return [typed(input, 'statement', 0.9, 'release-words', release)];
  const carried = firstMatch(head, /\b(?:sent|released|issued|made) the following (?:letter|statement|remarks)/i);
  if (carried) return [typed(input, 'statement', 0.85, 'release-carrying-letter', carried)];
  // A wire story reposted by an office is an article, whoever reposted it.
  const wire = firstMatch(head, /\((?:AP|Reuters|AFP)\)|Associated Press Writer|^\s*By\s+[A-Z][^\n]{2,40}(?:·|\n)/m);
  if (wire) return [typed(input, 'article', 0.8, 'byline', wire)];
  const dear = /(^|\n|\s)Dear\s+([A-Z][^\n:,]{1,60})[:,]/.exec(text.slice(0, 1500));
  // A release that quotes a letter: the official and the release's verb stand before the salutation.
  const official = releaseLead(head.slice(0, dear ? dear.index : head.length));
  if (official) return [typed(input, 'statement', 0.8, 'release-lead', official)];
  if (dear && !/^(?:Friends?|Colleagues?|Neighbou?rs?|Constituents?|Supporters?|Fellow)\b/i.test(dear[2] ?? ''))
    return [typed(input, 'letter', 0.85, 'letter-salutation', dear[0].trim())];
  if (dear && /\b(?:SEN\.?|Sen\.|Senator|Rep\.|Congress(?:wo)?man)\s+[A-Z]/.test(head))
    return [typed(input, 'statement', 0.75, 'newsletter-to-constituents', dear[0].trim())];
  const statement = firstMatch(head.slice(0, 300), /\bstatement (by|of|from|on)\b/i);
  if (statement) return [typed(input, 'statement', 0.85, 'statement-heading', statement)];
  const law = firstMatch(
    text.slice(0, 3000),
    /\bBe it enacted\b|^\s*(?:An Act|A BILL|AN ACT)\s*$|CONCURRENT RESOLUTION/m,
  );
  if (law) return [typed(input, 'other', 0.75, 'legislation-text', law)];
  const face = input.face;
  if (face && (face.meta['og:type'] === 'article' || face.meta['article:published_time'] || face.jsonLd.datePublished))
    return [typed(input, 'article', 0.85, 'html-article-meta')];
  if (input.format === 'html') return [typed(input, 'article', 0.6, 'web-page')];
  const report = reportSignal(input);
  if (report) return [typed(input, 'report', 0.7, 'report-structure', report)];
  return [typed(input, 'other', 0.5, 'no-type-signal')];
}
