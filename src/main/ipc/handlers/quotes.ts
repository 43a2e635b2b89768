/**
 * Handlers for quotes, tags and full-text search over the core (src/main/archive/quotes,
 * tags, search), shaped for the renderer: quotes carry their document's title, sources
 * their page label, search snippets come as plain parts with the matched terms marked.
 */
import {
  addTags,
  createQuote,
  deleteQuote,
  getDocument,
  listQuotes,
  listTags,
  quoteSources,
  removeTag,
  renameTag,
  restoreQuote,
  retryWhileBusy,
  search,
  updateQuote,
} from '../../archive/index.js';
import type { Db } from '../../archive/db/repos/db.js';
import { titlesOf } from '../../archive/db/repos/documents.js';
import { documentFormats } from '../../archive/document-formats.js';
import { ArchiveError } from '../../archive/errors.js';
import { getCollection } from '../../archive/collections/collections.js';
import { restoreTags } from '../../archive/tags/restore.js';
import { deleteTagWithDetail } from '../../archive/tags/tags.js';
import type { Quote } from '../../../shared/contract.js';
import { pageLabel } from '../../../shared/page-label.js';
import type { QuoteRecord } from '../../../shared/quote.js';
import { snippetParts } from '../../../shared/snippet.js';
import type { HandlersFor } from '../types.js';
import { collectionName } from './collections.js';

type QuoteCalls =
  | 'quotes.list'
  | 'quotes.create'
  | 'quotes.update'
  | 'quotes.delete'
  | 'quotes.restore'
  | 'quotes.sources'
  | 'tags.list'
  | 'tags.add'
  | 'tags.remove'
  | 'tags.rename'
  | 'tags.delete'
  | 'tags.restore'
  | 'search.query';

/** The records with their documents' titles. */
async function withTitles(db: Db, records: readonly QuoteRecord[]): Promise<Quote[]> {
  const ids = [...new Set(records.map((q) => q.documentId))];
  const titles = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const [id, title] of await titlesOf(db, ids.slice(i, i + 500))) titles.set(id, title);
  }
  return records.map((q) => ({ ...q, documentTitle: titles.get(q.documentId) ?? `Document ${q.documentId}` }));
}

// Each change below is one transaction of the core, tried again (never applied twice: a busy
// BEGIN IMMEDIATE wrote nothing) while another program holds the archive's write lock.
export const quoteHandlers: HandlersFor<QuoteCalls> = {
  'quotes.list': async (input, { session }) => {
    const db = session.current().db;
    const inCollection =
      input.collectionId !== undefined
        ? (await getCollection(db, await collectionName(db, input.collectionId))).items.map((i) => i.quote.id)
        : undefined;
    const records = await listQuotes(db, {
      ...(inCollection !== undefined ? { ids: inCollection } : {}),
      ...(input.documentId !== undefined ? { documentId: input.documentId } : {}),
      ...(input.tag !== undefined ? { tags: [input.tag] } : {}),
      ...(input.query !== undefined && input.query.trim() !== '' ? { query: input.query } : {}),
    });
    return withTitles(db, records.reverse());
  },

  'quotes.create': async (input, { session }) => {
    const archive = session.current();
    const record = await retryWhileBusy(() =>
      createQuote(archive, {
        documentId: input.documentId,
        selector: { page: input.page, start: input.start, pageEnd: input.pageEnd, end: input.end },
        text: input.text,
        ...(input.note !== undefined ? { note: input.note } : {}),
        ...(input.tags !== undefined ? { tags: input.tags } : {}),
      }),
    );
    return (await withTitles(archive.db, [record]))[0] as Quote;
  },

  'quotes.update': async (input, { session }) => {
    const archive = session.current();
    const record = await retryWhileBusy(() =>
      updateQuote(archive, input.id, {
        ...(input.note !== undefined ? { note: input.note } : {}),
        ...(input.tags !== undefined ? { tags: input.tags } : {}),
      }),
    );
    return (await withTitles(archive.db, [record]))[0] as Quote;
  },

  'quotes.delete': async (input, { session }) => {
    const archive = session.current();
    return (await withTitles(archive.db, [await retryWhileBusy(() => deleteQuote(archive, input.id))]))[0] as Quote;
  },

  'quotes.restore': async (input, { session }) => {
    const archive = session.current();
    return (await withTitles(archive.db, [await retryWhileBusy(() => restoreQuote(archive, input.id))]))[0] as Quote;
  },

  'quotes.sources': async (input, { session }) => {
    const db = session.current().db;
    const sources = await quoteSources(db, input.id);
    const labels = new Map<number, Awaited<ReturnType<typeof getDocument>>>();
    for (const s of sources)
      if (!labels.has(s.documentId)) labels.set(s.documentId, await getDocument(db, s.documentId));
    return sources.map((s) => {
      const doc = labels.get(s.documentId);
      return { ...s, pageLabel: doc ? pageLabel(doc, s.page) : String(s.page) };
    });
  },

  'tags.list': (_input, { session }) => listTags(session.current().db),

  'tags.add': async (input, { session }) => {
    await retryWhileBusy(() => addTags(session.current(), [input.name], targetOf(input)));
    return null;
  },

  'tags.remove': async (input, { session }) => {
    await retryWhileBusy(() => removeTag(session.current(), input.name, targetOf(input)));
    return null;
  },

  'tags.rename': async (input, { session }) => {
    await retryWhileBusy(() => renameTag(session.current(), input.from, input.to));
    return null;
  },

  'tags.delete': async (input, { session }) => {
    const result = await retryWhileBusy(() => deleteTagWithDetail(session.current(), input.name));
    return { tags: result.detail, documents: result.documents, quotes: result.quotes };
  },

  'tags.restore': async (input, { session }) => {
    await retryWhileBusy(() => restoreTags(session.current(), input.tags));
    return null;
  },

  'search.query': async (input, { session }) => {
    const started = performance.now();
    const db = session.current().db;
    const result = await search(db, input.query, {
      ...(input.tags?.length ? { tags: input.tags } : {}),
      ...(input.type ? { types: [input.type] } : {}),
      ...(input.author ? { author: input.author } : {}),
      ...(input.from ? { from: input.from } : {}),
      ...(input.to ? { to: input.to } : {}),
      ...(input.hasQuotes ? { hasQuotes: true } : {}),
      ...(input.entity?.trim() ? { entity: input.entity } : {}),
      limit: input.limit ?? 50,
    });
    const formats = await documentFormats(
      db,
      result.hits.map((h) => h.documentId),
    );
    return {
      total: result.total,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
      hits: result.hits.map((h) => ({
        kind: h.kind,
        documentId: h.documentId,
        title: h.title,
        format: formats.get(h.documentId) ?? 'text',
        page: h.kind === 'metadata' ? null : h.page,
        pageLabel: h.kind === 'metadata' ? null : h.pageLabel,
        snippet: snippetParts(h.snippet),
        score: h.score,
        quoteId: h.quoteId ?? null,
        alsoIn: h.alsoIn ?? [],
      })),
    };
  },
};

function targetOf(input: { documentId?: number | undefined; quoteId?: number | undefined }) {
  if (input.documentId === undefined && input.quoteId === undefined) {
    throw new ArchiveError('invalid-input', 'a document or a quote to tag is needed (documentId or quoteId)');
  }
  return {
    ...(input.documentId !== undefined ? { documentIds: [input.documentId] } : {}),
    ...(input.quoteId !== undefined ? { quoteIds: [input.quoteId] } : {}),
  };
}
