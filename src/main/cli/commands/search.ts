/** exhibit search QUERY */
import type { Command } from 'commander';
import { DOCUMENT_TYPES, type DocumentType } from '../../../shared/document.js';
import { SEARCH_KINDS, type SearchKind, type SearchOptions } from '../../../shared/search.js';
import { EXIT_OK, print, printJson, UsageError, readArchive, type GlobalOptions } from '../context.js';
import { collect, parseWhole, plainSnippet } from '../options.js';

const searchCore = () => import('../../archive/search/search.js');

interface SearchFlags {
  tag: string[];
  type: string[];
  kind: string[];
  author?: string;
  entity?: string;
  from?: string;
  to?: string;
  hasQuotes?: boolean;
  stem?: boolean;
  sort?: string;
  limit?: string;
  offset?: string;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`${what}: "${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}

export function registerSearchCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('search')
    .description(
      'search page text, quotes, notes and metadata: words, "phrases", AND OR NOT -word, prefix*, NEAR(a b, 5)',
    )
    .argument('<query...>', 'what to find (quote it for the shell when it holds quotes or parentheses)')
    .option('--tag <tag>', 'only items with this tag or its children (repeatable: all must apply)', collect, [])
    .option('--type <type>', `only documents of this type (repeatable): ${DOCUMENT_TYPES.join(', ')}`, collect, [])
    .option('--author <name>', 'only documents with an author whose name contains this')
    .option('--entity <name>', 'only documents naming this person or organisation (a name or an alias)')
    .option('--from <date>', 'only documents dated on or after (2020, 2020-11 or 2020-11-13)')
    .option('--to <date>', 'only documents dated on or before')
    .option('--has-quotes', 'only documents with at least one quote')
    .option('--kind <kind>', `only hits of this kind (repeatable): ${SEARCH_KINDS.join(', ')}`, collect, [])
    .option('--stem', 'match word stems too (ban finds bans, banned)')
    .option('--sort <order>', 'relevance (default) or date')
    .option('--limit <n>', 'how many hits (default 20)')
    .option('--offset <n>', 'skip this many hits first')
    .action(async (words: string[], o: SearchFlags) => {
      const g = globals();
      const options: SearchOptions = {
        tags: o.tag,
        types: o.type.map((t) => oneOf<DocumentType>(t, DOCUMENT_TYPES, '--type')),
        kinds: o.kind.map((k) => oneOf<SearchKind>(k, SEARCH_KINDS, '--kind')),
        ...(o.author !== undefined ? { author: o.author } : {}),
        ...(o.entity !== undefined ? { entity: o.entity } : {}),
        ...(o.from !== undefined ? { from: o.from } : {}),
        ...(o.to !== undefined ? { to: o.to } : {}),
        ...(o.hasQuotes ? { hasQuotes: true } : {}),
        ...(o.stem ? { stem: true } : {}),
        ...(o.sort !== undefined ? { sort: oneOf(o.sort, ['relevance', 'date'] as const, '--sort') } : {}),
        ...(o.limit !== undefined ? { limit: parseWhole(o.limit, '--limit', 0) } : {}),
        ...(o.offset !== undefined ? { offset: parseWhole(o.offset, '--offset', 0) } : {}),
      };
      const result = await readArchive(g, searchCore, (a, { search }) => search(a.db, words.join(' '), options));
      if (g.json) printJson(result);
      else {
        print(
          `${result.total} hit(s)${result.hits.length < result.total ? `, the first ${result.hits.length} shown` : ''}`,
        );
        for (const h of result.hits) {
          const where =
            h.kind === 'metadata'
              ? ''
              : `, p. ${h.pageLabel}${h.pageLabel !== String(h.page) ? ` (physical ${h.page})` : ''}`;
          const quote = h.quoteId !== undefined ? ` quote ${h.quoteId}` : '';
          print(`\n[${h.kind}${quote}] document ${h.documentId}${where}: ${h.title}`);
          print(`    ${plainSnippet(h.snippet)}`);
        }
      }
      process.exitCode = EXIT_OK;
    });
}
