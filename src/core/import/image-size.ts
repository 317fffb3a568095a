/**
 * The width and height of an image from its first bytes (PNG, GIF, JPEG, WebP), so an import
 * can give the catalog real image sizes instead of an assumed square. Reads the headers only:
 * PNG's IHDR, GIF's logical screen, JPEG's first SOF marker, WebP's VP8/VP8L/VP8X chunk.
 */

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const ascii = (b: Uint8Array, at: number, length: number) => String.fromCharCode(...b.subarray(at, at + length));

function jpeg(b: Uint8Array): ImageSize | undefined {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    // SOF0–SOF15 carry the frame's size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(b, at + 5), width: u16be(b, at + 7) };
    }
    at += 2 + u16be(b, at + 2);
  }
  return undefined;
}

function webp(b: Uint8Array): ImageSize | undefined {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ' && b.length >= 30) return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && b.length >= 30) return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return undefined;
}

/**
 * @example imageSize(firstBytesOfAPng) // { width: 800, height: 600 }
 * @returns undefined when the bytes are not the start of an image it knows
 */
export function imageSize(bytes: Uint8Array): ImageSize | undefined {
  const b = bytes;
  let size: ImageSize | undefined;
  if (b.length >= 24 && u32be(b, 0) === 0x89504e47 && ascii(b, 12, 4) === 'IHDR') size = { width: u32be(b, 16), height: u32be(b, 20) };
  else if (b.length >= 10 && ascii(b, 0, 4) === 'GIF8') size = { width: u16le(b, 6), height: u16le(b, 8) };
  else if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) size = jpeg(b);
  else if (b.length >= 16 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') size = webp(b);
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}
