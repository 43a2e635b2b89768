/**
 * Row types of the archive's tables, as kysely sees them. JSON columns hold text;
 * repositories map rows to the shared record types.
 */
import type { Generated } from 'kysely';

export interface OriginalsTable {
  sha256: string;
  size: number;
  data: Buffer;
}

export interface DocumentsTable {
  id: Generated<number>;
  sha256: string;
  format: string;
  mime_type: string;
  title: string;
  type: string;
  /** JSON array of strings. */
  authors: string;
  /** JSON array of strings. */
  recipients: string;
  organization: string | null;
  date: string | null;
  source: string | null;
  url: string | null;
  description: string | null;
  file_name: string;
  size: number;
  page_count: number;
  /** JSON array of strings, or null. */
  page_labels: string | null;
  page_label_offset: number;
  parent_id: number | null;
  /** JSON array of strings. */
  warnings: string;
  /** JSON object: format-specific facts (PDF info, image counts, email headers). */
  extra: string;
  imported_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** JSON FileDates: the file's own dates, never the document's date. */
  file_dates: Generated<string>;
  /** JSON array of the metadata fields a person set or edited: inference leaves them alone. */
  user_fields: Generated<string>;
  /** The id of the first document of its group of versions; null when it has none. */
  version_group: number | null;
}

export interface PagesTable {
  id: Generated<number>;
  document_id: number;
  number: number;
  text: string;
  /** JSON PageLayout for PDFs, null for flowing text. */
  layout: string | null;
  /** The text's index form (search/script-text.ts); null when indexed as it is. */
  search_text: Generated<string | null>;
}

export interface HistoryTable {
  id: Generated<number>;
  at: string;
  action: string;
  document_id: number | null;
  subject: string | null;
  /** JSON object. */
  details: string;
  prev_hash: string;
  hash: string;
  /** JSON StateRecord (state-hash.ts): the state the change left behind; null before migration 0005. */
  state: string | null;
}

export interface ArchiveInfoTable {
  key: string;
  value: string;
}

export interface QuotesTable {
  id: Generated<number>;
  document_id: number;
  /** Physical pages the quote starts and ends on (1-based). */
  page: number;
  page_end: number;
  /** Offset into page `page`'s text; `end_offset` (exclusive) into page `page_end`'s. */
  start_offset: number;
  end_offset: number;
  /** The source's own characters (pages joined by "\n" across a break). */
  text: string;
  prefix: string;
  suffix: string;
  note: string | null;
  status: 'ok' | 'orphaned';
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** The text's and the note's index forms (search/script-text.ts); null when indexed as they are. */
  search_text: Generated<string | null>;
  search_note: Generated<string | null>;
}

export interface TagsTable {
  id: Generated<number>;
  /** Unique regardless of ASCII case; "/" nests. */
  name: string;
  color: string | null;
  description: string | null;
  created_at: string;
}

export interface DocumentTagsTable {
  document_id: number;
  tag_id: number;
}

export interface QuoteTagsTable {
  quote_id: number;
  tag_id: number;
}

export interface CollectionsTable {
  id: Generated<number>;
  /** Unique regardless of ASCII case. */
  name: string;
  title: string;
  introduction: string | null;
  created_at: string;
  updated_at: string;
}

export interface CollectionItemsTable {
  collection_id: number;
  quote_id: number;
  /** 1..n within the collection. */
  position: number;
  added_at: string;
}

export interface InferencesTable {
  document_id: number;
  field: string;
  /** JSON: a string or an array of strings. */
  value: string;
  confidence: number;
  rule: string;
  source_page: number | null;
  source_start: number | null;
  source_end: number | null;
  source_text: string | null;
  status: string;
  inferred_at: string;
  decided_at: string | null;
}

/** Migration 0008: a page whose text came from OCR (see 0008-ocr.ts). */
export interface OcrPagesTable {
  page_id: number;
  engine: string;
  engine_version: string;
  languages: string;
  mean_confidence: number;
  /** Where the OCR text starts in the page text (after the page's own text layer, if any). */
  text_start: number;
  /** JSON: [[start, length, x, y, width, height, confidence], …]. */
  words: string;
  recognised_at: string;
}

export interface TextSignaturesTable {
  document_id: number;
  /** 128 little-endian uint32: the MinHash signature of the document's text. */
  signature: Buffer;
  /** JSON array of the signature's band keys; triggers copy them to signature_bands. */
  band_keys: Generated<string>;
}

export interface SignatureBandsTable {
  /** band × 2³² + the band's hash: one indexed key per band. */
  band_key: number;
  document_id: number;
}

export interface FactsTable {
  id: Generated<number>;
  /** Partial ISO date: "2020", "2020-11" or "2020-11-13". */
  date_from: string;
  /** The end of a range (partial ISO), or null. */
  date_to: string | null;
  /** 1 when the date is approximate ("about"). */
  date_about: number;
  statement: string;
  status: 'undisputed' | 'disputed' | 'unverified';
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface FactQuotesTable {
  fact_id: number;
  quote_id: number;
  role: 'supports' | 'contradicts';
  /** 1..n within the fact. */
  position: number;
}

export interface FactTagsTable {
  fact_id: number;
  tag_id: number;
}

export interface EntitiesTable {
  id: Generated<number>;
  type: 'person' | 'org';
  name: string;
  /** JSON array of the other forms the entity's mentions use. */
  aliases: Generated<string>;
  /** 1 when a person named the entity: extraction keeps the name. */
  user_name: Generated<number>;
  family: string | null;
  acronym: string | null;
  /** Documents naming it, trash included (the library's facet subtracts the trash). */
  documents: Generated<number>;
  created_at: string;
}

export interface EntityKeysTable {
  type: 'person' | 'org';
  key: string;
  entity_id: number;
  /** 1 when a person's merge or split put the key here. */
  decided: Generated<number>;
}

export interface EntityMentionsTable {
  id: Generated<number>;
  entity_id: number;
  document_id: number;
  page: number;
  start_offset: number;
  end_offset: number;
  text: string;
  role: string | null;
  key: string;
}

export interface EntityExtractionsTable {
  document_id: number;
  extracted_at: string;
  engine: string;
}

export interface EntitySuggestionsTable {
  entity_a: number;
  entity_b: number;
  reason: string;
}

export interface Database {
  originals: OriginalsTable;
  documents: DocumentsTable;
  pages: PagesTable;
  history: HistoryTable;
  archive_info: ArchiveInfoTable;
  quotes: QuotesTable;
  tags: TagsTable;
  document_tags: DocumentTagsTable;
  quote_tags: QuoteTagsTable;
  collections: CollectionsTable;
  collection_items: CollectionItemsTable;
  inferences: InferencesTable;
  text_signatures: TextSignaturesTable;
  signature_bands: SignatureBandsTable;
  ocr_pages: OcrPagesTable;
  facts: FactsTable;
  fact_quotes: FactQuotesTable;
  fact_tags: FactTagsTable;
  entities: EntitiesTable;
  entity_keys: EntityKeysTable;
  entity_mentions: EntityMentionsTable;
  entity_extractions: EntityExtractionsTable;
  entity_suggestions: EntitySuggestionsTable;
}
