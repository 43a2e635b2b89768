/**
 * The citation styles Exhibit ships: CSL files in resources/csl, read from disk (no
 * network at run time) and cached. See resources/csl/README.md for their sources and
 * licences.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CitationStyleId } from '../model.js';
import { ArchiveError } from '../../errors.js';
import { findUp } from '../resources.js';

export interface StyleInfo {
  id: CitationStyleId;
  /** File name in resources/csl. */
  file: string;
  /** What the user sees. */
  label: string;
  /** What the style calls its list of sources. */
  bibliographyHeading: string;
}

export const STYLES: Record<CitationStyleId, StyleInfo> = {
  chicago: {
    id: 'chicago',
    file: 'chicago-fullnote-bibliography.csl',
    label: 'Chicago Manual of Style 17th edition (notes and bibliography)',
    bibliographyHeading: 'Bibliography',
  },
  'chicago-short-notes': {
    id: 'chicago-short-notes',
    file: 'chicago-note-bibliography.csl',
    label: 'Chicago Manual of Style 17th edition (short notes and bibliography)',
    bibliographyHeading: 'Bibliography',
  },
  'chicago-author-date': {
    id: 'chicago-author-date',
    file: 'chicago-author-date.csl',
    label: 'Chicago Manual of Style 17th edition (author-date)',
    bibliographyHeading: 'References',
  },
  apa: { id: 'apa', file: 'apa.csl', label: 'APA 7th edition', bibliographyHeading: 'References' },
  mla: {
    id: 'mla',
    file: 'modern-language-association.csl',
    label: 'MLA 9th edition',
    bibliographyHeading: 'Works Cited',
  },
  legal: {
    id: 'legal',
    file: 'exhibit-legal.csl',
    label: 'Legal memo (in the manner of the Bluebook)',
    bibliographyHeading: 'Sources',
  },
};

export const LOCALE_FILE = 'locales-en-US.xml';

let cachedDir: string | null = null;

/**
 * The folder holding the CSL files: $EXHIBIT_CSL_DIR, else the first `resources/csl`
 * found walking up from this module (the source tree, the bundled CLI in out/cli, the app).
 */
export function cslDir(): string {
  if (cachedDir) return cachedDir;
  const fromEnv = process.env['EXHIBIT_CSL_DIR'];
  if (fromEnv && existsSync(join(fromEnv, LOCALE_FILE))) return (cachedDir = resolve(fromEnv));
  const found = findUp(join('resources', 'csl', LOCALE_FILE));
  if (found) return (cachedDir = dirname(found));
  throw new ArchiveError('not-found', 'resources/csl: the citation style files are missing from this installation');
}

const cache = new Map<string, string>();

function readResource(file: string): string {
  let text = cache.get(file);
  if (text === undefined) {
    text = readFileSync(join(cslDir(), file), 'utf8');
    cache.set(file, text);
  }
  return text;
}

/** The CSL XML of a style. */
export function styleXml(id: CitationStyleId): string {
  const info = STYLES[id];
  if (!info)
    throw new ArchiveError('invalid-input', `style: "${String(id)}" is not one of ${Object.keys(STYLES).join(', ')}`);
  return readResource(info.file);
}

/** The en-US locale every style is rendered with. */
export function localeXml(): string {
  return readResource(LOCALE_FILE);
}
