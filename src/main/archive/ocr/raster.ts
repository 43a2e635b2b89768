/**
 * A page image as OCR sees it: 8-bit grey or RGB pixels, row by row from the top. Colour is
 * kept when the scan has it: tesseract.js binarises a colour page far better than the same
 * page turned grey by us (a photographed book page: 69% mean confidence and clean text in
 * colour, 43–50% and noise in grey). Bilevel and grey scans stay one byte a pixel.
 */
import { ArchiveError } from '../errors.js';

export interface GreyImage {
  width: number;
  height: number;
  /** 1 (grey) or 3 (RGB). */
  channels: 1 | 3;
  /** width × height × channels bytes, 0 black … 255 white, rows from the top. */
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

/** Channels per pixel (1 grey, 2 grey+alpha, 3 RGB, 4 RGBA) → grey or RGB, alpha laid over white. */
export function toGrey(
  data: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  channels: number,
): GreyImage {
  const n = width * height;
  if (channels === 1) return { width, height, channels: 1, pixels: Uint8Array.from(data.subarray(0, n)) };
  if (channels === 2) {
    const pixels = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const a = data[i * 2 + 1] ?? 255;
      pixels[i] = ((data[i * 2] ?? 255) * a + 255 * (255 - a)) / 255;
    }
    return { width, height, channels: 1, pixels };
  }
  const pixels = new Uint8Array(n * 3);
  for (let i = 0, j = 0; i < n; i++, j += channels) {
    const a = channels === 4 ? (data[j + 3] ?? 255) : 255;
    for (let c = 0; c < 3; c++) pixels[i * 3 + c] = ((data[j + c] ?? 255) * a + 255 * (255 - a)) / 255;
  }
  return { width, height, channels: 3, pixels };
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
  return { width, height, channels: 1, pixels };
}

/** The image turned clockwise by `degrees` (0, 90, 180 or 270). */
export function rotateClockwise(image: GreyImage, degrees: number): GreyImage {
  const { width: w, height: h, pixels, channels: k } = image;
  if (degrees !== 90 && degrees !== 180 && degrees !== 270) return image;
  const out = new Uint8Array(pixels.length);
  // Turned by 90 either way, the image is h wide and w high.
  const turned = degrees !== 180;
  const outWidth = turned ? h : w;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [nx, ny] = degrees === 90 ? [h - 1 - y, x] : degrees === 270 ? [y, w - 1 - x] : [w - 1 - x, h - 1 - y];
      const from = (y * w + x) * k;
      const to = (ny * outWidth + nx) * k;
      for (let c = 0; c < k; c++) out[to + c] = pixels[from + c] ?? 255;
    }
  }
  return { width: outWidth, height: turned ? w : h, channels: k, pixels: out };
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

/**
 * A BMP (8-bit with a grey palette, or 24-bit): uncompressed and written without a library;
 * the recogniser's image reader takes it as is.
 */
export function encodeBmp(image: GreyImage, dpi = 300): Uint8Array {
  const { width, height, pixels, channels } = image;
  const stride = (width * channels + 3) & ~3;
  const palette = channels === 1 ? 256 * 4 : 0;
  const offset = 14 + 40 + palette;
  const size = offset + stride * height;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out[0] = 0x42;
  out[1] = 0x4d;
  view.setUint32(2, size, true);
  view.setUint32(10, offset, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  view.setInt32(22, height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, channels * 8, true);
  view.setUint32(34, stride * height, true);
  // The resolution, in pixels per metre.
  view.setUint32(38, Math.round(dpi / 0.0254), true);
  view.setUint32(42, Math.round(dpi / 0.0254), true);
  if (channels === 1) {
    view.setUint32(46, 256, true);
    for (let i = 0; i < 256; i++) view.setUint32(54 + i * 4, (i << 16) | (i << 8) | i, true);
  }
  // BMP rows run from the bottom up, colours as blue, green, red.
  for (let y = 0; y < height; y++) {
    const row = offset + (height - 1 - y) * stride;
    if (channels === 1) out.set(pixels.subarray(y * width, (y + 1) * width), row);
    else
      for (let x = 0; x < width; x++) {
        const from = (y * width + x) * 3;
        out[row + x * 3] = pixels[from + 2] ?? 255;
        out[row + x * 3 + 1] = pixels[from + 1] ?? 255;
        out[row + x * 3 + 2] = pixels[from] ?? 255;
      }
  }
  return out;
}
