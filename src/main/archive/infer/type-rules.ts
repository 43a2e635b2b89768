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
  const transcript = firstMatch(
    text.slice(0, 5000),
    /oral argument|PROCEEDINGS|\bMARKUP\b|HEARING\s+BEFORE|BEFORE THE\s+(SUB)?COMMITTEE|TRANSCRIPT OF/,
  );
  if (transcript) return [typed(input, 'transcript', 0.85, 'transcript-words', transcript)];
  if (release) return [typed(input, 'statement', 0.9, 'release-words', release)];
  const dear = /(^|\n)\s*Dear\s+[A-Z][^\n]{1,60}[:,]\s*\n/.exec(text.slice(0, 1500));
  if (dear) return [typed(input, 'letter', 0.85, 'letter-salutation', dear[0].trim())];
  const statement = firstMatch(head.slice(0, 300), /\bstatement (by|of|from|on)\b/i);
  if (statement) return [typed(input, 'statement', 0.85, 'statement-heading', statement)];
  const face = input.face;
  if (face && (face.meta['og:type'] === 'article' || face.meta['article:published_time'] || face.jsonLd.datePublished))
    return [typed(input, 'article', 0.85, 'html-article-meta')];
  const wire = firstMatch(head, /\((?:AP|Reuters|AFP)\)|Associated Press Writer|^\s*By\s+[A-Z][^\n]{2,40}(?:·|\n)/m);
  if (wire) return [typed(input, 'article', 0.8, 'byline', wire)];
  const official = firstMatch(head, /\b(?:Sen\.|Senators?|Sens\.|Rep\.|Congressman|Governor)\s+[A-Z]/);
  if (official && /\b(today|announced|said|applauded|praised|introduced|urged|called)\b/i.test(head))
    return [typed(input, 'statement', 0.8, 'release-lead', official)];
  if (input.format === 'html') return [typed(input, 'article', 0.6, 'web-page')];
  const report = firstMatch(
    text.slice(0, 4000),
    /\b(summary|introduction|table of contents|executive summary|report)\b/i,
  );
  if (report && input.pages.length >= 3) return [typed(input, 'report', 0.7, 'report-words', report)];
  return [typed(input, 'other', 0.5, 'no-type-signal')];
}
