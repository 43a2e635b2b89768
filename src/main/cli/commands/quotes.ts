/** exhibit quote add | list | show | edit | delete | restore | sources */
import type { Command } from 'commander';
import type { QuoteRecord } from '../../../shared/quote.js';
import type { QuotePatch } from '../../archive/quotes/quotes.js';
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
import { collect, oneLine, parseWhole } from '../options.js';

const quoteCore = () => import('../../archive/quotes/quotes.js');
const sourcesCore = () => import('../../archive/quotes/sources.js');

function describe(q: QuoteRecord): string {
  const pages = q.page === q.pageEnd ? `p. ${q.pageLabel}` : `pp. ${q.pageLabel}`;
  const physical = q.page === q.pageEnd ? `${q.page}` : `${q.page}–${q.pageEnd}`;
  const flags = [q.status === 'orphaned' ? 'ORPHANED' : '', q.deletedAt ? 'deleted' : ''].filter(Boolean).join(', ');
  return `${String(q.id).padStart(5)}  document ${q.documentId}, ${pages} (physical ${physical})${flags ? ` [${flags}]` : ''}  “${oneLine(q.text, 80)}”`;
}

function details(q: QuoteRecord): void {
  print(describe(q));
  if (q.note) print(`       note: ${q.note}`);
  if (q.tags.length) print(`       tags: ${q.tags.join(', ')}`);
}

interface PassageOptions {
  text?: string;
  page?: string;
  occurrence?: string;
}

function passage(o: PassageOptions): Pick<QuotePatch, 'text' | 'page' | 'occurrence'> {
  if (o.text === undefined && (o.page !== undefined || o.occurrence !== undefined)) {
    throw new UsageError('--page and --occurrence choose where --text stands; give --text too');
  }
  return {
    ...(o.text !== undefined ? { text: o.text } : {}),
    ...(o.page !== undefined ? { page: parseWhole(o.page, '--page') } : {}),
    ...(o.occurrence !== undefined ? { occurrence: parseWhole(o.occurrence, '--occurrence') } : {}),
  };
}

