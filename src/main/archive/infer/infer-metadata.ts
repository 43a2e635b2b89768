/**
 * inferMetadata: every field a document's face states, each with its evidence, the rule
 * that read it and a confidence; the most confident finding per field is kept. A finding
 * at or above APPLY_CONFIDENCE is applied, others are suggestions. Pure: no database, no
 * clock, no file system.
 */
import {
  INFERRED_FIELDS,
  statusFor,
  SUGGEST_CONFIDENCE,
  type FileDates,
  type Inference,
} from '../../../shared/inference.js';
import { pdfDate } from '../importers/pdf.js';
import { DATE_RULES } from './date-rules.js';
import { ORGANIZATION_RULES } from './organization-rules.js';
import { PEOPLE_RULES } from './people-rules.js';
import { letterTitle, TITLE_RULES } from './title-rules.js';
import { inferType } from './type-rules.js';
import type { Finding, InferInput } from './types.js';

export type { InferInput } from './types.js';

type Rule = (input: InferInput) => Finding[];

const RULES: Rule[] = [...DATE_RULES, ...PEOPLE_RULES, ...TITLE_RULES, ...ORGANIZATION_RULES, inferType];

/** The most confident finding of each field; on a tie the earlier rule wins. */
function best(findings: Finding[]): Map<string, Finding> {
  const chosen = new Map<string, Finding>();
  for (const f of findings) {
    const current = chosen.get(f.field);
    if (!current || f.confidence > current.confidence) chosen.set(f.field, f);
  }
  return chosen;
}

export function inferMetadata(input: InferInput): Inference[] {
  const findings = RULES.flatMap((rule) => rule(input)).filter((f) => f.confidence >= SUGGEST_CONFIDENCE);
  const chosen = best(findings);
  const type = chosen.get('type')?.value;
  if (type === 'letter' && (chosen.get('title')?.confidence ?? 0) < 0.9) {
    const asArray = (v: Finding['value'] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
    const [built] = letterTitle(asArray(chosen.get('authors')?.value), asArray(chosen.get('recipients')?.value));
    if (built) chosen.set('title', built);
  }
  return INFERRED_FIELDS.flatMap((field) => {
    const f = chosen.get(field);
    return f ? [{ ...f, status: statusFor(f.confidence) }] : [];
  });
}

/** The file's own dates, as the importers found them: kept apart from the document's date. */
export function fileDatesOf(input: InferInput): FileDates {
  const dates: FileDates = {};
  const pdf = input.extra?.['pdf'] as { created?: unknown; modified?: unknown } | undefined;
  if (input.format === 'pdf' && pdf) {
    const created = pdfDate(pdf.created);
    const modified = pdfDate(pdf.modified);
    if (created) dates.created = created;
    if (modified) dates.modified = modified;
  }
  if (input.format === 'docx' && input.metadata.date) dates.created = input.metadata.date;
  if (input.fileModified) dates.fileModified = input.fileModified;
  return dates;
}
