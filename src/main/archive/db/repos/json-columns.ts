/**
 * JSON columns decoded in one checked place. A column's value was written by the app as
 * JSON, but an archive can be edited behind its back or written by an older build: a value
 * of the wrong shape decodes to the column's empty value, never to a cast that lies.
 */

/** A JSON array of strings (authors, recipients, warnings, page labels): non-strings are dropped. */
export function decodeStrings(json: string | null): string[] {
  const value = decodeJson(json);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Like decodeStrings, but keeps "no labels" (SQL NULL or not an array) apart from an empty list. */
export function decodeStringsOrNull(json: string | null): string[] | null {
  const value = decodeJson(json);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : null;
}

/** A JSON object (details, extra): anything else decodes to an empty object. */
export function decodeObject(json: string | null): Record<string, unknown> {
  const value = decodeJson(json);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export const encodeJson = (value: unknown): string => JSON.stringify(value);

/** A JSON column's value, or null for SQL NULL, an empty string or text that is not JSON. */
export function decodeJson(json: string | null): unknown {
  if (json === null || json === '') return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}
