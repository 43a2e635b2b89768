/**
 * OCR language data, read from files on this machine only: English and the orientation model
 * ship in npm packages (@tesseract.js-data/eng, /osd); any other language is a `.traineddata`
 * file the user has (Debian's tesseract-ocr-* packages, or a folder given with --tessdata).
 * The bytes are handed to the engine directly, so it never has a path to fetch from.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ArchiveError } from '../errors.js';

const require = createRequire(import.meta.url);

/** A language's data file on this machine. */
export interface LanguageFile {
  code: string;
  path: string;
}

/** Folders searched, after any the user gives, for languages not packaged. */
export const SYSTEM_TESSDATA = ['/usr/share/tesseract-ocr/5/tessdata', '/usr/share/tesseract-ocr/4.00/tessdata'];

function packaged(code: 'eng' | 'osd'): string {
  const root = dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
  // eng: the integer "best" LSTM model (3 MB, what tesseract.js itself picks for LSTM);
  // osd: the only build, which needs the legacy engine.
  return code === 'eng'
    ? join(root, '4.0.0_best_int', 'eng.traineddata.gz')
    : join(root, '4.0.0', 'osd.traineddata.gz');
}

/** "eng+fra" → ["eng", "fra"]; refuses what is not a language code. */
export function parseLanguages(spec: string): string[] {
  const codes = spec.split('+').map((c) => c.trim());
  if (codes.length === 0 || codes.length > 8 || codes.some((c) => !/^[a-z]{3}(_[a-z]{2,5})?$/i.test(c)))
    throw new ArchiveError(
      'invalid-input',
      `--lang: "${spec}" is not a list of OCR languages such as eng or eng+fra (at most 8, joined by +)`,
    );
  return [...new Set(codes)];
}

function folders(extra: readonly string[]): string[] {
  const prefix = process.env['TESSDATA_PREFIX'];
  return [...extra, ...(prefix ? [prefix, join(prefix, 'tessdata')] : []), ...SYSTEM_TESSDATA];
}

/** Where a language's data is on this machine, or null. */
export function findLanguage(code: string, extraFolders: readonly string[] = []): string | null {
  if (code === 'eng' || code === 'osd') return packaged(code);
  for (const folder of folders(extraFolders)) {
    for (const name of [`${code}.traineddata`, `${code}.traineddata.gz`]) {
      const path = join(folder, name);
      if (existsSync(path)) return path;
    }
  }
  return null;
}

/**
 * A private folder where each language asked for is `CODE.traineddata` (a link to its file,
 * gzipped or not: the engine tells by its first bytes), for the engine's `langPath`; or says in
 * words which languages are missing and where they were sought.
 */
export async function languageFolder(codes: readonly string[], extraFolders: readonly string[] = []): Promise<string> {
  const found = codes.map((code) => ({ code, path: findLanguage(code, extraFolders) }));
  const missing = found.filter((f) => f.path === null).map((f) => f.code);
  if (missing.length > 0) {
    const names = missing.join(', ');
    throw new ArchiveError(
      'invalid-input',
      `OCR language${missing.length > 1 ? 's' : ''} ${names} not installed: no ${missing
        .map((m) => `${m}.traineddata`)
        .join(
          ' or ',
        )} in ${folders(extraFolders).join(', ')} (install Debian's tesseract-ocr-${missing[0]} or give a folder with --tessdata)`,
    );
  }
  const folder = await mkdtemp(join(tmpdir(), 'exhibit-ocr-lang-'));
  for (const f of found) await symlink(f.path ?? '', join(folder, `${f.code}.traineddata`));
  return folder;
}

/** The engine's name and version, as stored with each page it read. */
export function engineVersion(): { engine: string; version: string } {
  const js = require('tesseract.js/package.json') as { version: string };
  const core = require('tesseract.js-core/package.json') as { version: string };
  return { engine: 'tesseract.js', version: `${js.version} (core ${core.version})` };
}
