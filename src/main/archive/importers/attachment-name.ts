/**
 * A safe, telling file name for an email attachment: the sender's name without any
 * folder part or control characters, else one made from its MIME type, with the extension
 * the importers know it by (a nested message is always an .eml).
 */
import { extname } from 'node:path';
import { stripControls } from './decode-text.js';

const MAX_NAME = 200;

const EXTENSION_BY_TYPE: Record<string, string> = {
  'message/rfc822': '.eml',
  'message/global': '.eml',
  'message/delivery-status': '.txt',
  'message/global-delivery-status': '.txt',
  'text/rfc822-headers': '.txt',
  'text/plain': '.txt',
  'text/markdown': '.md',
  'text/html': '.html',
  'application/xhtml+xml': '.xhtml',
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
};

const NAME_BY_TYPE: Record<string, string> = {
  'message/rfc822': 'attached-message',
  'message/global': 'attached-message',
  'message/delivery-status': 'delivery-status',
  'message/global-delivery-status': 'delivery-status',
  'text/rfc822-headers': 'returned-headers',
};

/** The file name an attachment is imported under (`index` numbers unnamed ones from 1). */
export function attachmentName(given: string | null, mimeType: string, index: number): string {
  const type = mimeType.toLowerCase();
  const wanted = EXTENSION_BY_TYPE[type];
  let name = stripControls(given ?? '')
    .replace(/^.*[/\\]/, '')
    .replace(/^\.+/, '')
    .trim();
  if (!name) name = `${NAME_BY_TYPE[type] ?? 'attachment'}-${index}${wanted ?? ''}`;
  // A nested message must carry its extension (its bytes do not say they are mail); any
  // other part gets its type's extension only when its name has none.
  if (wanted && (wanted === '.eml' ? extname(name).toLowerCase() !== '.eml' : extname(name) === '')) name += wanted;
  if (name.length > MAX_NAME) {
    const ext = extname(name).slice(0, 16);
    name = name.slice(0, MAX_NAME - ext.length) + ext;
  }
  return name;
}
