/** exhibit tag add | remove | list | set | rename | merge | delete */
import type { Command } from 'commander';
import type { TagTarget } from '../../archive/tags/tags.js';
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
import { collect } from '../options.js';

const tagCore = () => import('../../archive/tags/tags.js');

function target(o: { doc: string[]; quote: string[] }): TagTarget {
  if (o.doc.length === 0 && o.quote.length === 0)
    throw new UsageError('give --doc ID or --quote ID (either may repeat)');
  return { documentIds: o.doc.map((d) => parseId(d, '--doc')), quoteIds: o.quote.map((q) => parseId(q, '--quote')) };
}

export function registerTagCommands(program: Command, globals: () => GlobalOptions): void {
  const tag = program.command('tag').description('tags on documents and quotes; "/" nests them (agency/LAPD)');

  tag
    .command('add')
    .description('put a tag on documents or quotes (creates it if new)')
    .argument('<tag>')
    .option('--doc <id>', 'a document (repeatable)', collect, [])
    .option('--quote <id>', 'a quote (repeatable)', collect, [])
    .action(async (name: string, o: { doc: string[]; quote: string[] }) => {
      const g = globals();
      const added = await writeArchive(g, tagCore, (a, { addTags }) => addTags(a, [name], target(o)));
      if (g.json) printJson({ added });
      else
        print(
          added === 0
            ? `Nothing to do: the tag "${name}" was already there.`
            : `Tag "${name}" added to ${added} item(s).`,
        );
      process.exitCode = EXIT_OK;
    });

  tag
    .command('remove')
    .description('take a tag off documents or quotes (the tag itself stays)')
    .argument('<tag>')
    .option('--doc <id>', 'a document (repeatable)', collect, [])
    .option('--quote <id>', 'a quote (repeatable)', collect, [])
    .action(async (name: string, o: { doc: string[]; quote: string[] }) => {
      const g = globals();
      const removed = await writeArchive(g, tagCore, (a, { removeTag }) => removeTag(a, name, target(o)));
      if (g.json) printJson({ removed });
      else print(`Tag "${name}" removed from ${removed} item(s).`);
      process.exitCode = EXIT_OK;
    });

  tag
    .command('list')
    .description('every tag with how many documents and quotes carry it')
    .action(async () => {
      const g = globals();
      const tags = await readArchive(g, tagCore, (a, { listTags }) => listTags(a.db));
      if (g.json) printJson({ tags });
      else if (tags.length === 0) print('No tags yet. Add one with: exhibit tag add TAG --doc ID');
      else
        for (const t of tags) {
          const depth = t.name.split('/').length - 1;
          const label = '  '.repeat(depth) + (t.name.split('/').pop() ?? t.name);
          const extra = [t.color, t.description].filter(Boolean).join('  ');
          print(
            `${label.padEnd(32)} ${String(t.documents).padStart(5)} doc(s) ${String(t.quotes).padStart(5)} quote(s)  ${extra}`.trimEnd(),
          );
        }
      process.exitCode = EXIT_OK;
    });

  tag
    .command('set')
    .description('create a tag or change its colour and description')
    .argument('<tag>')
    .option('--color <color>', 'a colour like #c0392b ("" clears it)')
    .option('--description <text>', 'what the tag means ("" clears it)')
    .action(async (name: string, o: { color?: string; description?: string }) => {
      const g = globals();
      const record = await writeArchive(g, tagCore, (a, { setTagInfo }) =>
        setTagInfo(a, name, {
          ...(o.color !== undefined ? { color: o.color } : {}),
          ...(o.description !== undefined ? { description: o.description } : {}),
        }),
      );
      if (g.json) printJson({ tag: record });
      else
        print(
          `Tag "${record.name}"${record.color ? ` ${record.color}` : ''}${record.description ? `: ${record.description}` : ''}`,
        );
      process.exitCode = EXIT_OK;
    });

  tag
    .command('rename')
    .description('rename a tag; its children follow (agency → org makes agency/LAPD org/LAPD)')
    .argument('<old>')
    .argument('<new>')
    .action(async (from: string, to: string) => {
      const g = globals();
      const result = await writeArchive(g, tagCore, (a, { renameTag }) => renameTag(a, from, to));
      if (g.json) printJson(result);
      else for (const [before, after] of result.renamed) print(`${before} → ${after}`);
      process.exitCode = EXIT_OK;
    });

  tag
    .command('merge')
    .description('give every item of one tag the other, then delete the first (children follow)')
    .argument('<from>')
    .argument('<into>')
    .action(async (from: string, into: string) => {
      const g = globals();
      const result = await writeArchive(g, tagCore, (a, { mergeTag }) => mergeTag(a, from, into));
      if (g.json) printJson(result);
      else
        print(
          `Merged "${from}" into "${into}": ${result.documents} document link(s) and ${result.quotes} quote link(s) added.`,
        );
      process.exitCode = EXIT_OK;
    });

  tag
    .command('delete')
    .description('delete a tag and its children from every item')
    .argument('<tag>')
    .option('-y, --yes', 'do not ask')
    .action(async (name: string, o: { yes?: boolean }) => {
      const g = globals();
      if (!o.yes) throw new UsageError('tag delete: takes the tag off every item; pass --yes to confirm');
      const result = await writeArchive(g, tagCore, (a, { deleteTag }) => deleteTag(a, name));
      if (g.json) printJson(result);
      else
        print(
          `Deleted ${result.tags.map((t) => `"${t}"`).join(', ')}: ${result.documents} document(s) and ${result.quotes} quote(s) lost it.`,
        );
      process.exitCode = EXIT_OK;
    });
}
