/** People and organisations as the CLI, the IPC contract and the renderer see them (issue 17). */

export const ENTITY_TYPES = ['person', 'org'] as const;
export type EntityKind = (typeof ENTITY_TYPES)[number];

/** One entity in a list: `exhibit entities --json` prints these. */
export interface EntitySummary {
  id: number;
  name: string;
  type: EntityKind;
  aliases: string[];
  /** Mentions in live documents. */
  mentions: number;
  /** Live documents that mention it. */
  documents: number;
}

/** One place a live document names the entity, with the words around it. */
export interface EntityMentionView {
  documentId: number;
  page: number;
  start: number;
  end: number;
  text: string;
  role: string | null;
  before: string;
  after: string;
}

export interface EntityDocumentView {
  id: number;
  title: string;
  mentions: number;
}

export interface EntityQuoteView {
  id: number;
  documentId: number;
  page: number;
  text: string;
}

export interface EntityDetail extends EntitySummary {
  mentionList: EntityMentionView[];
  documentList: EntityDocumentView[];
  /** Live quotes whose text contains one of the entity's mentions. */
  quotes: EntityQuoteView[];
  /** The entities named most often in the same documents: by documents shared. */
  cooccurring: (EntitySummary & { shared: number })[];
  /** Merges the engine thought likely, left to a person. */
  suggestions: { id: number; name: string; reason: string }[];
}
