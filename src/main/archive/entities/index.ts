/** People and organisations in a document's text (issue 17): pure functions, no storage. */
export { extractMentions } from './extract.js';
export { mergeEntities } from './merge.js';
export { acronymOf, familyName, nameKey } from './names.js';
export type { Entity, EntityType, KnownNames, Mention, MergeResult, MergeSuggestion, PageText } from './types.js';
