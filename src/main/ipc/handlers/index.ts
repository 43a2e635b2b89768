/**
 * The handler table over the archive core: plain Node, no Electron, so main and the
 * development server drive the very same code. Adding a call: its entry in
 * src/shared/contract.ts and its handler in one of these files (or a new one spread here).
 */
import type { CoreHandlers } from '../types.js';
import { archiveHandlers } from './archive.js';
import { collectionHandlers } from './collections.js';
import { documentHandlers } from './documents.js';
import { entityHandlers } from './entities.js';
import { exportHandlers } from './export.js';
import { factHandlers } from './facts.js';
import { importHandlers } from './imports.js';
import { inferenceHandlers } from './inference.js';
import { libraryHandlers } from './library.js';
import { quoteHandlers } from './quotes.js';
import { reviewHandlers } from './review.js';

export const coreHandlers: CoreHandlers = {
  ...archiveHandlers,
  ...documentHandlers,
  ...inferenceHandlers,
  ...reviewHandlers,
  ...entityHandlers,
  ...importHandlers,
  ...libraryHandlers,
  ...quoteHandlers,
  ...exportHandlers,
  ...collectionHandlers,
  ...factHandlers,
};
