/** Tags nest with "/" (agency/LAPD): the tree the filters and the tag manager show. */

export interface TagNode {
  /** The full name, e.g. "agency/LAPD". */
  name: string;
  /** The last part, e.g. "LAPD". */
  label: string;
  depth: number;
  /** Items carrying this tag or one under it. */
  count: number;
  children: TagNode[];
}

/**
 * Builds the tree from tag names (parents are added where only children exist);
 * `countOf(name)` gives the items under a node, children included.
 */
export function buildTagTree(names: Iterable<string>, countOf: (name: string) => number): TagNode[] {
  const roots: TagNode[] = [];
  const nodes = new Map<string, TagNode>();
  const ensure = (name: string): TagNode => {
    const existing = nodes.get(name);
    if (existing) return existing;
    const parts = name.split('/');
    const node: TagNode = {
      name,
      label: parts[parts.length - 1] ?? name,
      depth: parts.length - 1,
      count: countOf(name),
      children: [],
    };
    nodes.set(name, node);
    if (parts.length > 1) ensure(parts.slice(0, -1).join('/')).children.push(node);
    else roots.push(node);
    return node;
  };
  for (const name of names) ensure(name);
  const order = (list: TagNode[]) => {
    list.sort((a, b) => a.label.localeCompare(b.label));
    for (const node of list) order(node.children);
  };
  order(roots);
  return roots;
}

/** Per tag and per parent of a tag, how many items carry it or something under it. */
export function countUnder(tagLists: Iterable<readonly string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const tags of tagLists) {
    const seen = new Set<string>();
    for (const tag of tags) {
      const parts = tag.split('/');
      for (let i = 1; i <= parts.length; i++) seen.add(parts.slice(0, i).join('/'));
    }
    for (const name of seen) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** The tree in display order, skipping the children of collapsed nodes. */
export function flattenTree(roots: readonly TagNode[], expanded: ReadonlySet<string>): TagNode[] {
  const out: TagNode[] = [];
  const visit = (node: TagNode) => {
    out.push(node);
    if (expanded.has(node.name)) node.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}
