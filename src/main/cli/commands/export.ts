/** exhibit export (--tag T | --search Q | --quotes ID,ID | --collection NAME | --all | --facts [--from --to --tag]) --format F --style S --out PATH */
import type { Command } from 'commander';
import type { ExportSelection } from '../../archive/export/gather.js';
import type { FactSelection } from '../../archive/export/gather-facts.js';
import { checkedDate } from '../fact-options.js';
import {
  CITATION_STYLES,
  EXPORT_FORMATS,
  type CitationStyleId,
  type ExportFormat,
} from '../../../shared/export-options.js';
import type { LoadedSigningKey } from '../../archive/signing/keys.js';
import {
  EXIT_OK,
  parseId,
  print,
  printJson,
  sayBusy,
  UsageError,
  withArchive,
  type GlobalOptions,
} from '../context.js';

/** The exporters (docx, pdf-lib, citeproc) load only when an export runs. */
const exportCore = async () => ({
  ...(await import('../../archive/export/export-archive.js')),
  ...(await import('../../archive/export/export-facts.js')),
});

/** The formats a chronology is written in (the core's list, which the CLI cannot load eagerly). */
const CHRONOLOGY_FORMATS = ['docx', 'pdf', 'csv', 'json', 'bundle'] as const;

interface ExportFlags {
  tag?: string;
  search?: string;
  quotes?: string;
  collection?: string;
  all?: boolean;
  format?: string;
  style: string;
  out?: string;
  force?: boolean;
  title?: string;
  intro?: string;
  facts?: boolean;
  from?: string;
  to?: string;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`${what}: "${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}

/** The one selector given; a usage error when none or several are. */
export function selectionOf(o: ExportFlags): ExportSelection {
  const given: ExportSelection[] = [];
  if (o.tag !== undefined) given.push({ kind: 'tag', tag: o.tag });
  if (o.search !== undefined) given.push({ kind: 'search', query: o.search });
  if (o.quotes !== undefined) {
    const parts = o.quotes.split(/[\s,]+/).filter((p) => p !== '');
    if (parts.length === 0) throw new UsageError('--quotes: give quote ids separated by commas, e.g. --quotes 3,12,7');
    given.push({ kind: 'quotes', ids: parts.map((p) => parseId(p, '--quotes')) });
  }
  if (o.collection !== undefined) given.push({ kind: 'collection', name: o.collection });
  if (o.all) given.push({ kind: 'all' });
  if (given.length !== 1) {
    throw new UsageError(
      `export: give exactly one of --tag, --search, --quotes, --collection or --all${given.length ? ` (${given.length} given)` : ''}`,
    );
  }
  return given[0] as ExportSelection;
}

/** With --facts: the chronology's filters, checked; null without --facts. */
export function factSelectionOf(o: ExportFlags): FactSelection | null {
  if (!o.facts) {
    if (o.from !== undefined || o.to !== undefined)
      throw new UsageError('--from and --to choose facts; give --facts too');
    return null;
  }
  const others = [o.search, o.quotes, o.collection].filter((v) => v !== undefined).length + (o.all ? 1 : 0);
  if (others > 0)
    throw new UsageError('export --facts: --search, --quotes, --collection and --all choose quotes, not facts');
  if (o.format !== undefined && !(CHRONOLOGY_FORMATS as readonly string[]).includes(o.format))
    throw new UsageError(`--format: a chronology is written as ${CHRONOLOGY_FORMATS.join(', ')}, not "${o.format}"`);
  return {
    ...(o.from !== undefined ? { from: checkedDate(o.from, '--from') } : {}),
    ...(o.to !== undefined ? { to: checkedDate(o.to, '--to') } : {}),
    ...(o.tag !== undefined ? { tag: o.tag } : {}),
  };
}

export function registerExportCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('export')
    .description(
      'export quotes with their citations: a document (md, html, docx, pdf), a table (csv), data (json) or an evidence bundle (zip)',
    )
    .option('--tag <tag>', 'the quotes carrying this tag or its children (or whose document does)')
    .option('--search <query>', 'the quotes whose text or note matches this search')
    .option('--quotes <ids>', 'these quotes, in this order (comma-separated ids)')
    .option('--collection <name>', 'a collection, in its order, with its title and introduction')
    .option('--all', 'every quote in the archive')
    .option('--facts', 'the chronology: facts by date with their quotes as sources (docx, pdf, csv, json, bundle)')
    .option('--from <date>', 'with --facts: facts reaching this date or later')
    .option('--to <date>', 'with --facts: facts reaching this date or earlier')
    .option('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`)
    .option('--style <style>', `citation style: ${CITATION_STYLES.join(', ')}`, 'chicago')
    .option('--out <path>', 'the file to write (never overwritten without --force)')
    .option('--force', 'replace the file at --out if there is one')
    .option('--title <title>', 'the heading (default: the collection’s title, or one made from the selection)')
    .option('--intro <text>', 'an introduction printed before the quotes (default: the collection’s)')
    .action(async (o: ExportFlags) => {
      const g = globals();
      const facts = factSelectionOf(o);
      const selection = facts ? null : selectionOf(o);
      if (o.format === undefined) throw new UsageError(`export: --format is required (${EXPORT_FORMATS.join(', ')})`);
      const format: ExportFormat = oneOf(o.format, EXPORT_FORMATS, '--format');
      const style: CitationStyleId = oneOf(o.style, CITATION_STYLES, '--style');
      if (o.out === undefined || o.out.trim() === '') throw new UsageError('export: --out PATH is required');
      const out = o.out;
      // A bundle is signed with your key, made on your first bundle export.
      let signingKey: LoadedSigningKey | undefined;
      const loadKey = async (): Promise<LoadedSigningKey> => {
        const [{ loadOrCreateSigningKey }, { cliKeyStore }] = await Promise.all([
          import('../../archive/signing/keys.js'),
          import('../signing.js'),
        ]);
        return (signingKey = await loadOrCreateSigningKey(cliKeyStore()));
      };
      const options = {
        format,
        style,
        ...(o.force ? { force: true } : {}),
        signingKey: loadKey,
        // Only the custody entry is retried while busy: the file is written once.
        onBusy: sayBusy,
        ...(o.title !== undefined ? { title: o.title } : {}),
        ...(o.intro !== undefined ? { introduction: o.intro === '' ? null : o.intro } : {}),
      };
      const result = await withArchive(g, exportCore, (a, core) =>
        selection
          ? core.exportFromArchive(a, selection, out, options)
          : core.exportFactsFromArchive(a, facts ?? {}, out, options),
      );
      const key = signingKey as LoadedSigningKey | undefined; // set by loadKey during the export
      const keyMade = key?.created ? { fingerprint: key.fingerprint, where: key.where } : null;
      if (g.json) printJson({ ...result, ...(key ? { keyCreated: keyMade } : {}) });
      else {
        if (keyMade)
          print(
            `Made your signing key ${keyMade.fingerprint}, kept in ${keyMade.where} (readable by you alone). A colleague trusts your bundles with: exhibit trust add ${keyMade.fingerprint}`,
          );
        print(
          `Exported ${result.facts !== undefined ? `${result.facts} fact(s) citing ` : ''}${result.quotes} quote(s) from ${result.documents} document(s) to ${result.path}`,
        );
        print(
          `  ${result.format}, ${result.style} · ${result.bytes} bytes · sha256 ${result.sha256}${result.bundleId ? ` · bundle ${result.bundleId}` : ''}`,
        );
        if (result.signer) print(`  signed by ${result.signer} (your key)`);
        for (const w of result.warnings) print(`  warning: ${w}`);
        if (result.bundleId) print(`Check it with: exhibit verify ${result.path}`);
      }
      process.exitCode = EXIT_OK;
    });
}
