/** exhibit ocr ID|--all [--lang L] [--force] [--tessdata DIR]; and the OCR that `exhibit import` runs. */
import type { Command } from 'commander';
import type { OcrPageInfo } from '../../../shared/ocr.js';
import type { Archive } from '../../archive/archive.js';
import type { OcrBatchResult, OcrBatchOptions } from '../../archive/ocr/ocr-documents.js';
import type { OcrProgress } from '../../archive/ocr/ocr-document.js';
import {
  EXIT_FAILED,
  EXIT_INCOMPLETE,
  EXIT_OK,
  parseId,
  print,
  printJson,
  sayBusy,
  UsageError,
  withArchive,
  type GlobalOptions,
} from '../context.js';

const ocrCore = async () => ({
  ...(await import('../../archive/ocr/ocr-documents.js')),
  ...(await import('../../archive/ocr/languages.js')),
});

export interface OcrCommandOptions {
  lang?: string;
  force?: boolean;
  tessdata?: string[];
}

function progressLine(p: OcrProgress): string {
  const o = p.outcome;
  const at = `document ${p.documentId} page ${o.page}/${p.pageCount}`;
  if (o.status === 'read')
    return `${at}: read by OCR (${o.words} words, mean confidence ${Math.round(o.meanConfidence)}%)`;
  if (o.status === 'refused') return `${at}: refused: ${o.reason}`;
  return `${at}: skipped (${o.reason})`;
}

function summaryLine(r: OcrBatchResult): string {
  if (r.status !== 'done') return `failed     ${r.error}`;
  const read = r.pages.filter((p) => p.status === 'read');
  const refused = r.pages.filter((p) => p.status === 'refused');
  const mean = read.length ? Math.round(read.reduce((s, p) => s + p.meanConfidence, 0) / read.length) : null;
  const parts = [
    `${read.length} page(s) read by OCR${mean === null ? '' : ` (mean confidence ${mean}%)`}`,
    ...(refused.length ? [`${refused.length} refused`] : []),
    ...(r.stored?.quotes.orphaned ? [`${r.stored.quotes.orphaned} quote(s) orphaned`] : []),
  ];
  return `ocr        document ${r.documentId}: ${parts.join(', ')}`;
}

/**
 * Runs OCR over documents of an open archive with progress per page on stderr; Ctrl-C stops it
 * (the document being read is not stored; those done are kept). Resolves to the results.
 */
export async function runOcr(
  archive: Archive,
  ids: readonly number[],
  options: OcrCommandOptions,
  json: boolean,
  core: { ocrDocuments: (a: Archive, ids: readonly number[], o: OcrBatchOptions) => Promise<OcrBatchResult[]> },
  languages: string[] | undefined,
): Promise<OcrBatchResult[]> {
  const controller = new AbortController();
  const stop = () => {
    process.stderr.write('exhibit: stopping OCR after the pages being read (Ctrl-C again to quit at once)\n');
    controller.abort();
    process.off('SIGINT', stop);
  };
  process.on('SIGINT', stop);
  try {
    return await core.ocrDocuments(archive, ids, {
      ...(languages ? { languages } : {}),
      ...(options.tessdata?.length ? { tessdata: options.tessdata } : {}),
      force: options.force ?? false,
      signal: controller.signal,
      onBusy: sayBusy,
      ...(json ? {} : { onPage: (p: OcrProgress) => process.stderr.write(`${progressLine(p)}\n`) }),
    });
  } finally {
    process.off('SIGINT', stop);
  }
}

/** What `show --json` says of a page's OCR: null when its text is its own. */
export function ocrSummary(info: OcrPageInfo | undefined) {
  if (!info) return null;
  const { meanConfidence, engine, engineVersion, languages, recognisedAt } = info;
  return { meanConfidence, engine, engineVersion, languages, recognisedAt };
}

/** Prints OCR results as `exhibit import` and `exhibit ocr` do (not in --json). */
export function printOcrResults(results: readonly OcrBatchResult[]): void {
  for (const r of results) {
    if (r.status === 'done' && !r.pages.some((p) => p.status !== 'skipped')) continue;
    print(summaryLine(r));
    if (r.status === 'done')
      for (const p of r.pages) if (p.status === 'refused') print(`           refused: ${p.reason}`);
  }
}

/** The exit code OCR results call for: cancelled 3, a failure or a refused page 1. */
export function ocrExitCode(results: readonly OcrBatchResult[]): number {
  if (results.some((r) => r.status === 'cancelled')) return EXIT_INCOMPLETE;
  const failed = results.some((r) => r.status !== 'done' || r.pages.some((p) => p.status === 'refused'));
  return failed ? EXIT_FAILED : EXIT_OK;
}

export function registerOcrCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('ocr')
    .description('read the text of scanned pages and image documents (offline OCR), page by page')
    .argument('[id]', 'document id')
    .option('--all', 'every PDF and image document')
    .option('--lang <languages>', 'OCR languages joined by + (default eng), e.g. eng+fra')
    .option('--force', 'read again the pages OCR has read before')
    .option(
      '--tessdata <folder>',
      'a folder of .traineddata files for other languages (repeatable)',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .action(async (idArg: string | undefined, opts: OcrCommandOptions & { all?: boolean }) => {
      const g = globals();
      if ((idArg === undefined) === !opts.all) throw new UsageError('ocr: give a document ID or --all (not both)');
      const id = idArg === undefined ? null : parseId(idArg);
      const results = await withArchive(
        g,
        ocrCore,
        async (archive, core) => {
          const languages = opts.lang === undefined ? undefined : core.parseLanguages(opts.lang);
          const ids = id === null ? await core.documentsOcrCanRead(archive) : [id];
          return runOcr(archive, ids, opts, g.json ?? false, core, languages);
        },
        'write',
      );
      if (g.json) printJson({ results });
      else {
        printOcrResults(results);
        const read = results.flatMap((r) => (r.status === 'done' ? r.pages.filter((p) => p.status === 'read') : []));
        print(`${read.length} page(s) read by OCR in ${results.length} document(s)`);
      }
      process.exitCode = ocrExitCode(results);
    });
}
