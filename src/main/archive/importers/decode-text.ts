/**
 * Decoding bytes of unknown encoding: UTF-8 (with or without BOM), UTF-16 (with a BOM,
 * or recognised by its zero bytes), otherwise Windows-1252 with a warning. Never throws.
 */
export interface DecodedText {
  text: string;
  encoding: string;
  warnings: string[];
}

function looksUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  // Latin-script UTF-16 has a zero in one half of most code units and almost never in the other.
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Replaces NUL and other C0 controls (but tab and newlines) that no reader shows. */
export function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b > 0x7f) return false;
  return true;
}

/** The WHATWG name of an encoding label (`latin1` is `windows-1252`), or null when unknown. */
function canonicalEncoding(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** Decodes with the declared charset where one is given and known, else as the file's bytes suggest. */
export function decodeText(bytes: Uint8Array, declared?: string | null): DecodedText {
  const warnings: string[] = [];
  const decode = (encoding: string, body: Uint8Array, fatal: boolean): string | null => {
    try {
      return new TextDecoder(encoding, { fatal }).decode(body);
    } catch {
      return null;
    }
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decode('utf-8', bytes.subarray(3), false) ?? '', encoding: 'utf-8', warnings };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decode('utf-16le', bytes.subarray(2), false) ?? '', encoding: 'utf-16le', warnings };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decode('utf-16be', bytes.subarray(2), false) ?? '', encoding: 'utf-16be', warnings };
  }
  const utf16 = looksUtf16(bytes);
  if (utf16) {
    warnings.push(`no byte-order mark; read as ${utf16.toUpperCase()}`);
    return { text: decode(utf16, bytes, false) ?? '', encoding: utf16, warnings };
  }
  const utf8 = decode('utf-8', bytes, true);
  const encoding = declared ? canonicalEncoding(declared) : null;
  if (encoding && encoding !== 'utf-8') {
    // Non-ASCII bytes that form valid UTF-8 are UTF-8 whatever the label says (re-saved
    // pages keep their old label); legacy text almost never validates by chance.
    if (utf8 !== null && !isAscii(bytes)) {
      warnings.push(`declared ${declared?.trim()} but the bytes are UTF-8; read as UTF-8`);
      return { text: utf8, encoding: 'utf-8', warnings };
    }
    const text = decode(encoding, bytes, false);
    if (text !== null) return { text, encoding, warnings };
  }
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', warnings };
  warnings.push('not valid UTF-8; read as Windows-1252');
  return { text: decode('windows-1252', bytes, false) ?? '', encoding: 'windows-1252', warnings };
}
