/**
 * EML with postal-mime: sender, recipients, subject, date and body text; attachments
 * (nested messages among them, as .eml files) go back to the pipeline to be imported as
 * documents of their own. An HTML-only body goes through the HTML text extractor, so
 * nothing of its markup or scripts reaches the text.
 */
import PostalMime, { addressParser, decodeWords, type Address, type Attachment, type Email } from 'postal-mime';
import type { DocumentMetadata } from '../../../shared/document.js';
import { ArchiveError, messageOf } from '../errors.js';
import { stripControls } from './decode-text.js';
import { detectFormat } from './detect-format.js';
import { htmlToText } from './html-text.js';
import { headerValue, latin1, messageCharset, partCharsets, redecodeEightBit, topHeaderBlock } from './mime-raw.js';
import { truncationWarning } from './mime-truncation.js';
import { attachmentName } from './attachment-name.js';
import { partialDate } from './partial-date.js';
import type { ExtractedAttachment, ExtractedDocument } from './types.js';

/** MIME parts nested deeper than this are refused (postal-mime's default is 256). */
export const MAX_MIME_DEPTH = 64;
/** Attachments past this many are listed but not imported. */
export const MAX_ATTACHMENTS = 200;
const MAX_HEADERS_KEPT = 500;
const MAX_HEADER_CHARS = 256 * 1024;
const MAX_ADDRESSES = 500;

/** Headers that only mail has; a message without any of them is not one. */
const MAIL_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'subject',
  'date',
  'message-id',
  'received',
  'return-path',
  'mime-version',
  'sender',
  'reply-to',
  'delivered-to',
]);

function formatMailbox(name: string, address: string | undefined): string {
  const n = stripControls(name).replace(/\s+/g, ' ').trim();
  const a = (address ?? '').trim();
  if (!a) return n;
  return n && n !== a ? `${n} <${a}>` : a;
}

function formatAddresses(addresses: readonly Address[] | undefined): string[] {
  const out: string[] = [];
  for (const address of addresses ?? []) {
    if (address.group) {
      for (const member of address.group) out.push(formatMailbox(member.name, member.address));
    } else {
      out.push(formatMailbox(address.name, address.address));
    }
  }
  return out.filter(Boolean).slice(0, MAX_ADDRESSES);
}

function cleanLine(text: string | undefined): string | undefined {
  const line = text === undefined ? undefined : stripControls(text).replace(/\s+/g, ' ').trim();
  return line ? line : undefined;
}

function contentBytes(content: Attachment['content']): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

async function parse(bytes: Uint8Array): Promise<Email> {
  try {
    return await PostalMime.parse(bytes, {
      // Nested messages are not folded into this one's body: each becomes an .eml document.
      forceRfc822Attachments: true,
      maxRfc822NestingDepth: 0,
      maxNestingDepth: MAX_MIME_DEPTH,
      attachmentEncoding: 'arraybuffer',
    });
  } catch (error) {
    const reason = messageOf(error);
    if (/nesting depth/i.test(reason)) {
      throw new ArchiveError('corrupt', `damaged email: MIME parts nested more than ${MAX_MIME_DEPTH} deep`);
    }
    throw new ArchiveError('corrupt', `not a readable email (${reason})`);
  }
}

interface AttachmentNote {
  fileName: string;
  mimeType: string;
  size: number;
  imported: boolean;
  reason?: string;
}

function collectAttachments(
  email: Email,
  raw: string,
  warnings: string[],
): { attachments: ExtractedAttachment[]; notes: AttachmentNote[] } {
  const charsets = email.attachments.some((a) => a.mimeType.startsWith('text/'))
    ? partCharsets(raw)
    : new Map<string, string>();
  const attachments: ExtractedAttachment[] = [];
  const notes: AttachmentNote[] = [];
  const skipped: string[] = [];
  email.attachments.forEach((attachment, index) => {
    const bytes = contentBytes(attachment.content);
    const fileName = attachmentName(attachment.filename, attachment.mimeType, index + 1);
    const note: AttachmentNote = { fileName, mimeType: attachment.mimeType, size: bytes.byteLength, imported: false };
    notes.push(note);
    if (attachments.length >= MAX_ATTACHMENTS) {
      note.reason = `more than ${MAX_ATTACHMENTS} attachments`;
      skipped.push(`"${fileName}" (${note.reason})`);
      return;
    }
    try {
      detectFormat(bytes, fileName);
    } catch (error) {
      note.reason = messageOf(error);
      // Inline images of an HTML body are part of its look, not attachments anyone sent.
      if (!attachment.related) skipped.push(`"${fileName}" (${note.reason})`);
      return;
    }
    note.imported = true;
    const charset = attachment.filename ? charsets.get(attachment.filename) : undefined;
    attachments.push({ fileName, bytes, ...(charset ? { charset } : {}) });
  });
  if (skipped.length > 0) {
    const listed = skipped.slice(0, 10).join(', ') + (skipped.length > 10 ? ` and ${skipped.length - 10} more` : '');
    warnings.push(`attachment(s) kept inside the email's original but not imported: ${listed}`);
  }
  return { attachments, notes };
}

