/**
 * Labels that say a date is not the document's own: when it expires, when something
 * happened ("Date of Incident:"), a form's revision mark ("DCF-F-2476-E (R. 04/2014)",
 * "Rev. 3/2019"), a deadline. A document states such dates on its face beside its own.
 */

/** The end of the text before a date, on its line, when it names another kind of date. */
const OTHER_DATE_LABEL =
  /(?:\b(?:expires?|expiry|expiration|expiring|valid\s+(?:until|through|till|to)|due(?:\s+date)?|deadline|closing\s+date|(?:date|time)\s+of\s+(?!(?:issue|release|publication|this|the\s+(?:letter|report|memo))\b)[a-z]+(?:\s+[a-z]+)?|d\.?o\.?b|born|revised|revision|rev|r)\.?\s*[:.-]?\s*\(?\s*)$/i;

/** Whether the date that follows `before` (the text before it on its line) is labelled as another kind of date. */
export function isOtherDate(before: string): boolean {
  return OTHER_DATE_LABEL.test(before.slice(-40));
}

/**
 * Labels that open a line and give the document's own date: a policy's "In force from",
 * "Effective date:", "Issued:", a page's "Last reviewed". In a sentence ("effective
 * January 1, the rule…") the same words date something else: only a line's start counts.
 */
export const OWN_DATE_LABEL =
  /^[ \t]*(?:in\s+force\s+(?:from|as\s+(?:of|at))|in\s+effect\s+(?:from|as\s+of)|effective(?:\s+(?:from|date|as\s+of|on))?|valid\s+from|current\s+as\s+(?:of|at)|issued(?:\s+on)?|date\s+of\s+issue|published(?:\s+on)?|approved(?:\s+on)?|adopted(?:\s+on)?|last\s+(?:reviewed|revised|updated)(?:\s+on)?)[ \t]*:?[ \t]*/i;
