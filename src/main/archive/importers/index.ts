/** The importer for each format; detect-format.ts says which format a file is. */
import type { DocumentFormat } from '../../../shared/document.js';
import { importDocx } from './docx.js';
import { importEmail } from './email.js';
import { importHtml } from './html.js';
import { importImage } from './image.js';
import { importPdf } from './pdf.js';
import { importText } from './text.js';
import type { Importer } from './types.js';

export { detectFormat } from './detect-format.js';

export const IMPORTERS: Record<DocumentFormat, Importer> = {
  pdf: importPdf,
  text: importText,
  markdown: importText,
  html: importHtml,
  docx: importDocx,
  email: importEmail,
  image: importImage,
};
