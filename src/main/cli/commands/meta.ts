/** exhibit meta: edit a document's metadata, or infer it from the document's face and decide on what was inferred. */
import type { Command } from 'commander';
import { DOCUMENT_TYPES, type DocumentRecord, type DocumentType } from '../../../shared/document.js';
import { INFERRED_FIELDS } from '../../../shared/inference.js';
import type { MetadataPatch } from '../../archive/documents.js';
import {
  EXIT_FAILED,
  EXIT_OK,
  parseId,
  print,
  printJson,
  sayBusy,
  UsageError,
  withArchive,
  writeArchive,
  type GlobalOptions,
} from '../context.js';

const documentCore = () => import('../../archive/documents.js');
const inferenceCore = async () => ({
  ...(await import('../../archive/inference/reinfer.js')),
  ...(await import('../../archive/inference/decisions.js')),
});

function parseType(value: string): DocumentType {
  if (!(DOCUMENT_TYPES as readonly string[]).includes(value)) {
    throw new UsageError(`--type: "${value}" is not one of ${DOCUMENT_TYPES.join(', ')}`);
  }
  return value as DocumentType;
}

/** `title,date` to field names, each checked, or a UsageError naming the option and the field. */
function parseFields(value: string, option: string): string[] {
  const fields = value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (fields.length === 0) throw new UsageError(`${option}: name at least one of ${INFERRED_FIELDS.join(', ')}`);
  for (const field of fields)
    if (!(INFERRED_FIELDS as readonly string[]).includes(field))
      throw new UsageError(`${option}: "${field}" is not one of ${INFERRED_FIELDS.join(', ')}`);
  return fields;
}

function patchOf(o: Record<string, unknown>): MetadataPatch {
  const text = (v: unknown) => (typeof v === 'string' ? (v === '' ? null : v) : undefined);
  const patch: MetadataPatch = {};
  if (typeof o['title'] === 'string') patch.title = o['title'];
  if (typeof o['type'] === 'string') patch.type = parseType(o['type']);
  if (Array.isArray(o['author'])) patch.authors = o['author'] as string[];
  if (Array.isArray(o['recipient'])) patch.recipients = o['recipient'] as string[];
  for (const key of ['organization', 'date', 'source', 'url', 'description'] as const) {
    const v = text(o[key]);
    if (v !== undefined) patch[key] = v;
  }
  if (typeof o['pageOffset'] === 'string') {
    if (!/^-?\d+$/.test(o['pageOffset']))
      throw new UsageError(`--page-offset: "${o['pageOffset']}" is not a whole number`);
    patch.pageLabelOffset = Number(o['pageOffset']);
  }
  return patch;
}

function changeLines(id: number, changes: Record<string, { from: unknown; to: unknown }>): void {
  const entries = Object.entries(changes);
  if (entries.length === 0) print(`document ${id}: nothing changed`);
  for (const [field, { from, to }] of entries)
    print(`document ${id}: ${field} ${JSON.stringify(from)} → ${JSON.stringify(to)}`);
}

export function registerMetaCommand(
  program: Command,
  globals: () => GlobalOptions,
  line: (doc: DocumentRecord) => string,
): void {
  program
    .command('meta')
    .description(
      "edit a document's metadata, or read it from the document's face (--infer) and accept or reject what was read",
    )
    .argument('[id]', 'document id')
    .option('--title <title>')
    .option('--type <type>')
    .option('--author <name...>', 'authors (replaces the list)')
    .option('--recipient <name...>', 'recipients (replaces the list)')
    .option('--organization <org>')
    .option('--date <date>', 'ISO date: 2020, 2020-11 or 2020-11-13 ("" clears)')
    .option('--source <source>', 'source or publisher')
    .option('--url <url>')
    .option('--description <text>')
    .option('--page-offset <n>', 'physical page 1 is printed as 1 + n')
    .option('--infer', "read the metadata from the document's face again (never overwrites a field you set)")
    .option('--all', 'with --infer: every live document')
    .option('--accept <fields>', `accept inferred values (comma-separated: ${INFERRED_FIELDS.join(',')})`)
    .option('--reject <fields>', 'reject inferred values (comma-separated)')
    .action(async (idArg: string | undefined, o: Record<string, unknown>) => {
      const g = globals();
      const patch = patchOf(o);
      const modes = [
        Object.keys(patch).length > 0,
        o['infer'] === true,
        o['accept'] !== undefined,
        o['reject'] !== undefined,
      ];
      if (modes.filter(Boolean).length > 1)
        throw new UsageError('meta: give field edits, --infer, --accept or --reject, one at a time');
      if (o['all'] === true && o['infer'] !== true) throw new UsageError('meta: --all goes with --infer');
      if (o['all'] === true) {
        if (idArg !== undefined) throw new UsageError('meta --infer --all: give no document id');
        const { results, failures } = await withArchive(g, inferenceCore, (a, { reinferAll }) =>
          reinferAll(a, { onBusy: sayBusy }),
        );
        if (g.json) printJson({ results, failures });
        else {
          for (const r of results) changeLines(r.documentId, r.changes);
          for (const f of failures) print(`failed     document ${f.documentId}: ${f.error}`);
          print(`${results.length} document(s) read again, ${failures.length} failed`);
        }
        process.exitCode = failures.length > 0 ? EXIT_FAILED : EXIT_OK;
        return;
      }
      if (idArg === undefined) throw new UsageError('meta: give a document id (or --infer --all)');
      const id = parseId(idArg);
      if (o['infer'] === true || o['accept'] !== undefined || o['reject'] !== undefined) {
        const accept = typeof o['accept'] === 'string' ? parseFields(o['accept'], '--accept') : null;
        const reject = typeof o['reject'] === 'string' ? parseFields(o['reject'], '--reject') : null;
        const result = await writeArchive(g, inferenceCore, (a, core) =>
          accept
            ? core.acceptInferences(a, id, accept)
            : reject
              ? core.rejectInferences(a, id, reject)
              : core.reinferDocument(a, id),
        );
        if (g.json) printJson(result);
        else changeLines(id, result.changes);
        process.exitCode = EXIT_OK;
        return;
      }
      if (Object.keys(patch).length === 0)
        throw new UsageError('meta: give at least one field to change (see exhibit meta --help)');
      const document = await writeArchive(g, documentCore, (a, { updateMetadata }) => updateMetadata(a, id, patch));
      if (g.json) printJson({ document });
      else print(line(document));
      process.exitCode = EXIT_OK;
    });
}
