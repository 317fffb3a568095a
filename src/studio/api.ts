/**
 * The studio's one way to its server: same-origin requests to `/api/studio/…` with the session
 * cookie, JSON bodies. A 401 means the session is over (expired, logged out elsewhere, the
 * server restarted with a new secret): the shell is told, and shows the login form again.
 * @example const response = await studioFetch('/api/studio/reviews?status=pending');
 */
export async function studioFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  if (typeof init.body === 'string' && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const response = await fetch(path, { ...init, headers, credentials: 'same-origin', cache: 'no-store' });
  if (response.status === 401) for (const listener of [...signedOut]) listener();
  return response;
}

const signedOut = new Set<() => void>();

/** Calls `listener` whenever the server answers 401; returns the function that stops that. */
export function onSignedOut(listener: () => void): () => void {
  signedOut.add(listener);
  return () => void signedOut.delete(listener);
}
