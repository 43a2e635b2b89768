/** C0 controls but tab and line feed, and DEL: nothing a user typed on purpose. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Multi-line text as stored (a note, an introduction): line ends unified, controls dropped, trimmed. */
export function cleanMultilineText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(CONTROLS, '').trim();
}
