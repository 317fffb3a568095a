/** The first `bytes` bytes of a text's SHA-256, as hex (Web Crypto: Node and Workers alike). */
export async function sha256Hex(text: string, bytes: number): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(hash).slice(0, bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}
