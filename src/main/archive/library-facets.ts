/**
 * What the library's filter column offers (types, the tag tree, authors, the date span)
 * with counts over every live document (a tag: the documents carrying it or holding a
 * quote that does), in a few grouped queries: the renderer no longer holds every row to
 * count them itself.
 */
import type { LibraryFacets } from '../../shared/library-query.js';
import type { Db } from './db/repos/db.js';
import {
  liveAuthorCounts,
  liveDateSpan,
  liveDocumentsUnderNodes,
  liveEntityCounts,
  liveTypeCounts,
  tagsInUse,
} from './db/repos/library/facets-sql.js';
import { ancestorNames } from './tags/names.js';

/** Authors offered for completion; beyond this the list helps nobody. */
const MAX_AUTHORS = 2000;
/** People and organisations offered each. */
const MAX_ENTITIES = 500;

export async function libraryFacets(db: Db): Promise<LibraryFacets> {
  const types = await liveTypeCounts(db);
  const dates = await liveDateSpan(db);
  const authors = await liveAuthorCounts(db, MAX_AUTHORS);
  const documents = types.reduce((n, r) => n + r.count, 0);

  // Tags in use on live documents or on their live quotes, their parents added, then each
  // counted with its children: the documents the library's tag filter would show (a
  // document carrying two tags under one parent, or a tag on it and on a quote, counts once).
  const under = tagsUnderEachNode(await tagsInUse(db));
  const tagCounts = await liveDocumentsUnderNodes(db, under);
  const entities = await liveEntityCounts(db, MAX_ENTITIES);
  const facet = (type: string) =>
    entities.filter((e) => e.type === type).map(({ id, name, count }) => ({ id, name, count }));

  return {
    documents,
    types,
    tags: tagCounts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    authors,
    dates,
    people: facet('person'),
    organisations: facet('org'),
  };
}

/**
 * Every node of the tag tree (each tag in use and each of its parents, named as written)
 * with each tag it stands over, itself included. Names compare without regard to ASCII
 * case, as the tags table does, so "Agency" and the parent "agency" of "agency/LAPD" each
 * count both.
 */
function tagsUnderEachNode(tags: readonly { id: number; name: string }[]): { node: string; tag: number }[] {
  const fold = (name: string) => name.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const spellings = new Map<string, Set<string>>();
  for (const { name } of tags) {
    for (const node of [...ancestorNames(name), name]) {
      const key = fold(node);
      const set = spellings.get(key) ?? new Set<string>();
      set.add(node);
      spellings.set(key, set);
    }
  }
  const pairs: { node: string; tag: number }[] = [];
  for (const { id, name } of tags) {
    for (const node of [...ancestorNames(name), name]) {
      for (const spelling of spellings.get(fold(node)) ?? []) pairs.push({ node: spelling, tag: id });
    }
  }
  return pairs;
}
