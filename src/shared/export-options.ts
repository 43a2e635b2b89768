/**
 * The one list of citation styles and of export formats, with what the user reads for
 * each. The core (export model, CSL styles), the CLI (`exhibit export --style/--format`)
 * and the app's export dialog all read these, so none can offer what another lacks.
 * Pure data: no Node, no React.
 */

/**
 * The citation styles shipped in resources/csl. `chicago` is Chicago's notes and
 * bibliography with full notes, so each footnote is a complete cite on its own;
 * `chicago-short-notes` and `chicago-author-date` are its other two forms.
 */
export const CITATION_STYLES = [
  'chicago',
  'chicago-short-notes',
  'chicago-author-date',
  'apa',
  'mla',
  'legal',
] as const;
export type CitationStyleId = (typeof CITATION_STYLES)[number];

/** Short names for a menu; resources/csl/README.md and csl/styles.ts give the full titles. */
export const CITATION_STYLE_LABELS: Readonly<Record<CitationStyleId, string>> = {
  chicago: 'Chicago, notes and bibliography',
  'chicago-short-notes': 'Chicago, short notes',
  'chicago-author-date': 'Chicago, author-date',
  apa: 'APA 7',
  mla: 'MLA 9',
  legal: 'Legal (Bluebook manner)',
};

/** The formats an export writes (`exhibit export --format`, the app's Format menu). */
export const EXPORT_FORMATS = ['md', 'html', 'docx', 'pdf', 'csv', 'json', 'bundle'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Readonly<Record<ExportFormat, string>> = {
  md: 'Markdown',
  html: 'Web page (HTML)',
  docx: 'Word (DOCX)',
  pdf: 'PDF',
  csv: 'Spreadsheet (CSV)',
  json: 'Data (CSL-JSON and Web Annotations)',
  bundle: 'Evidence bundle (ZIP with originals, verifiable)',
};
