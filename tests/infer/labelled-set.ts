/**
 * The hand-labelled set (tests/fixtures/labelled/labels.json) run through the real
 * importers and the inference, and scored. Matching rules: a date is right when equal at
 * the same precision; authors when the sets of family names are equal; a title when equal
 * to one of the label's titles after lower-casing and dropping everything but letters and
 * digits; a type when equal.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Inference } from '../../src/shared/inference.js';
import { detectFormat, IMPORTERS } from '../../src/main/archive/importers/index.js';
import type { ExtractedDocument } from '../../src/main/archive/importers/types.js';
import { inferMetadata } from '../../src/main/archive/infer/index.js';
import { familyName } from '../../src/main/archive/infer/names.js';
import { ROOT, SHARED_CORPUS } from '../helpers/paths.js';

export { ROOT };

/** Labels whose documents live outside the repository, in the shared corpus (`corpus:` paths). */
const IN_CORPUS = 'corpus:';

export interface Label {
  path: string;
  /** false: seen while writing rules; true: the third round's held-out batch; a string: a later batch's name. */
  heldOut: boolean | string;
  type: string;
  date: string | null;
  authors: string[];
  title: string | string[] | null;
  note?: string;
}

export interface Scored {
  label: Label;
  doc: ExtractedDocument;
  inferences: Inference[];
  ms: number;
}

export function labels(): Label[] {
  const file = join(ROOT, 'tests/fixtures/labelled/labels.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { documents: Label[] }).documents;
}

/** Whether the labelled document is kept in the repository (so `npm test` can read it in any clone). */
export const inRepository = (label: Label): boolean => !label.path.startsWith(IN_CORPUS);

export function fileOf(label: Label): string | null {
  const path = inRepository(label) ? join(ROOT, label.path) : join(SHARED_CORPUS, label.path.slice(IN_CORPUS.length));
  return existsSync(path) ? path : null;
}

export async function run(label: Label, file: string): Promise<Scored> {
  const bytes = new Uint8Array(readFileSync(file));
  const format = detectFormat(bytes, basename(file));
  const doc = await IMPORTERS[format](bytes, basename(file));
  const started = performance.now();
  const inferences = inferMetadata(doc);
  return { label, doc, inferences, ms: performance.now() - started };
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function valueOf(s: Scored, field: Inference['field']): Inference | undefined {
  return s.inferences.find((i) => i.field === field);
}

export function dateRight(s: Scored): boolean {
  return (valueOf(s, 'date')?.value ?? null) === s.label.date;
}
export function typeRight(s: Scored): boolean {
  return valueOf(s, 'type')?.value === s.label.type;
}
export function authorsRight(s: Scored): boolean {
  const got = valueOf(s, 'authors')?.value ?? [];
  const families = (names: string[] | string) =>
    [...new Set((Array.isArray(names) ? names : [names]).map(familyName))].sort().join('|');
  return families(got) === families(s.label.authors);
}
export function titleRight(s: Scored): boolean {
  const got = valueOf(s, 'title')?.value;
  const wanted = s.label.title === null ? [] : Array.isArray(s.label.title) ? s.label.title : [s.label.title];
  if (wanted.length === 0) return got === undefined;
  return typeof got === 'string' && wanted.some((w) => norm(w) === norm(got));
}

export interface FieldFigures {
  /** Right values among the values inferred. */
  precision: number;
  /** Right values among the values on the face. */
  recall: number;
  /** Documents whose field is right (a value, or rightly none). */
  accuracy: number;
}

export function figures(runs: Scored[], field: 'date' | 'authors' | 'title' | 'type'): FieldFigures {
  const right = { date: dateRight, authors: authorsRight, title: titleRight, type: typeRight }[field];
  const onFace = (s: Scored) =>
    field === 'date'
      ? s.label.date !== null
      : field === 'authors'
        ? s.label.authors.length > 0
        : field === 'title'
          ? s.label.title !== null
          : true;
  const inferred = runs.filter((s) => valueOf(s, field) !== undefined);
  const present = runs.filter(onFace);
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    precision: ratio(inferred.filter((s) => onFace(s) && right(s)).length, inferred.length),
    recall: ratio(present.filter(right).length, present.length),
    accuracy: ratio(runs.filter(right).length, runs.length),
  };
}
