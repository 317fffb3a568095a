import type { CatalogFile } from '../core/catalog/schema';
import { imageSize } from '../core/import/image-size';
import type { ReadIo } from './read-json';

/**
 * `fanshop import --measure-images`: fetches the start of every image the catalog links to and
 * writes its real width and height, since no export says them. A few requests at a time, the
 * first 64 KiB of each (a JPEG's size can follow its metadata); an image that cannot be measured
 * keeps the size it was given, and is named with the reason.
 */

const HEAD_BYTES = 64 * 1024;
const TIMEOUT_MS = 15_000;
const AT_ONCE = 6;

async function firstBytes(src: string, io: ReadIo): Promise<Uint8Array | string> {
  let response: Response;
  try {
    response = await io.fetch(src, { headers: { range: `bytes=0-${HEAD_BYTES - 1}` }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
    return typeof cause === 'string' ? cause : error instanceof Error ? error.message : String(error);
  }
  if (!response.ok) return `HTTP ${response.status}`;
  if (!response.body) return 'an empty answer';
  // A server that ignores Range sends the whole file: read only what is needed.
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  while (length < HEAD_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  await reader.cancel().catch(() => undefined);
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * Sets every http(s) image's width and height to what its file says.
 * @returns how many distinct images were measured, and those that could not be, with why
 */
export async function measureImages(catalog: CatalogFile, io: ReadIo): Promise<{ measured: number; failed: { src: string; reason: string }[] }> {
  const images = catalog.products.flatMap((product) => product.images ?? []);
  const srcs = [...new Set(images.map((image) => image.src))].filter((src) => /^https?:\/\//i.test(src));
  const sizes = new Map<string, { width: number; height: number }>();
  const failed: { src: string; reason: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < srcs.length) {
      const src = srcs[next++]!;
      const bytes = await firstBytes(src, io);
      const size = typeof bytes === 'string' ? undefined : imageSize(bytes);
      if (size) sizes.set(src, size);
      else failed.push({ src, reason: typeof bytes === 'string' ? bytes : 'not a PNG, JPEG, GIF or WebP image' });
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, srcs.length) }, worker));
  for (const image of images) {
    const size = sizes.get(image.src);
    if (size) Object.assign(image, size);
  }
  failed.sort((a, b) => srcs.indexOf(a.src) - srcs.indexOf(b.src));
  return { measured: sizes.size, failed };
}
