/**
 * Tag names: "/" nests them ("agency/LAPD" is a child of "agency"), so a parent
 * selects its children's items. Names compare without regard to ASCII case.
 */
import { ArchiveError } from '../errors.js';

export { isWithin, sameTag } from '../../../shared/tag-names.js';

export const MAX_TAG_NAME = 200;

/** The tidy form of a tag name (NFC, single spaces, no space around "/"); throws invalid-input. */
export function normalizeTagName(raw: string): string {
  const parts = raw
    .normalize('NFC')
    .split('/')
    .map((part) => part.trim().replace(/\s+/g, ' '));
  const name = parts.join('/');
  if (name === '') throw new ArchiveError('invalid-input', 'tag: the name is empty');
  if (parts.some((part) => part === '')) {
    throw new ArchiveError(
      'invalid-input',
      `tag "${raw}": a level of the name is empty (write nested tags as "agency/LAPD")`,
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw new ArchiveError('invalid-input', `tag "${raw}": control characters are not allowed`);
  if (name.length > MAX_TAG_NAME)
    throw new ArchiveError('invalid-input', `tag "${name.slice(0, 40)}…": longer than ${MAX_TAG_NAME} characters`);
  return name;
}

/** The parents of a name, outermost first: "a/b/c" → ["a", "a/b"]. */
export function ancestorNames(name: string): string[] {
  const parts = name.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** A LIKE pattern (with ESCAPE '\') matching every descendant of `name`. */
export function descendantsPattern(name: string): string {
  return `${name.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`;
}

/** "#rgb" or "#rrggbb" to "#rrggbb"; null clears; throws invalid-input. */
export function normalizeColor(raw: string | null): string | null {
  if (raw === null || raw.trim() === '') return null;
  const value = raw.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(value)) return value;
  throw new ArchiveError('invalid-input', `color: "${raw}" is not a colour like #c0392b`);
}
