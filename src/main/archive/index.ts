/** The archive core's public surface: what the CLI, the app and the tests call. */
export { openArchive, readOnlyError, type Archive, type OpenOptions, type OpenMode } from './archive.js';
export { whyNotWritable } from './db/file-access.js';
export { ArchiveError, messageOf, sqliteCode, type ArchiveErrorCode } from './errors.js';
export { BUSY_MESSAGE, isBusy, retryWhileBusy } from './busy.js';
export { diskFullError, diskFullReason, isDiskFull } from './disk-full.js';
export {
  listHistory,
  verifyHistory,
  recordHistory,
  chainHead,
  formatHead,
  type ChainHead,
  type HistoryEntry,
} from './custody.js';
export { parseHead } from './state-check.js';
export { checkArchive, type CheckOptions, type CheckReport, type CheckProblem, type CheckSkipped } from './check.js';
export { rebuildSearchIndexes } from './search/rebuild.js';
export {
  listDocuments,
  getDocument,
  getPages,
  getOriginal,
  updateMetadata,
  validateMetadataPatch,
  trashDocument,
  restoreDocument,
  emptyTrash,
  type MetadataPatch,
} from './documents.js';
export {
  importPaths,
  importBytes,
  importDroppedFile,
  sha256Hex,
  type ImportResult,
  type ImportOptions,
  type ImportProgress,
} from './import/import-files.js';
export { archiveSummary, type ArchiveSummary } from './info.js';
export { backupArchive, type BackupResult } from './backup.js';
export { getPageLayout } from './page-layout.js';
export {
  createQuote,
  getQuote,
  listQuotes,
  updateQuote,
  deleteQuote,
  restoreQuote,
  type NewQuote,
  type QuotePatch,
  type QuoteListOptions,
  type PassageChoice,
} from './quotes/quotes.js';
export { AmbiguousPassageError } from './quotes/errors.js';
export { reanchorDocumentQuotes, reanchor, type ReanchorSummary, type ReanchorResult } from './quotes/reanchor.js';
export { replacePageTexts, type NewPage, type ReplacePagesResult } from './quotes/replace-pages.js';
export { quoteSources, type SourcesOptions } from './quotes/sources.js';
export {
  addTags,
  removeTag,
  listTags,
  getTag,
  setTagInfo,
  renameTag,
  mergeTag,
  deleteTag,
  tagsOfDocuments,
  tagsOfQuotes,
  type TagTarget,
  type TagInfo,
} from './tags/tags.js';
export { search, planSearch, markSnippet, type SearchPlan } from './search/search.js';
export { parseQuery, ftsQuery } from './search/query.js';
export {
  createCollection,
  editCollection,
  deleteCollection,
  addToCollection,
  removeFromCollection,
  moveInCollection,
  listCollections,
  getCollection,
  saveCollection,
  type CollectionDraft,
  type NewCollection,
  type CollectionPatch,
} from './collections/collections.js';
export {
  gatherExport,
  describeSelection,
  type ExportSelection,
  type GatherOptions,
  type Gathered,
} from './export/gather.js';
export { exportFromArchive, type ArchiveExportOptions, type ArchiveExportResult } from './export/export-archive.js';
export { importBundle, isEvidenceBundle, type BundleImportOptions } from './import/bundle.js';
export type { BundleImportSummary, BundleQuoteOutcome } from './import/results.js';
