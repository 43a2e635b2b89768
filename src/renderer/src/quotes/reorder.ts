/** Moving items in an ordered list (collections), by drag or by keyboard. */

/** `list` with the item at `from` moved to `to` (indices into the original list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length) return list.slice();
  const next = list.slice();
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(next.length, to)), 0, item as T);
  return next;
}

/** Appends the ids not already in the list, keeping their order. */
export function appendUnique(list: readonly number[], ids: readonly number[]): number[] {
  const seen = new Set(list);
  return [...list, ...ids.filter((id) => !seen.has(id) && (seen.add(id), true))];
}
