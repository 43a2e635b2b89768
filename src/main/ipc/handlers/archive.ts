/** Handlers for the archive as a whole. */
import { archiveSummary, checkArchive, listHistory } from '../../archive/index.js';
import type { HandlersFor } from '../types.js';

export const archiveHandlers: HandlersFor<'archive.info' | 'archive.check' | 'history.list'> = {
  'archive.info': (_input, { session }) => archiveSummary(session.current()),
  'archive.check': (_input, { session }) => checkArchive(session.current()),
  'history.list': (input, { session }) => listHistory(session.current().db, input.documentId),
};
