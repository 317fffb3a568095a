export function studioFetch(path: string, init?: RequestInit): Promise<Response> { return fetch(path, { credentials: 'same-origin', ...init }); }
