/**
 * Which inferred values become the document's metadata. Pure: the caller reads the row and
 * writes the result. A value is applied when the engine is confident of it (status
 * 'applied'), the field is not one a person set, the format's own metadata did not give it
 * reliably, and it is not a value the person rejected before; otherwise it is a suggestion.
 */
import { DOCUMENT_TYPES, isPartialDate, type DocumentMetadata } from '../../../shared/document.js';
import type { Inference, InferredField } from '../../../shared/inference.js';
import type { DocumentFormat } from '../../../shared/document.js';

/** The metadata fields inference may fill. */
export type InferredMetadata = Pick<DocumentMetadata, InferredField>;

export interface Decision {
  /** The fields to set, with their new values. */
  set: Partial<InferredMetadata>;
  /** Every inference with its final status. */
  inferences: Inference[];
}

/**
 * Fields a format's own metadata gives reliably: an email's headers say who sent it, to
 * whom, when and under what subject. A PDF's Title ("scan.html"), a DOCX's creator (the
 * typist's account) or a file name is no such thing.
 */
export function reliableFields(format: DocumentFormat, given: Partial<DocumentMetadata>): Set<InferredField> {
  if (format !== 'email') return new Set();
  const fields: InferredField[] = ['date', 'authors', 'recipients', 'title'];
  return new Set(fields.filter((f) => given[f] !== undefined && given[f] !== null));
}

/** The inferred value in the field's own shape, or undefined when it has none. */
export function fieldValue<F extends InferredField>(
  field: F,
  value: string | string[],
): InferredMetadata[F] | undefined {
  const text = Array.isArray(value) ? value.join('; ') : value;
  switch (field) {
    case 'authors':
    case 'recipients': {
      const names = (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter(Boolean);
      return (names.length > 0 ? names : undefined) as InferredMetadata[F] | undefined;
    }
    case 'date':
      return (isPartialDate(text) ? text : undefined) as InferredMetadata[F] | undefined;
    case 'type':
      return ((DOCUMENT_TYPES as readonly string[]).includes(text) ? text : undefined) as
        InferredMetadata[F] | undefined;
    default:
      return (text.trim() ? text.trim() : undefined) as InferredMetadata[F] | undefined;
  }
}

export interface DecideInput {
  format: DocumentFormat;
  /** What the format's metadata gave (an email's headers). */
  given: Partial<DocumentMetadata>;
  inferences: readonly Inference[];
  /** Fields a person set or edited. */
  userFields: ReadonlySet<string>;
  /** Inferences a person rejected before: the same value stays rejected. */
  rejected?: readonly Inference[];
}

const sameValue = (a: string | string[], b: string | string[]) => JSON.stringify(a) === JSON.stringify(b);

export function decide(input: DecideInput): Decision {
  const reliable = reliableFields(input.format, input.given);
  const set: Partial<Record<InferredField, unknown>> = {};
  const inferences = input.inferences.map((i): Inference => {
    const value = fieldValue(i.field, i.value);
    if (input.rejected?.some((r) => r.field === i.field && sameValue(r.value, i.value)))
      return { ...i, status: 'rejected' };
    const fromHeader = i.rule.startsWith('email-');
    const applies =
      i.status === 'applied' &&
      value !== undefined &&
      !input.userFields.has(i.field) &&
      (!reliable.has(i.field) || fromHeader);
    if (applies) set[i.field] = value;
    return { ...i, status: applies ? 'applied' : 'suggested' };
  });
  return { set: set as Partial<InferredMetadata>, inferences };
}
