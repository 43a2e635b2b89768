/**
 * A page image as OCR sees it: 8-bit grey pixels, row by row from the top. Colour is of no
 * use to the recogniser, and one byte a pixel keeps a 300 dpi letter page near 8 MB.
 */
import { ArchiveError } from '../errors.js';

export interface GreyImage {
  width: number;
  height: number;
  /** width × height bytes, 0 black … 255 white, rows from the top. */
  pixels: Uint8Array;
}

/**
 * The largest image OCR reads: 100 megapixels (a letter page at 1,100 dpi, an A0 sheet at
 * 300 dpi). Past it, decoding alone would take gigabytes (a 35,000 × 35,000 image is 1.2 GB of
 * grey and 4.9 GB of RGBA), so such a page is refused in words before any pixel is decoded.
 */
export const MAX_OCR_PIXELS = 100_000_000;

/** Refuses an image past the pixel cap, naming its size; `what` says which image (e.g. "page 3"). */
export function assertPixelBudget(width: number, height: number, what: string): void {
  if (!(width > 0 && height > 0)) throw new ArchiveError('corrupt', `${what}: the image has no size`);
  if (width * height > MAX_OCR_PIXELS) {
    const mp = Math.round((width * height) / 1e6);
    throw new ArchiveError(
      'too-large',
      `${what}: the image is ${width} × ${height} pixels (${mp} megapixels); OCR reads images of at most ${MAX_OCR_PIXELS / 1e6} megapixels`,
    );
  }
}

/** Channels per pixel → grey, by the usual luma weights; alpha over white. */
export function toGrey(
  data: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  channels: number,
): GreyImage {
  const n = width * height;
  const pixels = new Uint8Array(n);
  if (channels === 1) pixels.set(data.subarray(0, n));
  else if (channels === 2) {
    for (let i = 0; i < n; i++) {
      const a = data[i * 2 + 1] ?? 255;
      pixels[i] = ((data[i * 2] ?? 255) * a + 255 * (255 - a)) / 255;
    }
  } else {
    for (let i = 0, j = 0; i < n; i++, j += channels) {
      const y = 0.299 * (data[j] ?? 255) + 0.587 * (data[j + 1] ?? 255) + 0.114 * (data[j + 2] ?? 255);
      const a = channels === 4 ? (data[j + 3] ?? 255) : 255;
      pixels[i] = (y * a + 255 * (255 - a)) / 255;
    }
  }
  return { width, height, pixels };
}

/** 1 bit a pixel, rows padded to a byte, a set bit white unless `setIsBlack`. */
export function fromBits(
  data: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  setIsBlack: boolean,
): GreyImage {
  const pixels = new Uint8Array(width * height);
  const stride = (width + 7) >> 3;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = ((data[y * stride + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
      pixels[y * width + x] = (bit === 1) !== setIsBlack ? 255 : 0;
    }
  }
  return { width, height, pixels };
}

/** The image turned clockwise by `degrees` (0, 90, 180 or 270). */
export function rotateClockwise(image: GreyImage, degrees: number): GreyImage {
  const { width: w, height: h, pixels } = image;
  if (degrees === 0) return image;
  if (degrees === 180) return { width: w, height: h, pixels: pixels.slice().reverse() };
  const out = new Uint8Array(w * h);
  // Turned by 90 either way, the image is h wide and w high.
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = pixels[y * w + x] ?? 255;
      if (degrees === 90) out[x * h + (h - 1 - y)] = v;
      else out[(w - 1 - x) * h + y] = v;
    }
  }
  return { width: h, height: w, pixels: out };
}

/** Where pixel (x, y) of the image turned clockwise by `degrees` was in the image before. */
export function unrotatePoint(
  x: number,
  y: number,
  degrees: number,
  before: { width: number; height: number },
): [number, number] {
  const { width: w, height: h } = before;
  if (degrees === 90) return [y, h - x];
  if (degrees === 180) return [w - x, h - y];
  if (degrees === 270) return [w - y, x];
  return [x, y];
}

/** A binary PGM (P5): the simplest file the recogniser's image reader takes, written without a library. */
export function encodePgm(image: GreyImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.pixels.length);
  out.set(header);
  out.set(image.pixels, header.length);
  return out;
}
