/**
 * How tag names compare, for the core and the renderer alike. A name is unique regardless
 * of ASCII case (the database's COLLATE NOCASE): "LAPD" and "lapd" are one tag, "Ärzte"
 * and "ärzte" are two. "/" nests names: "agency/LAPD" is within "agency".
 */

/** The name with ASCII letters in lower case and every other character as it is, as NOCASE compares. */
export function foldTagCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** True when two names are the same tag. */
export function sameTag(a: string, b: string): boolean {
  return foldTagCase(a) === foldTagCase(b);
}

/** True when `name` is `tag` or one of its descendants. */
export function isWithin(name: string, tag: string): boolean {
  const a = foldTagCase(name);
  const b = foldTagCase(tag);
  return a === b || a.startsWith(`${b}/`);
}
