import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { jsonBody } from './json-body';

const app = new Hono().post('/', jsonBody({ maxBytes: 20, what: 'the thing' }), (c) => c.json({ got: c.get('json') }));

const stream = (...chunks: string[]) =>
  new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
/** A body that fails the request if anyone reads it. */
const unreadable = () => new ReadableStream({ pull() { throw new Error('the body was read'); } });
const post = (body: BodyInit, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  app.request('/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
const error = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: { code: string } }).error });

describe('jsonBody', () => {
  it('hands the route the parsed body', async () => {
    expect(await (await post('{"a":[1,2]}')).json()).toEqual({ got: { a: [1, 2] } });
    expect(await (await post('{"a":1}', { 'Content-Type': 'application/json; charset=utf-8' })).json()).toEqual({ got: { a: 1 } });
  });

  it('refuses a body over the limit with body_too_large, declared or counted, without reading it', async () => {
    expect(await error(await post(unreadable(), { 'Content-Type': 'application/json', 'Content-Length': '21' }))).toMatchObject({ status: 413, code: 'body_too_large' });
    expect(await error(await post(stream('{"a":"0123456', '789012345"}')))).toMatchObject({ status: 413, code: 'body_too_large' });
  });

  it('refuses another content type with unsupported_media_type, and a body that is not JSON with malformed_json', async () => {
    expect(await error(await post('a=1', { 'Content-Type': 'application/x-www-form-urlencoded' }))).toMatchObject({ status: 415, code: 'unsupported_media_type', message: 'Send the thing as application/json.' });
    expect(await error(await post('{"a":', { 'Content-Type': 'application/json' }))).toMatchObject({ status: 400, code: 'malformed_json' });
  });

  it('judges the size before the content type, so an oversized body of any type is not read', async () => {
    expect(await error(await post(unreadable(), { 'Content-Type': 'text/plain', 'Content-Length': '1000000' }))).toMatchObject({ status: 413, code: 'body_too_large' });
  });
});
