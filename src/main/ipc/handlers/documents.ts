/** Handlers for reading and editing documents, and the trash. */
import {
  emptyTrash,
  getDocument,
  getOriginal,
  getPageLayout,
  getPages,
  listDocuments,
  restoreDocument,
  retryWhileBusy,
  trashDocument,
  updateMetadata,
} from '../../archive/index.js';
import type { HandlersFor } from '../types.js';

// Each change is one transaction of the core, tried again (never applied twice: a busy
// BEGIN IMMEDIATE wrote nothing) while another program holds the archive's write lock.

type DocumentCalls =
  | 'documents.list'
  | 'documents.get'
  | 'documents.pages'
  | 'documents.pageLayout'
  | 'documents.original'
  | 'documents.updateMetadata'
  | 'documents.trash'
  | 'documents.restore'
  | 'trash.empty';

export const documentHandlers: HandlersFor<DocumentCalls> = {
  'documents.list': (input, { session }) => listDocuments(session.current().db, input.trash ? { trash: true } : {}),
  'documents.get': (input, { session }) => getDocument(session.current().db, input.id),
  'documents.pages': (input, { session }) => getPages(session.current().db, input.id, input.page),
  'documents.pageLayout': (input, { session }) => getPageLayout(session.current().db, input.id, input.page),
  'documents.original': async (input, { session }) => {
    const original = await getOriginal(session.current().db, input.id);
    // A plain Uint8Array view: IPC clones it, the dev server's wire encodes it.
    const data = new Uint8Array(original.data.buffer, original.data.byteOffset, original.data.byteLength);
    return { fileName: original.fileName, mimeType: original.mimeType, data };
  },
  'documents.updateMetadata': (input, { session }) =>
    retryWhileBusy(() => updateMetadata(session.current(), input.id, input.patch)),
  'documents.trash': async (input, { session }) => {
    await retryWhileBusy(() => trashDocument(session.current(), input.id));
    return null;
  },
  'documents.restore': async (input, { session }) => {
    await retryWhileBusy(() => restoreDocument(session.current(), input.id));
    return null;
  },
  'trash.empty': async (_input, { session }) => ({ purged: await retryWhileBusy(() => emptyTrash(session.current())) }),
};
