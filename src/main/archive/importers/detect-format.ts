/**
 * Choosing an importer: by the file's first bytes where they are telling, by its
 * name's extension otherwise. A known extension over the wrong content is refused.
 */
import { extname } from 'node:path';
import type { DocumentFormat } from '../../../shared/document.js';
import { ArchiveError } from '../errors.js';
import { imageFormatOf } from '../ocr/image-files.js';

const EXTENSIONS: Record<string, DocumentFormat> = {
  '.pdf': 'pdf',
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.eml': 'email',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.tif': 'image',
  '.tiff': 'image',
};

function startsWith(bytes: Uint8Array, ascii: string, at = 0): boolean {
  for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

function head(bytes: Uint8Array, n: number): string {
  return new TextDecoder('latin1').decode(bytes.subarray(0, n));
}

/** The format of a file, or an error saying why it cannot be imported. */
export function detectFormat(bytes: Uint8Array, fileName: string): DocumentFormat {
  const ext = extname(fileName).toLowerCase();
  const byName = EXTENSIONS[ext];
  if (bytes.length === 0) throw new ArchiveError('invalid-input', 'empty file');
  const start = head(bytes, 1024);
  // Bad downloads often put an HTML error page before the header; pdf.js reads past it.
  const pdfAt = head(bytes, 64 * 1024).indexOf('%PDF-');
  const zip = startsWith(bytes, 'PK\x03\x04');
  // Word saves a password-protected DOCX as an OLE compound file; docx.ts says which it is.
  const ole = startsWith(bytes, '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1');
  if (byName === 'pdf') {
    if (pdfAt >= 0) return 'pdf';
    const looks = /^\s*</.test(start) ? ' (it looks like an HTML page)' : '';
    throw new ArchiveError('corrupt', `not a PDF: no %PDF header${looks}`);
  }
  if (byName === 'docx') {
    if (zip || ole) return 'docx';
    throw new ArchiveError('corrupt', 'not a DOCX: the file is not a ZIP package');
  }
  const image = imageFormatOf(bytes);
  if (byName === 'image') {
    if (image) return 'image';
    throw new ArchiveError('corrupt', `not a ${ext.slice(1).toUpperCase()} image: its first bytes say otherwise`);
  }
  if (byName) return byName;
  if (pdfAt === 0) return 'pdf';
  if (image) return 'image';
  if (zip)
    throw new ArchiveError(
      'unsupported',
      `unknown file type${ext ? ` (${ext})` : ''}: a ZIP package that is not a DOCX`,
    );
  if (/^\s*<(!doctype html|html)/i.test(start)) return 'html';
  if (
    /^(Return-Path|Received|From|Message-ID|MIME-Version|Date|Subject|To|Delivered-To):/im.test(start.slice(0, 200)) &&
    /\n\r?\n/.test(start)
  ) {
    return 'email';
  }
  throw new ArchiveError('unsupported', `unknown file type${ext ? ` (${ext})` : ' (no extension)'}`);
}
