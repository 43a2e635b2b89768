/** exhibit import | docs | show | meta | delete | trash | history | check */
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { DOCUMENT_TYPES, type DocumentRecord, type DocumentType } from '../../../shared/document.js';
import type { BundleImportSummary } from '../../archive/import/results.js';
import { whyNotWritable } from '../../archive/db/file-access.js';
import {
  archivePath,
  EXIT_FAILED,
  EXIT_INCOMPLETE,
  EXIT_OK,
  parseId,
  print,
  printJson,
  UsageError,
  readArchive,
  sayBusy,
  whileBusy,
  withArchive,
  writeArchive,
  type GlobalOptions,
} from '../context.js';
import { registerMetaCommand } from './meta.js';
import { ocrExitCode, ocrSummary, printOcrResults, runOcr } from './ocr.js';
import { extractAfterImport } from '../extract-after-import.js';

// Each command loads its part of the core when it runs (the importers only for import).
const documentCore = () => import('../../archive/documents.js');
const importCore = async () => ({
  ...(await import('../../archive/import/import-files.js')),
  ...(await import('../../archive/ocr/ocr-documents.js')),
});
const showCore = async () => ({
  ...(await import('../../archive/documents.js')),
  ...(await import('../../archive/inference/read.js')),
  ...(await import('../../archive/ocr/read-ocr.js')),
});
const custodyCore = () => import('../../archive/custody.js');
const checkCore = async () => ({
  ...(await import('../../archive/check.js')),
  ...(await import('../../archive/search/rebuild.js')),
  ...(await import('../../archive/state-check.js')),
});

function parseType(value: string): DocumentType {
  if (!(DOCUMENT_TYPES as readonly string[]).includes(value)) {
    throw new UsageError(`--type: "${value}" is not one of ${DOCUMENT_TYPES.join(', ')}`);
  }
  return value as DocumentType;
}

/** What an evidence bundle brought: its documents and quotes, new or already here. */
function bundleLine(b: BundleImportSummary): string {
  const n = (status: string) => b.quotes.filter((q) => q.status === status).length;
  const quotes = [
    `${n('imported')} new`,
    `${n('existing')} already here`,
    ...(n('orphaned') ? [`${n('orphaned')} orphaned`] : []),
    ...(n('skipped') ? [`${n('skipped')} skipped`] : []),
  ];
  return `bundle ${b.bundleId}: ${b.documents.imported} new document(s), ${b.documents.existing} already here; quotes ${quotes.join(', ')}`;
}

function line(doc: DocumentRecord): string {
  const date = doc.date ?? '—';
  const authors = doc.authors.length ? doc.authors.join('; ') : '—';
  return `${String(doc.id).padStart(5)}  ${doc.type.padEnd(10)} ${date.padEnd(10)}  ${doc.title}  (${authors}; ${doc.pageCount} p.)`;
}

