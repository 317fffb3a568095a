import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { bodySizeLimit } from './body-limit';

const app = new Hono().post(
  '/',
  bodySizeLimit({ maxSize: 10, onError: (c) => c.text('too large', 413) }),
  async (c) => c.text(`got ${await c.req.text()}`),
);

/** A body that fails the request if anyone reads it. */
const unreadable = () =>
  new ReadableStream({
    pull() {
      throw new Error('the body was read');
    },
  });

const chunked = (...chunks: string[]) =>
  new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });

const post = (body: BodyInit, headers: Record<string, string> = {}) => app.request('/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('bodySizeLimit', () => {
  it('passes a body within the limit to the route unchanged', async () => {
    const res = await post('0123456789', { 'Content-Length': '10' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('got 0123456789');
  });

  it('refuses a body whose Content-Length is over the limit without reading it', async () => {
    const res = await post(unreadable(), { 'Content-Length': '11' });
    expect(res.status).toBe(413);
  });

  it('closes the connection with its refusal, since the rest of the body is still coming on it', async () => {
    expect((await post(unreadable(), { 'Content-Length': '11' })).headers.get('Connection')).toBe('close');
    expect((await post(chunked('01234', '56789', 'x'))).headers.get('Connection')).toBe('close');
    expect((await post('0123456789', { 'Content-Length': '10' })).headers.get('Connection')).toBeNull();
  });

  it('counts a body sent without a length and refuses it once it passes the limit', async () => {
    expect((await post(chunked('01234', '56789'))).status).toBe(200);
    expect((await post(chunked('01234', '56789', 'x'))).status).toBe(413);
  });
});
