/** exhibit collection create | add | remove | move | list | show | edit | delete */
import type { Command } from 'commander';
import type { CollectionRecord, CollectionSummary } from '../../../shared/collection.js';
import type { CollectionPatch } from '../../archive/collections/collections.js';
import {
  EXIT_OK,
  parseId,
  print,
  printJson,
  UsageError,
  readArchive,
  writeArchive,
  type GlobalOptions,
} from '../context.js';
import { oneLine, parseWhole } from '../options.js';

const collectionCore = () => import('../../archive/collections/collections.js');

function headline(c: CollectionSummary): string {
  return `${c.name}  “${c.title}”  (${c.quotes} quote${c.quotes === 1 ? '' : 's'})`;
}

function show(c: CollectionRecord): void {
  print(headline(c));
  if (c.introduction) for (const line of c.introduction.split('\n')) print(`  ${line}`);
  for (const item of c.items) {
    const q = item.quote;
    const pages = q.page === q.pageEnd ? `p. ${q.pageLabel}` : `pp. ${q.pageLabel}`;
    const flags = [
      q.deletedAt ? 'deleted' : '',
      item.documentTrashed ? 'document in the trash' : '',
      q.status === 'orphaned' ? 'ORPHANED' : '',
    ]
      .filter(Boolean)
      .join(', ');
    print(
      `${String(item.position).padStart(4)}. quote ${q.id}, document ${q.documentId} “${oneLine(item.documentTitle, 40)}”, ${pages}${flags ? ` [${flags}]` : ''}`,
    );
    print(`      “${oneLine(q.text, 90)}”`);
  }
  if (c.items.length === 0) print(`  (empty: exhibit collection add "${c.name}" QUOTE_ID...)`);
}

function done(g: GlobalOptions, collection: CollectionRecord): void {
  if (g.json) printJson({ collection });
  else show(collection);
  process.exitCode = EXIT_OK;
}

export function registerCollectionCommands(program: Command, globals: () => GlobalOptions): void {
  const collection = program
    .command('collection')
    .description('named, ordered lists of quotes with a title and an introduction, to export');

  collection
    .command('create')
    .description('make a new, empty collection')
    .argument('<name>')
    .option('--title <title>', 'the heading of its exports (default: the name)')
    .option('--intro <text>', 'an introduction printed before its quotes')
    .action(async (name: string, o: { title?: string; intro?: string }) => {
      const g = globals();
      const made = await writeArchive(g, collectionCore, (a, { createCollection }) =>
        createCollection(a, {
          name,
          ...(o.title !== undefined ? { title: o.title } : {}),
          ...(o.intro !== undefined ? { introduction: o.intro } : {}),
        }),
      );
      done(g, made);
    });

  collection
    .command('add')
    .description('add quotes to a collection, in the order given (at the end, or from --position on)')
    .argument('<name>')
    .argument('<quote-ids...>')
    .option('--position <n>', 'where the first one goes (1 is the top)')
    .action(async (name: string, ids: string[], o: { position?: string }) => {
      const g = globals();
      const quoteIds = ids.map((id) => parseId(id, 'QUOTE_ID'));
      const position = o.position === undefined ? undefined : parseWhole(o.position, '--position');
      done(
        g,
        await writeArchive(g, collectionCore, (a, { addToCollection }) => addToCollection(a, name, quoteIds, position)),
      );
    });

  collection
    .command('remove')
    .description('take a quote out of a collection (the quote stays in the archive)')
    .argument('<name>')
    .argument('<quote-id>')
    .action(async (name: string, id: string) => {
      const g = globals();
      const quoteId = parseId(id, 'QUOTE_ID');
      done(
        g,
        await writeArchive(g, collectionCore, (a, { removeFromCollection }) => removeFromCollection(a, name, quoteId)),
      );
    });

  collection
    .command('move')
    .description('move a quote to another position (1 is the top)')
    .argument('<name>')
    .argument('<quote-id>')
    .argument('<position>')
    .action(async (name: string, id: string, position: string) => {
      const g = globals();
      const quoteId = parseId(id, 'QUOTE_ID');
      const to = parseWhole(position, 'POSITION');
      done(
        g,
        await writeArchive(g, collectionCore, (a, { moveInCollection }) => moveInCollection(a, name, quoteId, to)),
      );
    });

  collection
    .command('list')
    .description('list the collections')
    .action(async () => {
      const g = globals();
      const collections = await readArchive(g, collectionCore, (a, { listCollections }) => listCollections(a.db));
      if (g.json) printJson({ collections });
      else if (collections.length === 0)
        print('No collections. Make one with: exhibit collection create NAME --title "…"');
      else for (const c of collections) print(headline(c));
      process.exitCode = EXIT_OK;
    });

  collection
    .command('show')
    .description('show a collection with its quotes in order')
    .argument('<name>')
    .action(async (name: string) => {
      const g = globals();
      done(g, await readArchive(g, collectionCore, (a, { getCollection }) => getCollection(a.db, name)));
    });

  collection
    .command('edit')
    .description('rename a collection or change its title or introduction')
    .argument('<name>')
    .option('--name <new-name>', 'a new name')
    .option('--title <title>', 'a new title')
    .option('--intro <text>', 'a new introduction ("" clears it)')
    .action(async (name: string, o: { name?: string; title?: string; intro?: string }) => {
      const g = globals();
      const patch: CollectionPatch = {
        ...(o.name !== undefined ? { name: o.name } : {}),
        ...(o.title !== undefined ? { title: o.title } : {}),
        ...(o.intro !== undefined ? { introduction: o.intro } : {}),
      };
      if (Object.keys(patch).length === 0) throw new UsageError('collection edit: give --name, --title or --intro');
      done(g, await writeArchive(g, collectionCore, (a, { editCollection }) => editCollection(a, name, patch)));
    });

  collection
    .command('delete')
    .description('delete a collection (its quotes stay in the archive)')
    .argument('<name>')
    .option('-y, --yes', 'confirm')
    .action(async (name: string, o: { yes?: boolean }) => {
      const g = globals();
      if (!o.yes) throw new UsageError('collection delete: pass --yes to confirm');
      const deleted = await writeArchive(g, collectionCore, (a, { deleteCollection }) => deleteCollection(a, name));
      if (g.json) printJson({ deleted: deleted.name, quotes: deleted.quotes });
      else print(`Collection "${deleted.name}" deleted (its ${deleted.quotes} quote(s) stay in the archive).`);
      process.exitCode = EXIT_OK;
    });
}
