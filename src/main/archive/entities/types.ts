/** People and organisations read from a document's text (issue 17): the engine's own types. */

export type EntityType = 'person' | 'org';

/** One page's text, as stored at import; offsets below are UTF-16 indexes into it. */
export interface PageText {
  /** Physical page, from 1. */
  page: number;
  text: string;
}

/** Names already known for the document (metadata inference, email headers, the user). */
export interface KnownNames {
  people?: readonly string[];
  organizations?: readonly string[];
}

/** One place a person or organisation is named: `pageText.slice(start, end) === text`. */
export interface Mention {
  page: number;
  start: number;
  end: number;
  /** The words on the page, titles excluded (the role keeps them). */
  text: string;
  type: EntityType;
  /** The title or role written before the name ("Deputy Chief", "Sen."), when there is one. */
  role: string | null;
  /** The document the mention came from, when merging across an archive. */
  document?: string;
  /** The organisation's full name this mention abbreviates, when the text defines it ("… Agency (EPA)"). */
  expands?: string;
}

export interface Entity {
  /** The fullest form found: "Edward J. Markey", "Los Angeles Police Department". */
  name: string;
  type: EntityType;
  /** Every other form the mentions use ("Markey", "LAPD"), sorted. */
  aliases: string[];
  /** Titles and roles seen with the name, sorted. */
  roles: string[];
  mentions: Mention[];
}

/** A merge the engine thought likely but not sure enough to make: the user decides. */
export interface MergeSuggestion {
  type: EntityType;
  /** The names of the two entities (as in `Entity.name`). */
  names: [string, string];
  reason: string;
}

export interface MergeResult {
  entities: Entity[];
  suggestions: MergeSuggestion[];
}
