/** The part of utif (Photopea's TIFF decoder, no types of its own) that Exhibit uses. */
declare module 'utif' {
  interface Ifd {
    width?: number;
    height?: number;
    /** Tags by number: t256 width, t257 height, t282 x resolution, t296 its unit. */
    [tag: `t${number}`]: number[] | string[] | undefined;
  }
  const UTIF: {
    decode(buffer: ArrayBuffer | Uint8Array): Ifd[];
    decodeImage(buffer: ArrayBuffer | Uint8Array, ifd: Ifd, ifds?: Ifd[]): void;
    toRGBA8(ifd: Ifd): Uint8Array;
  };
  export type { Ifd };
  export default UTIF;
}
