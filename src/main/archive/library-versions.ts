/**
 * Versions in the library (issue 13): documents grouped as versions of one text show as one
 * row. Of a group's documents that pass the filter, the earliest imported (lowest id) stands
 * for the group, at its own place in the order: so the row's values are the ones it is sorted
 * and filtered by, a group is listed when any of its versions passes (a tag on a TXT version's
 * quote still finds it), and the total, windows and paging count rows, not files.
 */

/** Keeps, of each group's passing ids, the lowest, where it stands in `ordered`. */
export function collapseVersions(ordered: readonly number[], groups: ReadonlyMap<number, number>): number[] {
  if (groups.size === 0) return [...ordered];
  const shown = new Map<number, number>();
  for (const id of ordered) {
    const group = groups.get(id);
    if (group === undefined) continue;
    const held = shown.get(group);
    if (held === undefined || id < held) shown.set(group, id);
  }
  return ordered.filter((id) => {
    const group = groups.get(id);
    return group === undefined || shown.get(group) === id;
  });
}
