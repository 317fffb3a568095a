/** The most gzipped answers kept, and the most bytes of gzip kept in all. */
const MAX_ENTRIES = 64;
const MAX_KEPT_BYTES = 16 * 1024 * 1024;
/** An answer bigger than this is compressed every time: a whole big catalog is fetched rarely and revalidated by its ETag. */
const MAX_TEXT_BYTES = 4 * 1024 * 1024;

/**
 * gzip (CompressionStream) that remembers its recent outputs by the SHA-256 of their input, the
 * least recently used forgotten first. Hashing a 90 KB page takes a tenth of the time of
 * compressing it. A text is compressed once even when two requests ask for it at once.
 */
export function rememberedGzip(compress: (text: Uint8Array<ArrayBuffer>) => Promise<Uint8Array<ArrayBuffer>> = gzipBytes): (text: Uint8Array<ArrayBuffer>) => Promise<Uint8Array<ArrayBuffer>> {
  const kept = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  const sizes = new Map<string, number>();
  let keptBytes = 0;
  const forget = (key: string) => {
    keptBytes -= sizes.get(key) ?? 0;
    sizes.delete(key);
    kept.delete(key);
  };
  return async (text) => {
    if (text.byteLength > MAX_TEXT_BYTES) return compress(text);
    const key = hex(await crypto.subtle.digest('SHA-256', text));
    const known = kept.get(key);
    if (known) {
      // Most recently used: to the end of the map's order.
      kept.delete(key);
      kept.set(key, known);
      return known;
    }
    const made = compress(text);
    kept.set(key, made);
    try {
      const zipped = await made;
      if (kept.get(key) === made) {
        sizes.set(key, zipped.byteLength);
        keptBytes += zipped.byteLength;
        for (const oldest of kept.keys()) {
          if (kept.size <= MAX_ENTRIES && keptBytes <= MAX_KEPT_BYTES) break;
          if (oldest !== key) forget(oldest);
        }
      }
      return zipped;
    } catch (error) {
      forget(key);
      throw error;
    }
  };
}

/** gzip through the platform's CompressionStream. */
export async function gzipBytes(text: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const hex = (digest: ArrayBuffer) => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
