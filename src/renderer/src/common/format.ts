/** Display helpers shared by the views. */
import type { DocumentFormat, DocumentType } from '../../../shared/document.js';

const TYPE_LABELS: Record<DocumentType, string> = {
  statement: 'Statement',
  letter: 'Letter',
  memo: 'Memo',
  email: 'Email',
  article: 'Article',
  report: 'Report',
  transcript: 'Transcript',
  other: 'Other',
};

export function typeLabel(type: DocumentType): string {
  return TYPE_LABELS[type];
}

/** The file's format in words: the same article as PDF, web page and text must be told apart. */
const FORMAT_LABELS: Record<DocumentFormat, string> = {
  pdf: 'PDF',
  text: 'Text',
  markdown: 'Markdown',
  html: 'Web page',
  docx: 'Word',
  email: 'Email',
  image: 'Image',
};

export function formatLabel(format: DocumentFormat): string {
  return FORMAT_LABELS[format];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2020-11-13` → `13 Nov 2020`, `2020-11` → `Nov 2020`, `2020` → `2020`. */
export function formatPartialDate(date: string | null): string {
  if (!date) return '';
  const [y, m, d] = date.split('-');
  if (!m) return y ?? '';
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "1 quote", "3 quotes". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** The file name part of a path from either platform. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** "also in PDF, Text": a row's other versions by their formats in words, in import order. */
export function alsoInText(versions: readonly { format: DocumentFormat }[]): string {
  return versions.length === 0 ? '' : `also in ${versions.map((v) => formatLabel(v.format)).join(', ')}`;
}
