/**
 * The one contract between the renderer and the archive: every call the renderer may
 * make (name, zod input schema, output type) and every event it may hear. Main registers
 * its handlers from CALLS, the preload exposes exactly CALLS, the development server
 * carries exactly CALLS, and the renderer's client is typed by it, so a call exists in all
 * four places or fails to compile.
 *
 * Adding a call: one entry in CALLS (below) and one handler in src/main/ipc/handlers/
 * (or shell-handlers.ts for calls that need Electron, e.g. a native dialog).
 *
 * Pure code only: zod and src/shared, no Node, no Electron.
 */
import { z } from 'zod';
import { DOCUMENT_TYPES, isPartialDate, type DocumentRecord, type PageText } from './document.js';
import { metadataPatchSchema } from './document-metadata.js';
import { FACT_CALLS } from './contract-facts.js';
import { ENTITY_CALLS } from './contract-entities.js';
import { tagName } from './contract-schemas.js';
import { INFERENCE_CALLS } from './contract-inference.js';
import { LIBRARY_MAX_LIMIT, LIBRARY_SORT_KEYS, type LibraryFacets, type LibraryPage } from './library-query.js';
import type {
  ArchiveInfo,
  CheckReport,
  HistoryEntry,
  ImportProgressEvent,
  ImportResult,
  OriginalFile,
  PageLayout,
} from './contract-types.js';
import {
  CITATION_STYLES,
  EXPORT_FORMATS,
  type Collection,
  type CollectionSummary,
  type ExportFile,
  type ExportPreview,
  type Quote,
  type QuoteSource,
  type SearchResults,
  type TagDeletion,
  type TagRecord,
} from './contract-quote-types.js';

export type * from './contract-types.js';
export type * from './contract-quote-types.js';
export type * from './library-query.js';
export { CITATION_STYLES, EXPORT_FORMATS } from './contract-quote-types.js';

// ---------------------------------------------------------------------------------------
// Results and errors: contract-errors.ts

export { ERROR_CODES, type CallError, type ErrorCode, type Result } from './contract-errors.js';

// ---------------------------------------------------------------------------------------
// Call specs

/** A call's spec; `output` exists only at the type level. */
export interface CallSpec<
  I extends z.ZodType = z.ZodType,
  O = unknown,
  S extends boolean = boolean,
  J extends boolean = boolean,
> {
  readonly input: I;
  /** True for calls that need the desktop shell (native dialogs); the dev server answers 'unsupported'. */
  readonly shell: S;
  /**
   * True for long calls: their input carries a `jobId` chosen by the renderer, they emit
   * progress events naming it, and `jobs.cancel` stops them.
   */
  readonly job: J;
  /** Phantom: the output type. Never set at run time. */
  readonly output?: O;
}

/** A call the archive core answers (also through the development server). */
function call<O>() {
  return <I extends z.ZodType>(input: I): CallSpec<I, O, false, false> => ({ input, shell: false, job: false });
}

/** A long call the archive core answers: `jobId` is added to its input. */
function jobCall<O>() {
  return <S extends z.ZodRawShape>(shape: S) => {
    const input = z.strictObject({ ...shape, jobId: jobIdSchema });
    return { input, shell: false, job: true } as CallSpec<typeof input, O, false, true>;
  };
}

/** A call only the Electron shell can answer (dialogs, windows). */
function shellCall<O>() {
  return <I extends z.ZodType>(input: I): CallSpec<I, O, true, false> => ({ input, shell: true, job: false });
}

// Building blocks of input schemas. Strict objects: an unknown key is refused, not ignored.
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** Chosen by the renderer for a long call; names its progress events and lets `jobs.cancel` stop it. */
export const jobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a job id is 1 to 64 letters, digits, - or _');
const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => text(max).nullable();
const documentType = z.enum(DOCUMENT_TYPES);
const partialDate = z.string().refine(isPartialDate, 'an ISO date: 2020, 2020-11 or 2020-11-13');
const empty = z.strictObject({});

