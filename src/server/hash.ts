/**
 * Node's own SHA-256 where there is one, found at run time so Workers bundles never import it:
 * Web Crypto's `digest` on Node is a trip through libuv's thread pool, which under load was one
 * of the longest tails of a checkout (`npm run bench`), while `createHash` hashes a cart of a
 * few KB in microseconds on the spot. Elsewhere (Workers), Web Crypto.
 */
const nodeCrypto = globalThis.process?.getBuiltinModule?.('node:crypto');

/** The first `bytes` bytes (all 32 by default) of a text's SHA-256, as hex (Node and Workers alike). */
export async function sha256Hex(text: string, bytes = 32): Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(text).digest('hex').slice(0, bytes * 2);
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(hash).slice(0, bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}
