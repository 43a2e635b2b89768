/** exhibit fact add | list | show | edit | delete | restore | suggest | accept */
import type { Command } from 'commander';
import type { FactRecord, FactSuggestion } from '../../../shared/fact.js';
import type { FactPatch } from '../../archive/facts/facts.js';
import {
  EXIT_OK,
  parseId,
  print,
  printJson,
  readArchive,
  UsageError,
  writeArchive,
  type GlobalOptions,
} from '../context.js';
import { checkedDate, checkedLinks, checkedStatus, checkedText } from '../fact-options.js';
import { collect, oneLine, parseWhole } from '../options.js';

const factCore = () => import('../../archive/facts/facts.js');
const suggestCore = () => import('../../archive/facts/suggest.js');

function describe(f: FactRecord): string {
  const flags = [f.status, f.unsupported ? 'UNSUPPORTED' : '', f.deletedAt ? 'deleted' : ''].filter(Boolean);
  return `${String(f.id).padStart(5)}  ${f.dateText.padEnd(12)} [${flags.join(', ')}]  ${oneLine(f.statement, 90)}`;
}

function details(f: FactRecord): void {
  print(describe(f));
  for (const q of f.quotes) {
    const pages = q.page === q.pageEnd ? `p. ${q.pageLabel}` : `pp. ${q.pageLabel}`;
    print(
      `       ${q.role} quote ${q.quoteId} (document ${q.documentId}, ${pages})${q.quoteDeleted ? ' [deleted]' : ''}: “${oneLine(q.text, 70)}”`,
    );
  }
  if (f.note) print(`       note: ${f.note}`);
  if (f.tags.length) print(`       tags: ${f.tags.join(', ')}`);
}

function describeSuggestion(s: FactSuggestion): string {
  return `${s.date.padEnd(10)}  document ${s.documentId}, page ${s.page}, ${s.start}–${s.end}  “${oneLine(s.sentence, 90)}”`;
}

interface FactFlags {
  date?: string;
  text?: string;
  quote: string[];
  contradicts: string[];
  status?: string;
  tag: string[];
  note?: string;
}

function registerWrites(fact: Command, globals: () => GlobalOptions): void {
  fact
    .command('add')
    .description('add a fact to the chronology: a date, a statement, and the quotes that support or contradict it')
    .requiredOption('--date <date>', 'YYYY, YYYY-MM, YYYY-MM-DD, a range A..B, or ~ before it for "about"')
    .requiredOption('--text <text>', 'the fact, in your words')
    .option('--quote <id>', 'a quote that supports it (repeatable)', collect, [])
    .option('--contradicts <id>', 'a quote that contradicts it (repeatable)', collect, [])
    .option('--status <status>', 'undisputed, disputed or unverified (default)')
    .option('--tag <tag>', 'a tag (repeatable)', collect, [])
    .option('--note <note>', 'a note')
    .action(async (o: FactFlags) => {
      const g = globals();
      const input = {
        date: checkedDate(o.date ?? ''),
        statement: checkedText(o.text ?? ''),
        quotes: checkedLinks(o.quote, o.contradicts),
        tags: o.tag,
        ...(o.status !== undefined ? { status: checkedStatus(o.status) } : {}),
        ...(o.note !== undefined ? { note: o.note } : {}),
      };
      const f = await writeArchive(g, factCore, (a, { createFact }) => createFact(a, input));
      if (g.json) printJson({ fact: f });
      else {
        print(`Fact ${f.id} added.`);
        details(f);
      }
      process.exitCode = EXIT_OK;
    });

  fact
    .command('edit')
    .description("change a fact's date, statement, status, note, tags or quotes")
    .argument('<id>', 'fact id')
    .option('--date <date>', 'the new date')
    .option('--text <text>', 'the new statement')
    .option('--status <status>', 'undisputed, disputed or unverified')
    .option('--note <note>', 'the new note ("" clears it)')
    .option('--tag <tag>', 'the new tags, replacing the old (repeatable)', collect, [])
    .option('--no-tags', 'remove every tag')
    .option('--quote <id>', 'supporting quotes, replacing the old citations (repeatable)', collect, [])
    .option('--contradicts <id>', 'contradicting quotes, replacing the old citations (repeatable)', collect, [])
    .option('--no-quotes', 'cite no quote')
    .action(async (idArg: string, o: FactFlags & { tags: boolean; quotes: boolean }) => {
      const g = globals();
      const id = parseId(idArg);
      const patch: FactPatch = {};
      if (o.date !== undefined) patch.date = checkedDate(o.date);
      if (o.text !== undefined) patch.statement = checkedText(o.text);
      if (o.status !== undefined) patch.status = checkedStatus(o.status);
      if (o.note !== undefined) patch.note = o.note === '' ? null : o.note;
      if (o.tag.length > 0) patch.tags = o.tag;
      else if (o.tags === false) patch.tags = [];
      if (o.quote.length > 0 || o.contradicts.length > 0) patch.quotes = checkedLinks(o.quote, o.contradicts);
      else if (o.quotes === false) patch.quotes = [];
      if (Object.keys(patch).length === 0)
        throw new UsageError(
          'fact edit: give --date, --text, --status, --note, --tag, --no-tags, --quote, --contradicts or --no-quotes',
        );
      const f = await writeArchive(g, factCore, (a, { updateFact }) => updateFact(a, id, patch));
      if (g.json) printJson({ fact: f });
      else details(f);
      process.exitCode = EXIT_OK;
    });

  fact
    .command('delete')
    .description('delete a fact (kept aside: exhibit fact restore brings it back)')
    .argument('<id>', 'fact id')
    .action(async (idArg: string) => {
      const g = globals();
      const f = await writeArchive(g, factCore, (a, { deleteFact }) => deleteFact(a, parseId(idArg)));
      if (g.json) printJson({ deleted: f.id, fact: f });
      else print(`Fact ${f.id} deleted (exhibit fact restore ${f.id} brings it back).`);
      process.exitCode = EXIT_OK;
    });

  fact
    .command('restore')
    .description('bring a deleted fact back')
    .argument('<id>', 'fact id')
    .action(async (idArg: string) => {
      const g = globals();
      const f = await writeArchive(g, factCore, (a, { restoreFact }) => restoreFact(a, parseId(idArg)));
      if (g.json) printJson({ fact: f });
      else details(f);
      process.exitCode = EXIT_OK;
    });

  fact
    .command('accept')
    .description('accept a suggested fact: save its sentence as a quote and the fact citing it')
    .requiredOption('--doc <id>', 'the document (as fact suggest lists it)')
    .requiredOption('--page <n>', 'the physical page')
    .requiredOption('--start <n>', 'where the sentence starts in the page')
    .requiredOption('--end <n>', 'where it ends')
    .requiredOption('--date <date>', 'the fact’s date (the suggestion’s, or yours)')
    .option('--text <text>', 'the fact in your words (default: the sentence)')
    .option('--status <status>', 'undisputed, disputed or unverified (default)')
    .option('--tag <tag>', 'a tag (repeatable)', collect, [])
    .action(async (o: FactFlags & { doc: string; page: string; start: string; end: string }) => {
      const g = globals();
      const input = {
        documentId: parseId(o.doc, '--doc'),
        page: parseWhole(o.page, '--page'),
        start: parseWhole(o.start, '--start', 0),
        end: parseWhole(o.end, '--end', 1),
        date: checkedDate(o.date ?? ''),
        tags: o.tag,
        ...(o.text !== undefined ? { statement: checkedText(o.text) } : {}),
        ...(o.status !== undefined ? { status: checkedStatus(o.status) } : {}),
      };
      const f = await writeArchive(g, suggestCore, (a, { acceptSuggestion }) => acceptSuggestion(a, input));
      if (g.json) printJson({ fact: f });
      else {
        print(`Fact ${f.id} added with quote ${f.quotes[0]?.quoteId ?? '?'}.`);
        details(f);
      }
      process.exitCode = EXIT_OK;
    });
}