/** A character offset into a page's stored text. */
const offset = z.number().int().min(0).max(100_000_000);
/** What an export draws its quotes from. */
const exportSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('quotes'), quoteIds: z.array(id).min(1).max(100_000) }),
  z.strictObject({ kind: z.literal('collection'), id }),
  z.strictObject({ kind: z.literal('tag'), tag: tagName }),
  /** The quotes whose own text or note matches, as `exhibit export --search` takes them. */
  z.strictObject({
    kind: z.literal('search'),
    query: text(1000).refine((s) => s.trim() !== '', 'a search: one or more words'),
  }),
  z.strictObject({ kind: z.literal('all') }),
]);

/** An original's largest size (same as the core's MAX_FILE_BYTES). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/**
 * Every call the renderer may make. Names are `area.verb`; the IPC channel and the HTTP
 * path derive from the name (see callChannel, callPath).
 */
export const CALLS = {
  /** The open archive: its file, id and counts. */
  'archive.info': call<ArchiveInfo>()(empty),
  /** SQLite integrity, custody chain and every original's SHA-256. */
  'archive.check': call<CheckReport>()(empty),

  /** Live documents, or the trash with `trash: true`, ordered by id. */
  'documents.list': call<DocumentRecord[]>()(z.strictObject({ trash: z.boolean().optional() })),
  'documents.get': call<DocumentRecord>()(z.strictObject({ id })),
  /** Page texts: all, or one with `page` (physical, from 1). */
  'documents.pages': call<PageText[]>()(z.strictObject({ id, page: id.optional() })),
  /** Where each pdf.js text item stands on a PDF page; null for flowing text. */
  'documents.pageLayout': call<PageLayout | null>()(z.strictObject({ id, page: id })),
  /** The original file's bytes, by document id only (never a path). */
  'documents.original': call<OriginalFile>()(z.strictObject({ id })),
  /** Edits metadata; answers the updated record. */
  'documents.updateMetadata': call<DocumentRecord>()(z.strictObject({ id, patch: metadataPatchSchema })),
  'documents.trash': call<null>()(z.strictObject({ id })),
  'documents.restore': call<null>()(z.strictObject({ id })),
  /** Deletes the trash for good; answers how many documents went. */
  'trash.empty': call<{ purged: number }>()(empty),
  ...INFERENCE_CALLS,
  ...FACT_CALLS,
  ...ENTITY_CALLS,
  /** Imports files and folders (paths from a drop or a dialog). Long: emits import.progress. */
  'import.paths': jobCall<ImportResult[]>()({
    paths: z.array(z.string().min(1).max(4096)).min(1).max(100_000),
    type: documentType.optional(),
  }),
  /** Imports files given as bytes (a browser's File objects, where no path exists). Long: emits import.progress. */
  'import.bytes': jobCall<ImportResult[]>()({
    files: z
      .array(
        z.strictObject({
          name: z
            .string()
            .min(1)
            .max(255)
            .regex(/^[^/\\]+$/, 'a file name without folders'),
          data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= MAX_FILE_BYTES, 'at most 512 MiB'),
        }),
      )
      .min(1)
      .max(1000),
    type: documentType.optional(),
  }),
  /** Imports the sample case into the open archive. Long: emits import.progress. */
  'sample.import': jobCall<ImportResult[]>()({}),
  /** Stops a running long call; it answers with what was done (the rest marked cancelled). */
  'jobs.cancel': call<{ cancelled: boolean }>()(z.strictObject({ jobId: jobIdSchema })),

  /** The custody history, oldest first; one document's with `documentId`. */
  'history.list': call<HistoryEntry[]>()(z.strictObject({ documentId: id.optional() })),

  // The library, quotes, tags, search, collections and export.

  /** One window of the library in an order and under filters, with how many documents pass: the table asks for what it shows. */
  'documents.query': call<LibraryPage>()(
    z.strictObject({
      sort: z.strictObject({ key: z.enum(LIBRARY_SORT_KEYS), direction: z.enum(['asc', 'desc']) }),
      filter: z.strictObject({
        text: text(1000).optional(),
        types: z.array(documentType).max(DOCUMENT_TYPES.length).optional(),
        tag: tagName.nullable().optional(),
        author: text(500).optional(),
        from: partialDate.optional(),
        to: partialDate.optional(),
        ids: z.array(id).max(LIBRARY_MAX_LIMIT).optional(),
        entity: id.optional(),
      }),
      offset: z.number().int().min(0).max(100_000_000),
      limit: z.number().int().min(0).max(LIBRARY_MAX_LIMIT),
    }),
  ),
  /** The library's filter column: types, the tag tree, authors and the date span, counted over live documents. */
  'documents.facets': call<LibraryFacets>()(empty),

  /** Quotes, newest first; narrowed by document, tag (with its children), collection or words. */
  'quotes.list': call<Quote[]>()(
    z.strictObject({
      documentId: id.optional(),
      tag: tagName.optional(),
      collectionId: id.optional(),
      query: text(1000).optional(),
    }),
  ),
  /**
   * Saves the passage from (page, start) to (pageEnd, end) of the stored page texts, as
   * selected on screen; `text` is what the user saw, checked against the source.
   */
  'quotes.create': call<Quote>()(
    z.strictObject({
      documentId: id,
      page: id,
      start: offset,
      pageEnd: id,
      end: offset,
      text: text(100_000).min(1),
      note: nullableText(100_000).optional(),
      tags: z.array(tagName).max(100).optional(),
    }),
  ),
  'quotes.update': call<Quote>()(
    z.strictObject({ id, note: nullableText(100_000).optional(), tags: z.array(tagName).max(100).optional() }),
  ),
  /** Deletes a quote (kept aside, so it can be restored); answers it as it was. */
  'quotes.delete': call<Quote>()(z.strictObject({ id })),
  /** Brings a deleted quote back (Undo). */
  'quotes.restore': call<Quote>()(z.strictObject({ id })),
  /** Where else this quote's passage appears, exactly or nearly, with page and similarity. */
  'quotes.sources': call<QuoteSource[]>()(z.strictObject({ id })),

  /** Every tag, parents first, with how many live documents and quotes carry it (not its children). */
  'tags.list': call<TagRecord[]>()(empty),
  /** Puts a tag on a document or a quote (creating the tag if new). */
  'tags.add': call<null>()(z.strictObject({ name: tagName, documentId: id.optional(), quoteId: id.optional() })),
  'tags.remove': call<null>()(z.strictObject({ name: tagName, documentId: id.optional(), quoteId: id.optional() })),
  'tags.rename': call<null>()(z.strictObject({ from: tagName, to: tagName })),
  /** Deletes a tag and its children from everything; answers what carried them, for Undo (tags.restore). */
  'tags.delete': call<TagDeletion>()(z.strictObject({ name: tagName })),
  /** Puts deleted tags back as they were (what tags.delete answered). */
  'tags.restore': call<null>()(
    z.strictObject({
      tags: z
        .array(
          z.strictObject({
            name: tagName,
            color: nullableText(50),
            description: nullableText(2000),
            documentIds: z.array(id).max(1_000_000),
            quoteIds: z.array(id).max(1_000_000),
            factIds: z.array(id).max(1_000_000).optional(),
          }),
        )
        .min(1)
        .max(10_000),
    }),
  ),

  /** Full-text search with filters; snippets come in parts with the matched terms marked. */
  'search.query': call<SearchResults>()(
    z.strictObject({
      query: text(1000),
      tags: z.array(tagName).max(50).optional(),
      type: documentType.optional(),
      author: text(500).optional(),
      from: partialDate.optional(),
      to: partialDate.optional(),
      hasQuotes: z.boolean().optional(),
      entity: text(200).optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
  ),

  'collections.list': call<CollectionSummary[]>()(empty),
  'collections.get': call<Collection>()(z.strictObject({ id })),
  /** Creates (no id) or replaces a collection: title, introduction and the quotes in order. */
  'collections.save': call<Collection>()(
    z.strictObject({
      id: id.optional(),
      title: text(500).refine((s) => s.trim() !== '', 'must not be empty'),
      introduction: text(100_000),
      quoteIds: z.array(id).max(100_000),
    }),
  ),
  'collections.delete': call<null>()(z.strictObject({ id })),

  /** The citations an export would print, for a preview. */
  'export.preview': call<ExportPreview>()(z.strictObject({ source: exportSource, style: z.enum(CITATION_STYLES) })),
  /** Writes an export in memory and, for a bundle, verifies it; the renderer saves the bytes. Long. */
  'export.build': jobCall<ExportFile>()({
    source: exportSource,
    format: z.enum(EXPORT_FORMATS),
    style: z.enum(CITATION_STYLES),
  }),

  /** Shows the native open dialog; answers the chosen paths (empty when cancelled). Then call import.paths. */
  'shell.chooseImportFiles': shellCall<string[]>()(empty),
  /** Native save dialog, then a new empty archive, which becomes the open one (null when cancelled). */
  'shell.newArchive': shellCall<ArchiveInfo | null>()(empty),
  /** Native open dialog, then opens that archive (null when cancelled). */
  'shell.openArchive': shellCall<ArchiveInfo | null>()(empty),
  /** Native save dialog, then a consistent copy of the open archive (null when cancelled). */
  'shell.backupArchive': shellCall<{ path: string } | null>()(empty),
} as const satisfies Record<string, CallSpec>;

export type Calls = typeof CALLS;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
/** The input after validation (defaults applied): what a handler receives. */
export type ParsedInput<N extends CallName> = z.output<Calls[N]['input']>;
export type CallOutput<N extends CallName> = Calls[N] extends CallSpec<z.ZodType, infer O> ? O : never;
export type ShellCallName = { [N in CallName]: Calls[N]['shell'] extends true ? N : never }[CallName];
export type CoreCallName = Exclude<CallName, ShellCallName>;
/** Long calls: their input carries a jobId (see CallSpec.job). */
export type JobCallName = { [N in CallName]: Calls[N]['job'] extends true ? N : never }[CallName];

export const CALL_NAMES = Object.keys(CALLS) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(CALLS, name);
}

