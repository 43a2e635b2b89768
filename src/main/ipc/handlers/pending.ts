/**
 * Calls the renderer already uses whose archive core is still being built (quotes, tags
 * and search; collections and export). Each answers 'unsupported' with one sentence, which
 * the renderer shows as "not available in this version yet". Replace an entry with the
 * real handler when its core lands (and delete it from here).
 */
import { ArchiveError } from '../../archive/index.js';
import type { HandlersFor } from '../types.js';

type PendingCalls =
  | 'documents.annotations'
  | 'quotes.list'
  | 'quotes.create'
  | 'quotes.update'
  | 'quotes.delete'
  | 'quotes.sources'
  | 'tags.list'
  | 'tags.add'
  | 'tags.remove'
  | 'tags.rename'
  | 'tags.delete'
  | 'tags.restore'
  | 'search.query'
  | 'collections.list'
  | 'collections.get'
  | 'collections.save'
  | 'collections.delete'
  | 'export.preview'
  | 'export.build';

const notYet = (what: string) => async (): Promise<never> => {
  throw new ArchiveError('unsupported', `${what} is not available in this version yet`);
};

export const pendingHandlers: HandlersFor<PendingCalls> = {
  'documents.annotations': notYet('tags and quote counts'),
  'quotes.list': notYet('quotes'),
  'quotes.create': notYet('saving quotes'),
  'quotes.update': notYet('editing quotes'),
  'quotes.delete': notYet('deleting quotes'),
  'quotes.sources': notYet('finding other sources of a passage'),
  'tags.list': notYet('tags'),
  'tags.add': notYet('tagging'),
  'tags.remove': notYet('tagging'),
  'tags.rename': notYet('renaming tags'),
  'tags.delete': notYet('deleting tags'),
  'tags.restore': notYet('restoring tags'),
  'search.query': notYet('full-text search'),
  'collections.list': notYet('collections'),
  'collections.get': notYet('collections'),
  'collections.save': notYet('collections'),
  'collections.delete': notYet('collections'),
  'export.preview': notYet('export'),
  'export.build': notYet('export'),
};
