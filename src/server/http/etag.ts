/**
 * If-None-Match against our ETag, weakly (RFC 9110 §13.1.2): compression turns `"x"` into
 * `W/"x"` (hono/compress), and a browser sends back whichever it got.
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
