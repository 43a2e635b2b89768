/**
 * The PDF's fonts: DejaVu Serif (regular, italic, bold) with DejaVu Sans behind it for
 * scripts the serif lacks (Arabic, Hebrew, many symbols), embedded and subset so a
 * reader needs nothing installed. Which font has a glyph is asked of fontkit, so a
 * character no font has is replaced visibly instead of silently dropped.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkitModule from '@pdf-lib/fontkit';

type Fontkit = typeof fontkitModule;
/** The package is UMD: under Node's ESM its API sits on `default`. */
export const fontkit: Fontkit = (fontkitModule as unknown as { default?: Fontkit }).default ?? fontkitModule;

export type FontFace = 'regular' | 'italic' | 'bold' | 'sans';

const FILES: Record<FontFace, string> = {
  regular: 'DejaVuSerif.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  sans: 'DejaVuSans.ttf',
};

let fontDir: string | null = null;
const bytesCache = new Map<FontFace, Uint8Array>();
const coverage = new Map<FontFace, { hasGlyphForCodePoint(cp: number): boolean }>();

function dir(): string {
  fontDir ??= join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return fontDir;
}

/** The TTF bytes of a face (read once per process). */
export function fontBytes(face: FontFace): Uint8Array {
  let bytes = bytesCache.get(face);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(join(dir(), FILES[face])));
    bytesCache.set(face, bytes);
  }
  return bytes;
}

/** Whether a face draws this code point. */
export function hasGlyph(face: FontFace, codePoint: number): boolean {
  let font = coverage.get(face);
  if (!font) {
    font = fontkit.create(fontBytes(face));
    coverage.set(face, font);
  }
  return font.hasGlyphForCodePoint(codePoint);
}
