/**
 * Image files as documents: PNG, JPEG and TIFF (each page of a multi-page TIFF a page). Sizes
 * are read from the headers first, so an image past the pixel cap is refused before a pixel is
 * decoded; decoding is pure JavaScript (fast-png, jpeg-js, utif) into grey pixels for OCR.
 */
import { convertIndexedToRgb, decode as decodePng } from 'fast-png';
import { decode as decodeJpeg } from 'jpeg-js';
import UTIF, { type Ifd } from 'utif';
import { ArchiveError, messageOf } from '../errors.js';
import { assertPixelBudget, fromBits, MAX_OCR_PIXELS, toGrey, type GreyImage } from './raster.js';

export type ImageFormat = 'png' | 'jpeg' | 'tiff';

export const IMAGE_MIME_TYPES: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
};

/** One page of an image file: its size, resolution, and its pixels on demand. */
export interface ImagePage {
  width: number;
  height: number;
  /** Dots per inch the file states, else 300 (what scanners write most). */
  dpi: number;
  decode(): GreyImage;
}

/** Which image format the bytes are, by their signature; null for anything else. */
export function imageFormatOf(bytes: Uint8Array): ImageFormat | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if (
    (b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a && b(3) === 0) ||
    (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0 && b(3) === 0x2a)
  )
    return 'tiff';
  return null;
}

const DEFAULT_DPI = 300;

function saneDpi(dpi: number | undefined): number {
  return dpi !== undefined && Number.isFinite(dpi) && dpi >= 50 && dpi <= 2400 ? dpi : DEFAULT_DPI;
}

function pngSize(bytes: Uint8Array): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 24) throw new ArchiveError('corrupt', 'damaged PNG (no header)');
  return [view.getUint32(16), view.getUint32(20)];
}

/** Width and height from a JPEG's first start-of-frame marker. */
function jpegSize(bytes: Uint8Array): [number, number] {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) {
      i++;
      continue;
    }
    const marker = bytes[i + 1] ?? 0;
    const length = ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
    const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (sof)
      return [((bytes[i + 7] ?? 0) << 8) | (bytes[i + 8] ?? 0), ((bytes[i + 5] ?? 0) << 8) | (bytes[i + 6] ?? 0)];
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) i += 2;
    else i += 2 + length;
  }
  throw new ArchiveError('corrupt', 'damaged JPEG (no frame header)');
}

function pngPage(bytes: Uint8Array): ImagePage {
  const [width, height] = pngSize(bytes);
  return {
    width,
    height,
    dpi: DEFAULT_DPI,
    decode() {
      assertPixelBudget(width, height, 'the image');
      const png = decodePng(bytes);
      if (png.palette) return toGrey(convertIndexedToRgb(png), png.width, png.height, png.palette[0]?.length ?? 3);
      if (png.depth === 1 && png.channels === 1) return fromBits(png.data as Uint8Array, png.width, png.height, false);
      const data = png.depth === 16 ? Uint8Array.from(png.data, (v) => v >> 8) : (png.data as Uint8Array);
      return toGrey(data, png.width, png.height, png.channels);
    },
  };
}

function jpegPage(bytes: Uint8Array): ImagePage {
  const [width, height] = jpegSize(bytes);
  return {
    width,
    height,
    dpi: DEFAULT_DPI,
    decode() {
      assertPixelBudget(width, height, 'the image');
      const jpeg = decodeJpeg(bytes, {
        useTArray: true,
        formatAsRGBA: false,
        maxResolutionInMP: MAX_OCR_PIXELS / 1e6,
        maxMemoryUsageInMB: 2048,
      });
      return toGrey(jpeg.data, jpeg.width, jpeg.height, 3);
    },
  };
}

function tag(ifd: Ifd, n: number): number | undefined {
  const value = ifd[`t${n}`];
  return Array.isArray(value) && typeof value[0] === 'number' ? value[0] : undefined;
}

function tiffPages(bytes: Uint8Array): ImagePage[] {
  let ifds: Ifd[];
  try {
    ifds = UTIF.decode(bytes);
  } catch (error) {
    throw new ArchiveError('corrupt', `damaged TIFF (${messageOf(error)})`);
  }
  // Sub-images (thumbnails, masks: NewSubfileType bit 0 or 2) are not pages.
  const pages = ifds.filter((ifd) => ((tag(ifd, 254) ?? 0) & 0b101) === 0 && tag(ifd, 256) && tag(ifd, 257));
  if (pages.length === 0) throw new ArchiveError('corrupt', 'damaged TIFF (no image in it)');
  return pages.map((ifd) => {
    const width = tag(ifd, 256) ?? 0;
    const height = tag(ifd, 257) ?? 0;
    const unit = tag(ifd, 296) ?? 2;
    const resolution = tag(ifd, 282);
    return {
      width,
      height,
      dpi: saneDpi(resolution === undefined ? undefined : unit === 3 ? resolution * 2.54 : resolution),
      decode() {
        assertPixelBudget(width, height, 'the image');
        UTIF.decodeImage(bytes, ifd, ifds);
        return toGrey(UTIF.toRGBA8(ifd), width, height, 4);
      },
    };
  });
}

/** The pages of an image file (sizes only; pixels when each page's decode() is called). */
export function imagePages(bytes: Uint8Array): ImagePage[] {
  const format = imageFormatOf(bytes);
  if (format === 'png') return [pngPage(bytes)];
  if (format === 'jpeg') return [jpegPage(bytes)];
  if (format === 'tiff') return tiffPages(bytes);
  throw new ArchiveError('unsupported', 'not a PNG, JPEG or TIFF image');
}
