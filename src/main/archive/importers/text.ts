/** Plain text and Markdown: one page of decoded text. */
import { decodeText, stripControls } from './decode-text.js';
import type { ExtractedDocument, ImportHints } from './types.js';

function firstLine(text: string): string | undefined {
  const line = text
    .split('\n')
    .map((l) => l.replace(/^#+\s*/, '').trim())
    .find((l) => l.length > 0);
  return line && line.length <= 200 ? line : undefined;
}

export async function importText(bytes: Uint8Array, fileName: string, hints?: ImportHints): Promise<ExtractedDocument> {
  const markdown = /\.(md|markdown)$/i.test(fileName);
  const decoded = decodeText(bytes, hints?.charset);
  const warnings = [...decoded.warnings];
  const withoutControls = stripControls(decoded.text);
  if (withoutControls.length !== decoded.text.length)
    warnings.push('control characters (such as NUL bytes) were removed');
  const text = withoutControls.replace(/\r\n?/g, '\n');
  const title = markdown ? firstLine(text) : undefined;
  return {
    format: markdown ? 'markdown' : 'text',
    mimeType: markdown ? 'text/markdown' : 'text/plain',
    metadata: title ? { title } : {},
    pages: [{ text }],
    warnings,
    extra: { encoding: decoded.encoding },
  };
}
