/** The organisation behind a document: its letterhead or memo header, a site's name, an email's Organization. */
import { linesOf, sourceAt } from './page-text.js';
import { isAllCaps } from './sentence-case.js';
import { nameCase } from './names.js';
import { faceText, finding, type Finding, type InferInput } from './types.js';

/** A letterhead: the first line in capitals, before anything else is said. */
function letterhead(input: InferInput): Finding[] {
  const text = faceText(input);
  const first = linesOf(text, 5).find((l) => l.text.trim() !== '');
  const value = first?.text.trim() ?? '';
  if (
    !first ||
    value.length > 80 ||
    !isAllCaps(value) ||
    !/\b(DEPARTMENT|OFFICE|SENATE|HOUSE|POLICE|COUNCIL|AGENCY|COMMISSION|BUREAU|COURT|MINISTRY|CITY|COUNTY|STATE|UNIVERSITY|INC|LTD|LLC|CORPORATION|REVIEW|TIMES|NEWS)\b/.test(
      value,
    )
  )
    return [];
  const at = first.start + first.text.indexOf(value);
  return [finding('organization', nameCase(value), 0.8, 'letterhead', sourceAt(text, 1, at, at + value.length))];
}

function siteName(input: InferInput): Finding[] {
  const site = input.face?.meta['og:site_name'] ?? input.face?.meta['application-name'];
  return site ? [finding('organization', site, 0.85, 'html-site-name', null)] : [];
}

function emailOrganization(input: InferInput): Finding[] {
  const org = input.format === 'email' ? input.metadata.organization : null;
  return org ? [finding('organization', org, 0.85, 'email-organization-header', null)] : [];
}

export const ORGANIZATION_RULES = [emailOrganization, siteName, letterhead];
