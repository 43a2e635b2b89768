/** exhibit entities [--extract] | entity show | merge | split | rename: people and organisations (issue 17). */
import type { Command } from 'commander';
import { ENTITY_TYPES, type EntityDetail, type EntityKind, type EntitySummary } from '../../../shared/entities.js';
import {
  EXIT_FAILED,
  EXIT_OK,
  parseId,
  print,
  printJson,
  readArchive,
  sayBusy,
  UsageError,
  withArchive,
  writeArchive,
  type GlobalOptions,
} from '../context.js';

const readCore = () => import('../../archive/entity-store/read.js');
const extractCore = () => import('../../archive/entity-store/extract.js');
const decisionCore = () => import('../../archive/entity-store/decisions.js');

const kindWord = (type: EntityKind): string => (type === 'org' ? 'org   ' : 'person');

function line(e: EntitySummary): string {
  const aliases = e.aliases.length ? `  (also: ${e.aliases.join('; ')})` : '';
  return `${String(e.id).padStart(5)}  ${kindWord(e.type)}  ${e.name}${aliases}  — ${e.mentions} mention(s) in ${e.documents} document(s)`;
}

function printDetail(e: EntityDetail): void {
  print(line(e));
  print('\nmentions:');
  for (const m of e.mentionList)
    print(`  document ${m.documentId}, p. ${m.page} [${m.start}–${m.end}]: …${m.before}«${m.text}»${m.after}…`);
  print('\ndocuments:');
  for (const d of e.documentList) print(`  ${String(d.id).padStart(5)}  ${d.title}  (${d.mentions} mention(s))`);
  if (e.quotes.length) print('\nquotes:');
  for (const q of e.quotes)
    print(`  quote ${q.id}, document ${q.documentId}, p. ${q.page}: ${q.text.replace(/\s+/g, ' ')}`);
  if (e.cooccurring.length) print('\nnamed with:');
  for (const c of e.cooccurring) print(`  ${String(c.id).padStart(5)}  ${c.name}  (${c.shared} document(s))`);
  if (e.suggestions.length) print('\nmaybe the same as:');
  for (const s of e.suggestions) print(`  ${String(s.id).padStart(5)}  ${s.name}  (${s.reason})`);
}

function parseKind(value: string): EntityKind {
  if (!(ENTITY_TYPES as readonly string[]).includes(value))
    throw new UsageError(`--type: "${value}" is not one of ${ENTITY_TYPES.join(', ')}`);
  return value as EntityKind;
}

export function registerEntityCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('entities')
    .description('list the people and organisations the documents name; --extract reads the documents for them')
    .option('--type <type>', `only ${ENTITY_TYPES.join(' or ')}`)
    .option('--doc <id>', 'only those one document names')
    .option('--extract', 'read the documents not yet read (imports read new documents themselves)')
    .option('--all', 'with --extract: read every live document again (your merges, splits and renames hold)')
    .action(async (o: { type?: string; doc?: string; extract?: boolean; all?: boolean }) => {
      const g = globals();
      if (o.all && !o.extract) throw new UsageError('entities: --all goes with --extract');
      if (o.extract) {
        if (o.type !== undefined)
          throw new UsageError('entities --extract: --type lists, it does not choose what to read');
        const documentIds = o.doc !== undefined ? [parseId(o.doc, '--doc')] : undefined;
        const report = await withArchive(g, extractCore, (a, { extractEntities }) =>
          extractEntities(a, { ...(documentIds ? { documentIds } : {}), all: !!o.all, onBusy: sayBusy }),
        );
        const pagesPerSecond = report.ms > 0 ? Math.round((report.pages / report.ms) * 1000) : 0;
        if (g.json) printJson({ documents: report.documents.length, pages: report.pages, failures: report.failures });
        else {
          for (const f of report.failures) print(`failed     document ${f.documentId}: ${f.error}`);
          print(
            `${report.documents.length} document(s) read (${report.pages} pages, ${pagesPerSecond} pages/s), ${report.failures.length} failed`,
          );
        }
        process.exitCode = report.failures.length ? EXIT_FAILED : EXIT_OK;
        return;
      }
      const type = o.type !== undefined ? parseKind(o.type) : undefined;
      const documentId = o.doc !== undefined ? parseId(o.doc, '--doc') : undefined;
      const entities = await readArchive(g, readCore, (a, { listEntities }) =>
        listEntities(a.db, { ...(type ? { type } : {}), ...(documentId !== undefined ? { documentId } : {}) }),
      );
      if (g.json) printJson({ entities });
      else if (entities.length === 0)
        print('No people or organisations found. Read the documents with: exhibit entities --extract');
      else for (const e of entities) print(line(e));
    });

  const entity = program.command('entity').description('one person or organisation: show, merge, split, rename');
  entity
    .command('show')
    .description('mentions in context, documents, quotes that name it, and who is named with it')
    .argument('<id>', 'entity id')
    .option('--json', 'print one JSON document')
    .action(async (idArg: string, o: { json?: boolean }) => {
      const id = parseId(idArg);
      const detail = await readArchive(globals(), readCore, (a, { getEntity }) => getEntity(a.db, id));
      if (globals().json || o.json) printJson(detail);
      else printDetail(detail);
    });
  entity
    .command('merge')
    .description('merge the second entity into the first (the first keeps its name)')
    .argument('<id>', 'the entity to keep')
    .argument('<other>', 'the entity merged into it')
    .option('--json', 'print one JSON document')
    .action(async (a: string, b: string, o: { json?: boolean }) => {
      const [keep, other] = [parseId(a), parseId(b, 'OTHER')];
      const merged = await writeArchive(globals(), decisionCore, (x, { mergeEntitiesInto }) =>
        mergeEntitiesInto(x, keep, other),
      );
      if (globals().json || o.json) printJson({ entity: merged });
      else print(`merged entity ${other} into ${line(merged).trim()}`);
    });
  entity
    .command('split')
    .description('take the mentions written as one alias off an entity into a new entity')
    .argument('<id>', 'entity id')
    .requiredOption('--alias <name>', 'the alias to split off')
    .option('--json', 'print one JSON document')
    .action(async (idArg: string, o: { alias: string; json?: boolean }) => {
      const id = parseId(idArg);
      const split = await writeArchive(globals(), decisionCore, (x, { splitEntityAlias }) =>
        splitEntityAlias(x, id, o.alias),
      );
      if (globals().json || o.json) printJson(split);
      else print(`split "${split.to.name}" off entity ${id}: now ${line(split.to).trim()}`);
    });
  entity
    .command('rename')
    .description('give an entity the name you choose (re-reading the documents keeps it)')
    .argument('<id>', 'entity id')
    .argument('<name>', 'the new name')
    .option('--json', 'print one JSON document')
    .action(async (idArg: string, name: string, o: { json?: boolean }) => {
      const id = parseId(idArg);
      const renamed = await writeArchive(globals(), decisionCore, (x, { renameEntity }) => renameEntity(x, id, name));
      if (globals().json || o.json) printJson({ entity: renamed });
      else print(`renamed: ${line(renamed).trim()}`);
    });
}