export function registerDocumentCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('import')
    .description(
      'import files and folders (recursively) into the archive; an Exhibit evidence bundle (.zip) brings its documents, quotes, tags and notes',
    )
    .argument('<paths...>', 'files or folders')
    .option('--type <type>', `document type (${DOCUMENT_TYPES.join(', ')})`)
    .option(
      '--tag <tag>',
      'tag every imported document (repeatable)',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option('--no-infer', 'do not read metadata from the documents’ faces nor group their versions')
    .option('--no-ocr', 'do not read scanned pages and images by OCR after the import (exhibit ocr does it later)')
    .option(
      '--no-entities',
      'do not read the people and organisations after importing (exhibit entities --extract does)',
    )
    .action(
      async (
        paths: string[],
        opts: { type?: string; tag: string[]; infer: boolean; ocr: boolean; entities: boolean },
      ) => {
        const g = globals();
        const type = opts.type === undefined ? undefined : parseType(opts.type);
        const showProgress = !g.json && process.stderr.isTTY;
        const { results, ocr } = await withArchive(g, importCore, async (archive, core) => {
          const imported = await core.importPaths(archive, paths, {
            ...(type ? { type } : {}),
            ...(opts.tag.length ? { tags: opts.tag } : {}),
            infer: opts.infer,
            onProgress: showProgress
              ? (p) => process.stderr.write(`\r\x1b[2K[${p.done}/${p.total}] ${p.path.slice(-70)}`)
              : undefined,
            onBusy: sayBusy,
          });
          if (showProgress) process.stderr.write('\r\x1b[2K');
          // The documents are stored and usable; OCR of their scans comes after, each in its own transaction.
          const ids = imported.flatMap((r) => (r.status === 'imported' && r.documentId !== null ? [r.documentId] : []));
          const read = opts.ocr && ids.length ? await runOcr(archive, ids, {}, g.json ?? false, core, undefined) : [];
          return { results: imported, ocr: read };
        });
        if (g.json) printJson({ results, ocr });
        else {
          for (const r of results) {
            if (r.status === 'failed') print(`failed     ${r.error ?? r.path}`);
            else if (r.bundle) print(`${r.status.padEnd(10)} ${r.path} → ${bundleLine(r.bundle)}`);
            else print(`${r.status.padEnd(10)} ${r.path} → document ${r.documentId}`);
            for (const p of r.bundle?.problems ?? []) print(`           problem (${p.kind}): ${p.message}`);
            if (r.bundle?.signature?.status === 'signed') print(`           ${r.bundle.signature.message}`);
            for (const w of r.warnings) print(`           warning: ${w}`);
          }
          // Files and documents; a bundle's own line counts only when it failed.
          const count = (s: string) => results.filter((r) => r.status === s && (!r.bundle || s === 'failed')).length;
          print(`${count('imported')} imported, ${count('duplicate')} duplicate, ${count('failed')} failed`);
          printOcrResults(ocr);
        }
        const failed = results.some((r) => r.status === 'failed');
        process.exitCode = failed ? EXIT_FAILED : ocrExitCode(ocr);
        // After the import's transactions, apart from them: a failure here costs no imported document.
        if (opts.entities && results.some((r) => r.status === 'imported')) await extractAfterImport(g, showProgress);
      },
    );

  program
    .command('docs')
    .description('list the documents in the archive')
    .option('--trash', 'list the trash instead')
    .action(async (opts: { trash?: boolean }) => {
      const g = globals();
      const documents = await readArchive(g, documentCore, (a, { listDocuments }) =>
        listDocuments(a.db, { trash: opts.trash ?? false }),
      );
      if (g.json) printJson({ documents });
      else if (documents.length === 0)
        print(opts.trash ? 'The trash is empty.' : 'No documents yet. Import some with: exhibit import FILE...');
      else for (const d of documents) print(line(d));
      process.exitCode = EXIT_OK;
    });

  program
    .command('show')
    .description("show a document's metadata and text")
    .argument('<id>', 'document id')
    .option('--page <n>', 'only this page')
    .action(async (idArg: string, opts: { page?: string }) => {
      const g = globals();
      const id = parseId(idArg);
      const page = opts.page === undefined ? undefined : parseId(opts.page, '--page');
      const { document, pages, inferred } = await readArchive(g, showCore, async (a, core) => {
        const ocr = await core.ocrPagesOf(a.db, id);
        const texts = await core.getPages(a.db, id, page);
        return {
          document: await core.getDocument(a.db, id),
          pages: texts.map((p) => ({ ...p, ocr: ocrSummary(ocr.get(p.number)) })),
          inferred: await core.documentInference(a.db, id),
        };
      });
      if (g.json) printJson({ document, pages, ...inferred });
      else {
        print(`${document.title}`);
        print(`  type ${document.type} · date ${document.date ?? '—'} · authors ${document.authors.join('; ') || '—'}`);
        print(`  file ${document.fileName} · ${document.size} bytes · sha256 ${document.sha256}`);
        for (const w of document.warnings) print(`  warning: ${w}`);
        const dates = Object.entries(inferred.fileDates).map(([k, v]) => `${k} ${v}`);
        if (dates.length) print(`  file dates (the file's, not the document's): ${dates.join(' · ')}`);
        for (const i of inferred.inferences.filter((x) => x.status === 'suggested'))
          print(`  suggested ${i.field}: ${JSON.stringify(i.value)} (${i.rule}, ${Math.round(i.confidence * 100)}%)`);
        if (inferred.versions.length) print(`  versions: ${inferred.versions.join(', ')}`);
        for (const p of pages) {
          const ocr = p.ocr ? ` (text recognised by OCR, mean confidence ${Math.round(p.ocr.meanConfidence)}%)` : '';
          print(`\n--- page ${p.number}${ocr} ---`);
          print(p.text);
        }
      }
      process.exitCode = EXIT_OK;
    });

  registerMetaCommand(program, globals, line);

  program
    .command('delete')
    .description('move a document to the trash')
    .argument('<id>', 'document id')
    .option('-y, --yes', 'do not ask')
    .action(async (idArg: string, opts: { yes?: boolean }) => {
      const g = globals();
      const id = parseId(idArg);
      await withArchive(g, documentCore, async (a, { getDocument, trashDocument }) => {
        const doc = await getDocument(a.db, id);
        if (!opts.yes) {
          if (!process.stdin.isTTY) throw new UsageError('delete: not a terminal; pass --yes to confirm');
          const rl = createInterface({ input: process.stdin, output: process.stderr });
          const answer = await rl.question(`Move document ${id} "${doc.title}" to the trash? [y/N] `);
          rl.close();
          if (!/^y(es)?$/i.test(answer.trim())) throw new UsageError('delete: not confirmed');
        }
        // Asked once; only the change is tried again while the archive is busy.
        await whileBusy(() => trashDocument(a, id));
      });
      if (g.json) printJson({ trashed: id });
      else print(`Document ${id} moved to the trash (exhibit trash restore ${id} brings it back).`);
      process.exitCode = EXIT_OK;
    });

  const trash = program.command('trash').description('the trash: list, restore, empty');
  trash.command('list').action(async () => {
    const g = globals();
    const documents = await readArchive(g, documentCore, (a, { listDocuments }) =>
      listDocuments(a.db, { trash: true }),
    );
    if (g.json) printJson({ documents });
    else if (documents.length === 0) print('The trash is empty.');
    else for (const d of documents) print(line(d));
    process.exitCode = EXIT_OK;
  });
  trash
    .command('restore')
    .argument('<id>', 'document id')
    .action(async (idArg: string) => {
      const g = globals();
      const id = parseId(idArg);
      await writeArchive(g, documentCore, (a, { restoreDocument }) => restoreDocument(a, id));
      if (g.json) printJson({ restored: id });
      else print(`Document ${id} restored.`);
      process.exitCode = EXIT_OK;
    });
  trash
    .command('empty')
    .description('delete for good everything in the trash')
    .option('-y, --yes', 'do not ask')
    .action(async (opts: { yes?: boolean }) => {
      const g = globals();
      if (!opts.yes) throw new UsageError('trash empty: deleting for good needs --yes');
      const purged = await writeArchive(g, documentCore, (a, { emptyTrash }) => emptyTrash(a));
      if (g.json) printJson({ purged });
      else print(`${purged} document(s) deleted for good.`);
      process.exitCode = EXIT_OK;
    });

  program
    .command('history')
    .description('the custody history, or one document’s')
    .argument('[id]', 'document id')
    .option('--head', 'print only the chain head, LENGTH:HASH, to keep outside the archive (check --head)')
    .action(async (idArg: string | undefined, options: { head?: boolean }) => {
      const g = globals();
      if (options.head) {
        if (idArg !== undefined)
          throw new UsageError('history --head: the head is the whole chain’s; give no document id');
        const { head, line } = await readArchive(g, custodyCore, async (a, { chainHead, formatHead }) => {
          const found = await chainHead(a.db);
          return { head: found, line: formatHead(found) };
        });
        if (g.json) printJson(head);
        else print(line);
        process.exitCode = EXIT_OK;
        return;
      }
      const id = idArg === undefined ? undefined : parseId(idArg);
      const entries = await readArchive(g, custodyCore, (a, { listHistory }) => listHistory(a.db, id));
      if (g.json) printJson({ entries });
      else if (entries.length === 0) print('No history yet.');
      else
        for (const e of entries) {
          const about = e.documentId !== null ? `document ${e.documentId}` : (e.subject ?? '');
          print(`${String(e.id).padStart(5)}  ${e.at}  ${e.action.padEnd(8)} ${about}  ${e.hash.slice(0, 12)}`);
        }
      process.exitCode = EXIT_OK;
    });

  program
    .command('check')
    .description(
      'verify the archive: SQLite integrity, the custody chain, the search indexes, every original’s SHA-256',
    )
    .option('--rebuild-search', 'rebuild the search indexes from the archive’s text first (on record), then check')
    .option('--head <LENGTH:HASH>', 'a chain head recorded earlier (history --head) that the history must still hold')
    .action(async (options: { rebuildSearch?: boolean; head?: string }) => {
      const g = globals();
      const { parseHead } = await import('../../archive/state-check.js');
      const head = options.head === undefined ? undefined : parseHead(options.head);
      if (head === null)
        throw new UsageError(`--head: "${options.head ?? ''}" is not LENGTH:HASH as printed by exhibit history --head`);
      // Checking changes nothing, but SQLite checks a search index through a write, so the
      // archive opens for writing where it can; on read-only media those checks say so.
      const writable = options.rebuildSearch || whyNotWritable(archivePath(g)) === null;
      const report = await withArchive(
        g,
        checkCore,
        async (a, { checkArchive, rebuildSearchIndexes }) => {
          if (options.rebuildSearch) await rebuildSearchIndexes(a);
          return checkArchive(a, head ? { head } : {});
        },
        writable ? 'write' : 'read',
      );
      if (g.json) printJson(report);
      else {
        print(
          `${report.documents} document(s), ${report.originals} original(s), ${report.historyEntries} history entr(ies)`,
        );
        for (const p of report.problems) print(`problem (${p.kind}): ${p.message}`);
        for (const n of report.notChecked) print(`not checked (${n.kind}): ${n.message}`);
        if (!report.ok) print(`${report.problems.length} problem(s) found.`);
        else
          print(report.notChecked.length === 0 ? 'All checks passed.' : 'No problem found in what could be checked.');
      }
      // Busy is not damage: 3 says "try again", read-only media leave nothing to retry.
      const busy = report.notChecked.some((n) => n.reason === 'busy');
      process.exitCode = !report.ok ? EXIT_FAILED : busy ? EXIT_INCOMPLETE : EXIT_OK;
    });
}