export function isJobCall(name: CallName): name is JobCallName {
  return CALLS[name].job;
}

// ---------------------------------------------------------------------------------------
// Events (main → renderer)

/** Every event the renderer may subscribe to, with its payload type. */
export interface Events {
  /**
   * A long import's progress: one before each file (result null) and one after it. Imports
   * the shell starts itself (File › Import Documents…, first launch's sample case) report
   * here too, under job ids starting with `shell-`: show them like the renderer's own.
   */
  'import.progress': ImportProgressEvent;
  /** Another archive was opened, or the archive changed outside the renderer's calls (menu import). Reload. */
  'archive.changed': { info: ArchiveInfo };
  /** A menu item the renderer carries out (main handles the rest itself). */
  'menu.command': { command: MenuCommand };
}
export type EventName = keyof Events;

export const MENU_COMMANDS = ['export', 'search', 'shortcuts'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Typed as a record so that adding an event to Events without listing it here fails to compile. */
const EVENT_TABLE: Record<EventName, true> = { 'import.progress': true, 'archive.changed': true, 'menu.command': true };

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(EVENT_TABLE, name);
}

// Channel names live in ./channels.ts (zod-free, so the renderer's bundle carries no zod).
export { callChannel, callPath, eventChannel, EVENTS_PATH } from './channels.js';