export function registerQuoteCommands(program: Command, globals: () => GlobalOptions): void {
  const quote = program.command('quote').description('saved passages: add, list, show, edit, delete, restore, sources');

  quote
    .command('add')
    .description('save a passage of a document as a quote (found tolerating line breaks, hyphenation and quote styles)')
    .argument('<doc-id>', 'document id')
    .requiredOption('--text <text>', 'the passage, as typed or pasted')
    .option('--page <n>', 'the physical page it starts on, when it appears more than once')
    .option('--occurrence <n>', 'which place (1, 2, …) when it appears more than once')
    .option('--tag <tag>', 'a tag (repeatable)', collect, [])
    .option('--note <note>', 'a note')
    .action(async (docArg: string, o: PassageOptions & { tag: string[]; note?: string }) => {
      const g = globals();
      const documentId = parseId(docArg, 'DOC_ID');
      const saved = await writeArchive(g, quoteCore, (a, { createQuote }) =>
        createQuote(a, { documentId, ...passage(o), tags: o.tag, ...(o.note !== undefined ? { note: o.note } : {}) }),
      );
      if (g.json) printJson({ quote: saved });
      else {
        print(`Quote ${saved.id} saved.`);
        details(saved);
      }
      process.exitCode = EXIT_OK;
    });

  quote
    .command('list')
    .description('list quotes')
    .option('--tag <tag>', 'only quotes with this tag or its children (repeatable: all must apply)', collect, [])
    .option('--doc <id>', 'only quotes of this document')
    .option('--search <query>', 'only quotes whose text or note matches (search syntax)')
    .option('--orphaned', 'only quotes that lost their place after a text change')
    .option('--deleted', 'list deleted quotes instead (exhibit quote restore brings one back)')
    .action(async (o: { tag: string[]; doc?: string; search?: string; orphaned?: boolean; deleted?: boolean }) => {
      const g = globals();
      const quotes = await readArchive(g, quoteCore, (a, { listQuotes }) =>
        listQuotes(a.db, {
          tags: o.tag,
          ...(o.doc !== undefined ? { documentId: parseId(o.doc, '--doc') } : {}),
          ...(o.search !== undefined ? { query: o.search } : {}),
          ...(o.orphaned ? { status: 'orphaned' as const } : {}),
          deleted: o.deleted ?? false,
        }),
      );
      if (g.json) printJson({ quotes });
      else if (quotes.length === 0) print('No quotes. Save one with: exhibit quote add DOC_ID --text "…"');
      else for (const q of quotes) details(q);
      process.exitCode = EXIT_OK;
    });

  quote
    .command('show')
    .description('show a quote')
    .argument('<id>', 'quote id')
    .action(async (idArg: string) => {
      const g = globals();
      const q = await readArchive(g, quoteCore, (a, { getQuote }) => getQuote(a.db, parseId(idArg)));
      if (g.json) printJson({ quote: q });
      else {
        details(q);
        print(`\n${q.text}\n`);
        print(`       context: …${oneLine(q.prefix, 40)} [quote] ${oneLine(q.suffix, 40)}…`);
      }
      process.exitCode = EXIT_OK;
    });

  quote
    .command('edit')
    .description("change a quote's note, tags or passage")
    .argument('<id>', 'quote id')
    .option('--note <note>', 'the new note ("" clears it)')
    .option('--tag <tag>', 'the new tags, replacing the old (repeatable)', collect, [])
    .option('--no-tags', 'remove every tag')
    .option('--text <text>', 'quote this passage of the same document instead')
    .option('--page <n>', 'with --text: the physical page it starts on')
    .option('--occurrence <n>', 'with --text: which place when it appears more than once')
    .action(async (idArg: string, o: PassageOptions & { note?: string; tag: string[]; tags: boolean }) => {
      const g = globals();
      const id = parseId(idArg);
      const patch: QuotePatch = { ...passage(o) };
      if (o.note !== undefined) patch.note = o.note === '' ? null : o.note;
      if (o.tag.length > 0) patch.tags = o.tag;
      else if (o.tags === false) patch.tags = [];
      if (Object.keys(patch).length === 0) throw new UsageError('quote edit: give --note, --tag, --no-tags or --text');
      const q = await writeArchive(g, quoteCore, (a, { updateQuote }) => updateQuote(a, id, patch));
      if (g.json) printJson({ quote: q });
      else details(q);
      process.exitCode = EXIT_OK;
    });

  quote
    .command('delete')
    .description('delete a quote (kept aside: exhibit quote restore brings it back)')
    .argument('<id>', 'quote id')
    .action(async (idArg: string) => {
      const g = globals();
      const q = await writeArchive(g, quoteCore, (a, { deleteQuote }) => deleteQuote(a, parseId(idArg)));
      if (g.json) printJson({ deleted: q.id, quote: q });
      else print(`Quote ${q.id} deleted (exhibit quote restore ${q.id} brings it back).`);
      process.exitCode = EXIT_OK;
    });

  quote
    .command('restore')
    .description('bring a deleted quote back')
    .argument('<id>', 'quote id')
    .action(async (idArg: string) => {
      const g = globals();
      const q = await writeArchive(g, quoteCore, (a, { restoreQuote }) => restoreQuote(a, parseId(idArg)));
      if (g.json) printJson({ quote: q });
      else details(q);
      process.exitCode = EXIT_OK;
    });

  quote
    .command('sources')
    .description('other documents holding the same passage, exactly or nearly')
    .argument('<id>', 'quote id')
    .option('--min-similarity <x>', 'lowest similarity to list, from 0 to 1 (default 0.8)')
    .action(async (idArg: string, o: { minSimilarity?: string }) => {
      const g = globals();
      const min = o.minSimilarity === undefined ? undefined : Number(o.minSimilarity);
      if (min !== undefined && !(min > 0 && min <= 1))
        throw new UsageError(`--min-similarity: "${o.minSimilarity}" is not a number above 0 and at most 1`);
      const sources = await readArchive(g, sourcesCore, (a, { quoteSources }) =>
        quoteSources(a.db, parseId(idArg), min === undefined ? {} : { minSimilarity: min }),
      );
      if (g.json) printJson({ sources });
      else if (sources.length === 0) print('No other document holds this passage.');
      else
        for (const s of sources) {
          print(
            `document ${s.documentId}, page ${s.page === s.pageEnd ? s.page : `${s.page}–${s.pageEnd}`}  similarity ${s.similarity.toFixed(2)}  ${s.title}`,
          );
          print(`    “${oneLine(s.text, 100)}”`);
        }
      process.exitCode = EXIT_OK;
    });
}