export function registerFactCommands(program: Command, globals: () => GlobalOptions): void {
  const fact = program
    .command('fact')
    .description('the chronology: add, list, show, edit, delete, restore, suggest, accept');

  registerWrites(fact, globals);

  fact
    .command('list')
    .description('list facts by date')
    .option('--from <date>', 'only facts reaching this date or later')
    .option('--to <date>', 'only facts reaching this date or earlier')
    .option('--tag <tag>', 'only facts with this tag or its children')
    .option('--status <status>', 'only facts with this status')
    .option('--doc <id>', 'only facts citing a quote of this document')
    .option('--deleted', 'list deleted facts instead (exhibit fact restore brings one back)')
    .action(
      async (o: { from?: string; to?: string; tag?: string; status?: string; doc?: string; deleted?: boolean }) => {
        const g = globals();
        const options = {
          ...(o.from !== undefined ? { from: checkedDate(o.from, '--from') } : {}),
          ...(o.to !== undefined ? { to: checkedDate(o.to, '--to') } : {}),
          ...(o.tag !== undefined ? { tag: o.tag } : {}),
          ...(o.status !== undefined ? { status: checkedStatus(o.status) } : {}),
          ...(o.doc !== undefined ? { documentId: parseId(o.doc, '--doc') } : {}),
          deleted: o.deleted ?? false,
        };
        const facts = await readArchive(g, factCore, (a, { listFacts }) => listFacts(a.db, options));
        if (g.json) printJson({ facts });
        else if (facts.length === 0) print('No facts. Add one with: exhibit fact add --date 2020-11-13 --text "…"');
        else for (const f of facts) details(f);
        process.exitCode = EXIT_OK;
      },
    );

  fact
    .command('show')
    .description('show a fact with its quotes')
    .argument('<id>', 'fact id')
    .action(async (idArg: string) => {
      const g = globals();
      const f = await readArchive(g, factCore, (a, { getFact }) => getFact(a.db, parseId(idArg)));
      if (g.json) printJson({ fact: f });
      else details(f);
      process.exitCode = EXIT_OK;
    });

  fact
    .command('suggest')
    .description('sentences that carry a date, offered as facts with their quote (accept one with exhibit fact accept)')
    .option('--doc <id>', 'only this document')
    .action(async (o: { doc?: string }) => {
      const g = globals();
      const documentId = o.doc !== undefined ? parseId(o.doc, '--doc') : undefined;
      const suggestions = await readArchive(g, suggestCore, (a, { suggestFacts }) =>
        suggestFacts(a.db, documentId !== undefined ? { documentId } : {}),
      );
      if (g.json) printJson({ suggestions });
      else if (suggestions.length === 0) print('No dated sentences to suggest.');
      else for (const s of suggestions) print(describeSuggestion(s));
      process.exitCode = EXIT_OK;
    });
}
