/**
 * Calls the renderer already uses whose archive core is still being built (collections). Each answers 'unsupported' with one sentence, which
 * the renderer shows as "not available in this version yet". Replace an entry with the
 * real handler when its core lands (and delete it from here).
 */
import { ArchiveError } from '../../archive/index.js';
import type { HandlersFor } from '../types.js';

type PendingCalls =
  | 'collections.list'
  | 'collections.get'
  | 'collections.save'
  | 'collections.delete';

const notYet = (what: string) => async (): Promise<never> => {
  throw new ArchiveError('unsupported', `${what} is not available in this version yet`);
};

export const pendingHandlers: HandlersFor<PendingCalls> = {
  'collections.list': notYet('collections'),
  'collections.get': notYet('collections'),
  'collections.save': notYet('collections'),
  'collections.delete': notYet('collections'),
};