function keptHeaders(email: Email): [string, string][] {
  const kept: [string, string][] = [];
  let chars = 0;
  for (const header of email.headers.slice(0, MAX_HEADERS_KEPT)) {
    chars += header.originalKey.length + header.value.length;
    if (chars > MAX_HEADER_CHARS) break;
    kept.push([header.originalKey, header.value]);
  }
  return kept;
}

function body(email: Email): { text: string; from: 'text' | 'html' | 'none' } {
  const plain = email.text ?? '';
  if (plain.trim() !== '') return { text: stripControls(plain).replace(/\r\n?/g, '\n').trim(), from: 'text' };
  if (email.html) return { text: htmlToText(email.html).text, from: 'html' };
  return { text: '', from: 'none' };
}

/** Where the headers begin: past blank lines some tools write before them. */
function headerStart(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length && at < 1024 && (bytes[at] === 0x0d || bytes[at] === 0x0a)) at++;
  return at;
}

/** Imports one message; its attachments come back for the pipeline to import and link. */
export async function importEmail(input: Uint8Array): Promise<ExtractedDocument> {
  const bytes = input.subarray(headerStart(input));
  const raw = latin1(bytes);
  const notMail = new ArchiveError('corrupt', 'not an email: it does not begin with mail headers');
  if (
    topHeaderBlock(raw)
      .slice(0, 64 * 1024)
      .includes('\0')
  )
    throw notMail;
  const email = await parse(bytes);
  if (!email.headers.some((h) => MAIL_HEADERS.has(h.key))) throw notMail;
  const warnings: string[] = [];
  const truncated = truncationWarning(raw);
  if (truncated) warnings.push(truncated);
  const block = topHeaderBlock(raw);
  const charset = messageCharset(raw);
  const reread = (name: string) => redecodeEightBit(headerValue(block, name), charset);

  const subject = cleanLine(reread('subject') ?? email.subject);
  const organization = cleanLine(reread('organization') ?? decodeHeader(email, 'organization'));
  const rawDate = email.headers.find((h) => h.key === 'date')?.value;
  const date = partialDate(rawDate);
  if (rawDate && !date) warnings.push(`the Date header "${rawDate.slice(0, 80)}" could not be read`);
  const { text, from } = body(email);
  if (text === '') warnings.push('the email has no body text');

  const addresses = (name: string, parsed: Address[] | undefined): string[] => {
    const again = reread(name);
    return formatAddresses(again === undefined ? parsed : addressParser(again));
  };
  const metadata: Partial<DocumentMetadata> = {
    type: 'email',
    authors: addresses('from', email.from ? [email.from] : []),
    recipients: [...new Set([...addresses('to', email.to), ...addresses('cc', email.cc)])],
    ...(subject ? { title: subject.slice(0, 500) } : {}),
    ...(date ? { date } : {}),
    ...(organization ? { organization: organization.slice(0, 300) } : {}),
  };
  const { attachments, notes } = collectAttachments(email, raw, warnings);
  return {
    format: 'email',
    mimeType: 'message/rfc822',
    metadata,
    pages: [{ text }],
    warnings,
    attachments,
    extra: {
      email: {
        messageId: email.messageId ?? null,
        inReplyTo: email.inReplyTo ?? null,
        references: email.references ?? null,
        date: rawDate ?? null,
        bcc: formatAddresses(email.bcc),
        replyTo: formatAddresses(email.replyTo),
        body: from,
        headers: keptHeaders(email),
        attachments: notes,
      },
    },
  };
}

function decodeHeader(email: Email, key: string): string | undefined {
  const value = email.headers.find((h) => h.key === key)?.value;
  return value === undefined ? undefined : decodeWords(value);
}
