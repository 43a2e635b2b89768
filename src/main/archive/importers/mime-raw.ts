/**
 * What postal-mime does not tell: the raw bytes of a header (old mail writes Subject and
 * names in 8-bit Big5 or Shift_JIS without encoded words, which a UTF-8 reading turns to
 * U+FFFD) and the charset each text attachment's part declared. Read from the message's
 * bytes as Latin-1, so every byte survives for a second decoding.
 */
import { decodeWords } from 'postal-mime';

/** A part's header block is looked for this far around its Content-Type, in at most this many parts. */
const MAX_HEADER_BLOCK = 16 * 1024;
const MAX_PARTS = 10_000;

/** Bytes as a string of the same length, so every byte can be decoded again later. */
export function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** The message's own header block (up to the first empty line). */
export function topHeaderBlock(raw: string): string {
  const end = /\r?\n\r?\n/.exec(raw.slice(0, 4 * 1024 * 1024));
  return end ? raw.slice(0, end.index) : raw.slice(0, 4 * 1024 * 1024);
}

/** The first `name` header's unfolded value in a header block, or undefined. */
export function headerValue(block: string, name: string): string | undefined {
  const re = new RegExp(`^${name}[ \\t]*:([^\\n]*(?:\\n[ \\t][^\\n]*)*)`, 'im');
  const m = re.exec(block);
  return m?.[1]?.replace(/\r?\n(?=[ \t])/g, '').trim();
}

export function param(value: string, name: string): string | undefined {
  const re = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i');
  const m = re.exec(value);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** RFC 2231 `filename*=utf-8''%E6%97%A5.txt` to its text; undefined when it is not one. */
function extendedParam(value: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}\\*\\s*=\\s*"?([^;"\\s]+)"?`, 'i').exec(value);
  const raw = m?.[1];
  if (!raw) return undefined;
  const parts = /^([^']*)'[^']*'(.*)$/.exec(raw);
  const charset = parts?.[1] || 'utf-8';
  const encoded = parts ? (parts[2] ?? '') : raw;
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const hex = encoded.slice(i + 1, i + 3);
    if (encoded[i] === '%' && /^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(encoded.charCodeAt(i) & 0xff);
  }
  try {
    return new TextDecoder(charset).decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}

/** The charset of the message's body: the top Content-Type's, else the first any part declares. */
export function messageCharset(raw: string): string | undefined {
  const top = headerValue(topHeaderBlock(raw), 'content-type');
  const declared = top ? param(top, 'charset') : undefined;
  if (declared) return declared;
  const any = /content-type:[^\n]*?charset\s*=\s*"?([A-Za-z0-9._:-]+)/i.exec(raw.slice(0, 16 * 1024 * 1024));
  return any?.[1];
}

/**
 * For every part that names a file and declares a charset: file name to charset. Names
 * are decoded as postal-mime decodes them, so they match its attachments' `filename`.
 */
export function partCharsets(raw: string): Map<string, string> {
  const found = new Map<string, string>();
  const re = /^content-type[ \t]*:/gim;
  let m: RegExpExecArray | null;
  let parts = 0;
  while ((m = re.exec(raw)) !== null && parts++ < MAX_PARTS) {
    const from = Math.max(0, m.index - MAX_HEADER_BLOCK);
    const before = raw.slice(from, m.index);
    const blockStart = Math.max(before.lastIndexOf('\n\n'), before.lastIndexOf('\n\r\n'));
    const start = blockStart < 0 ? from : from + blockStart + 1;
    const after = /\r?\n\r?\n/.exec(raw.slice(m.index, m.index + MAX_HEADER_BLOCK));
    const block = raw.slice(start, after ? m.index + after.index : m.index + MAX_HEADER_BLOCK);
    const type = headerValue(block, 'content-type') ?? '';
    const disposition = headerValue(block, 'content-disposition') ?? '';
    const charset = param(type, 'charset');
    const name =
      extendedParam(disposition, 'filename') ??
      param(disposition, 'filename') ??
      extendedParam(type, 'name') ??
      param(type, 'name');
    if (charset && name) {
      const decoded = decodeWords(name);
      if (!found.has(decoded)) found.set(decoded, charset);
    }
  }
  return found;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * A raw header value in 8-bit bytes that are not UTF-8, decoded with the message's
 * charset (else Windows-1252) and then its encoded words; undefined when the header is
 * ASCII or UTF-8 and postal-mime's reading stands.
 */
export function redecodeEightBit(rawValue: string | undefined, charset: string | undefined): string | undefined {
  if (rawValue === undefined || !/[\x80-\xff]/.test(rawValue)) return undefined;
  const bytes = Uint8Array.from(rawValue, (c) => c.charCodeAt(0) & 0xff);
  if (isValidUtf8(bytes)) return undefined;
  let decoder = new TextDecoder('windows-1252');
  try {
    const declared = new TextDecoder(charset ?? 'windows-1252');
    // A declared UTF-8 (or ASCII) over bytes that are not is no guide.
    if (declared.encoding !== 'utf-8') decoder = declared;
  } catch {
    // An unknown label: Windows-1252 it is.
  }
  return decodeWords(decoder.decode(bytes));
}
