/**
 * Whether a message was cut off: a multipart body whose closing boundary (`--b--`) never
 * comes. postal-mime reads such a message without complaint, taking whatever arrived as
 * the last part, so an investigator would never learn the email is not whole. Read from
 * the raw message (Latin-1, one character a byte).
 */
import { param } from './mime-raw.js';

/** Headers looked at; a real message has a handful of multipart ones. */
const MAX_MULTIPARTS = 1000;

const CONTENT_TYPE = /^content-type[ \t]*:([^\n]*(?:\n[ \t][^\n]*)*)/gim;

/** The multipart boundaries declared in the message, each with where its header ends. */
function multipartBoundaries(raw: string): { boundary: string; at: number }[] {
  const found: { boundary: string; at: number }[] = [];
  CONTENT_TYPE.lastIndex = 0;
  for (let m = CONTENT_TYPE.exec(raw); m && found.length < MAX_MULTIPARTS; m = CONTENT_TYPE.exec(raw)) {
    const value = (m[1] ?? '').replace(/\r?\n(?=[ \t])/g, '');
    if (!/^\s*multipart\//i.test(value)) continue;
    const boundary = param(value, 'boundary');
    if (boundary) found.push({ boundary, at: m.index + m[0].length });
  }
  return found;
}

/** A plain sentence when the message ends before its multipart body does, else null. */
export function truncationWarning(raw: string): string | null {
  for (const { boundary, at } of multipartBoundaries(raw)) {
    const open = raw.indexOf(`\n--${boundary}`, at);
    if (open < 0) continue; // declared but never used: postal-mime reads it as one part; nothing was cut
    if (raw.indexOf(`\n--${boundary}--`, open) < 0) {
      return 'the message is incomplete: its last part never ends (the closing MIME boundary is missing), so the file was probably cut off; what arrived is imported';
    }
  }
  return null;
}
